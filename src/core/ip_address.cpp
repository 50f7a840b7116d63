#include "core/ip_address.hpp"

#include <arpa/inet.h>

#include <array>
#include <charconv>
#include <cstring>

namespace dateline {

namespace {

constexpr std::size_t max_text = INET6_ADDRSTRLEN;

// Dotted decimal, as inet_ntop writes it: glibc's formats with sprintf, and the page cache reads
// the reader's address on every story page it serves (most read).
std::string dotted(const in_addr& address) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(&address.s_addr);
    char out[16];
    char* end = out;
    for (int i = 0; i < 4; ++i) {
        if (i > 0) *end++ = '.';
        end = std::to_chars(end, out + sizeof out, bytes[i]).ptr;
    }
    return {out, end};
}

}  // namespace

std::optional<std::string> canonical_ip(std::string_view text) {
    if (text.empty() || text.size() >= max_text) return std::nullopt;
    const std::string input(text);
    char out[max_text];
    in_addr v4{};
    if (inet_pton(AF_INET, input.c_str(), &v4) == 1) return dotted(v4);
    in6_addr v6{};
    if (inet_pton(AF_INET6, input.c_str(), &v6) != 1) return std::nullopt;
    static constexpr std::array<unsigned char, 12> mapped = {0, 0, 0, 0, 0,    0,
                                                             0, 0, 0, 0, 0xFF, 0xFF};
    if (std::memcmp(v6.s6_addr, mapped.data(), mapped.size()) == 0) {
        std::memcpy(&v4, v6.s6_addr + 12, 4);
        return dotted(v4);
    }
    return std::string(inet_ntop(AF_INET6, &v6, out, sizeof out));
}

bool is_ip_address(std::string_view text) {
    if (text.empty() || text.size() >= max_text) return false;
    const std::string input(text);
    in6_addr parsed{};
    return inet_pton(AF_INET, input.c_str(), &parsed) == 1 ||
           inet_pton(AF_INET6, input.c_str(), &parsed) == 1;
}

namespace {

// The address with all but its first `v4_bytes` (IPv4) or `v6_bytes` (IPv6) zeroed, in canonical
// text; nothing when it is not an address.
std::optional<std::string> masked(std::string_view address, std::size_t v4_bytes,
                                  std::size_t v6_bytes) {
    if (address.size() >= max_text) return std::nullopt;
    const std::string input(address);
    char out[max_text];
    in_addr v4{};
    if (inet_pton(AF_INET, input.c_str(), &v4) == 1) {
        std::memset(reinterpret_cast<unsigned char*>(&v4) + v4_bytes, 0, 4 - v4_bytes);
        return dotted(v4);
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, input.c_str(), &v6) == 1) {
        std::memset(v6.s6_addr + v6_bytes, 0, 16 - v6_bytes);
        return std::string(inet_ntop(AF_INET6, &v6, out, sizeof out));
    }
    return std::nullopt;
}

}  // namespace

std::string ip_network(std::string_view address) {
    if (address.find(':') == std::string_view::npos) {
        if (auto network = masked(address, 3, 16)) return *network + "/24";
    } else if (auto network = masked(address, 4, 8)) {
        return *network + "/64";
    }
    return std::string(address);
}

std::string anonymised_ip(std::string_view address) {
    return masked(address, 3, 6).value_or(std::string(address));
}

}  // namespace dateline
