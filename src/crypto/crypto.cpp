#include "crypto/crypto.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <limits>
#include <stdexcept>

namespace dateline::crypto {

namespace {

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

void start_sodium() {
    static const bool started = sodium_init() >= 0;
    if (!started) throw std::runtime_error("libsodium failed to start");
}

}  // namespace

namespace {
// OWASP's Password Storage Cheat Sheet, first Argon2id configuration: m=19456 KiB, t=2, p=1
// (libsodium always uses one lane).
constexpr unsigned long long password_passes = 2;
constexpr std::size_t password_memory = 19456U * 1024U;
}  // namespace

std::string hash_password(std::string_view password) {
    start_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), password_passes,
                              password_memory, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to hash a password");
    return out;
}

bool password_matches(std::string_view hash, std::string_view password) {
    start_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string terminated(hash);  // libsodium reads a C string
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool password_hash_outdated(std::string_view hash) {
    start_sodium();
    const std::string terminated(hash);
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), password_passes, password_memory) !=
           0;
}

std::string sha256_hex(std::string_view text) {
    start_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, bytes(text), text.size());
    return to_hex({reinterpret_cast<const char*>(digest), sizeof digest});
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    start_sodium();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, bytes(key), key.size());
    crypto_auth_hmacsha256_update(&state, bytes(message), message.size());
    std::string out(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

std::string pbkdf2_sha256(std::string_view password, std::string_view salt,
                          std::uint32_t iterations, std::size_t length) {
    constexpr std::size_t block = crypto_auth_hmacsha256_BYTES;
    constexpr std::size_t int_max = std::numeric_limits<int>::max();
    if (length > block || iterations == 0)
        throw std::invalid_argument("pbkdf2_sha256: one block and at least one iteration");
    // OpenSSL counts in int, and reads a length of -1 as "up to the NUL".
    if (iterations > int_max || password.size() > int_max || salt.size() > int_max)
        throw std::invalid_argument("pbkdf2_sha256: input beyond OpenSSL's int range");
    std::string out(length, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), bytes(salt),
                          static_cast<int>(salt.size()), static_cast<int>(iterations), EVP_sha256(),
                          static_cast<int>(length),
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        throw std::runtime_error("pbkdf2_sha256: OpenSSL failed");
    return out;
}

std::string random_bytes(std::size_t count) {
    start_sodium();
    std::string out(count, '\0');
    randombytes_buf(out.data(), out.size());
    return out;
}

std::uint32_t random_below(std::uint32_t upper) {
    start_sodium();
    return randombytes_uniform(upper);
}

std::string to_hex(std::string_view data) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * data.size());
    for (const char ch : data) {
        const auto b = static_cast<unsigned char>(ch);
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::string out(hex.size() / 2, '\0');
    std::size_t written = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                       hex.size(), nullptr, &written, nullptr) != 0 ||
        written != out.size())
        return std::nullopt;
    return out;
}

std::string to_base64(std::string_view data) {
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(data.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes(data), data.size(), variant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::string> from_base64(std::string_view text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t written = 0;
    const char* end = nullptr;
    const int variant = text.find('=') == std::string_view::npos
                            ? sodium_base64_VARIANT_ORIGINAL_NO_PADDING
                            : sodium_base64_VARIANT_ORIGINAL;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &written, &end, variant) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(written);
    return out;
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace dateline::crypto
