#include "app/digest.hpp"

#include <sodium.h>

namespace dateline::app {

std::string sha256_hex(std::string_view text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * sizeof digest);
    for (const unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    return out;
}

}  // namespace dateline::app
