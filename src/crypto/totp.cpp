#include "crypto/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace dateline::crypto {

namespace {

constexpr std::string_view base32_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

}  // namespace

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
    if (digits < 6 || digits > 9) throw std::invalid_argument("HOTP takes 6 to 9 digits");
    std::array<unsigned char, 8> message{};
    for (int i = 7; i >= 0; --i) {
        message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFFU);
        counter >>= 8U;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message.data(), message.size(),
              mac.data(), &length) ||
        length != 20)
        throw std::runtime_error("HMAC-SHA-1 failed");
    // RFC 4226 section 5.3: dynamic truncation.
    const auto offset = mac[19] & 0x0FU;
    const std::uint32_t binary = ((mac[offset] & 0x7FU) << 24U) | (mac[offset + 1] << 16U) |
                                 (mac[offset + 2] << 8U) | mac[offset + 3];
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t totp_step_at(std::int64_t unix_time) {
    return unix_time / totp_step_seconds;
}

std::optional<std::int64_t> totp_match(std::string_view key, std::string_view code,
                                       std::int64_t unix_time, std::int64_t last_used_step) {
    if (code.size() != static_cast<std::size_t>(totp_digits) || key.empty()) return std::nullopt;
    for (const char c : code)
        if (c < '0' || c > '9') return std::nullopt;
    const std::int64_t now = totp_step_at(unix_time);
    std::optional<std::int64_t> matched;
    // Every candidate is computed and compared, so the time taken says nothing of which matched.
    for (std::int64_t step = now - 1; step <= now + 1; ++step) {
        if (step < 0) continue;
        const bool same = equal_in_constant_time(hotp(key, static_cast<std::uint64_t>(step)), code);
        if (same && step > last_used_step && !matched) matched = step;
    }
    return matched;
}

std::string to_base32(std::string_view bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char ch : bytes) {
        buffer = (buffer << 8U) | static_cast<unsigned char>(ch);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += base32_alphabet[(buffer >> static_cast<unsigned>(bits)) & 0x1FU];
        }
    }
    if (bits > 0) out += base32_alphabet[(buffer << static_cast<unsigned>(5 - bits)) & 0x1FU];
    return out;
}

std::optional<std::string> from_base32(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    bool padding = false;
    for (const char ch : text) {
        if (ch == ' ') continue;
        if (ch == '=') {
            padding = true;
            continue;
        }
        const char upper = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
        const auto value = base32_alphabet.find(upper);
        if (value == std::string_view::npos || padding) return std::nullopt;
        buffer = (buffer << 5U) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
        }
    }
    return out;
}

}  // namespace dateline::crypto
