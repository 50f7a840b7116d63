#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::crypto {

/// Cryptographic primitives and encodings the modules build on (media names files by digest, app
/// signs and checks), from libsodium (started on first use)
/// and, for PBKDF2, OpenSSL; all thread-safe. Byte strings are held in std::string; "hex" means
/// lowercase hexadecimal.

/// The SHA-256 of `text` as 64 hex digits: how the application keeps a fingerprint of something
/// it must recognise again (a used token, a submitted comment) without keeping it.
std::string sha256_hex(std::string_view text);

/// HMAC-SHA-256 of `message` under `key` (any length): 32 bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);

/// PBKDF2 with HMAC-SHA-256 (RFC 8018 section 5.2, OpenSSL's PKCS5_PBKDF2_HMAC): `length`
/// bytes, at most 32 (one block, which is all the security check needs). Throws
/// std::invalid_argument for a longer key, no iterations, or a count or input beyond INT_MAX.
std::string pbkdf2_sha256(std::string_view password, std::string_view salt,
                          std::uint32_t iterations, std::size_t length);

/// An Argon2id hash of `password` in the PHC string format ("$argon2id$v=19$m=19456,t=2,p=1$..."),
/// with a fresh random salt, at OWASP's recommended cost (19 MiB, two passes, one lane): about
/// 30 ms on one core. Throws std::runtime_error when memory for it cannot be had.
std::string hash_password(std::string_view password);
/// Whether `password` is the one `hash` (from hash_password, or an older cost) was made from.
/// False for a malformed hash.
bool password_matches(std::string_view hash, std::string_view password);
/// Whether `hash` was made at another cost than hash_password's now, and should be made again
/// the next time its password is at hand (at sign-in).
bool password_hash_outdated(std::string_view hash);

/// `count` bytes from the operating system's random source.
std::string random_bytes(std::size_t count);
/// A uniformly random number in [0, upper).
std::uint32_t random_below(std::uint32_t upper);

std::string to_hex(std::string_view bytes);
/// The bytes of a hex string; nothing when it is not an even number of hex digits.
std::optional<std::string> from_hex(std::string_view hex);

/// Standard base64 with padding, as browsers' btoa() writes it.
std::string to_base64(std::string_view bytes);
/// The bytes of standard base64 (padding optional); nothing when malformed.
std::optional<std::string> from_base64(std::string_view text);

/// Compares two secrets in time that depends only on their length.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace dateline::crypto
