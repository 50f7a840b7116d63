#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::crypto {

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA-1): what every
/// authenticator app computes from a shared key and the time, in 30-second steps, six digits.

constexpr std::int64_t totp_step_seconds = 30;
constexpr int totp_digits = 6;
/// Bytes of a new key: 160 bits, the HMAC-SHA-1 block RFC 4226 section 4 recommends.
constexpr std::size_t totp_key_bytes = 20;

/// RFC 4226's HOTP value of `key` at `counter`, as `digits` decimal digits (leading zeros kept).
std::string hotp(std::string_view key, std::uint64_t counter, int digits = totp_digits);

/// The time step holding `unix_time`.
std::int64_t totp_step_at(std::int64_t unix_time);

/// The step whose code `code` is, among the step at `unix_time` and the one before and after it
/// (RFC 6238 section 5.2: a phone's clock drifts, a code is typed while its step ends), and only
/// if that step is later than `last_used_step`, so that a code is good once (section 5.2 again).
/// Nothing for a wrong, reused or malformed code. Compared in constant time.
std::optional<std::int64_t> totp_match(std::string_view key, std::string_view code,
                                       std::int64_t unix_time, std::int64_t last_used_step);

/// RFC 4648 base32 (upper case, no padding), as authenticator apps take keys.
std::string to_base32(std::string_view bytes);
/// The bytes of base32 text (either case, padding and spaces ignored); nothing when malformed.
std::optional<std::string> from_base32(std::string_view text);

}  // namespace dateline::crypto
