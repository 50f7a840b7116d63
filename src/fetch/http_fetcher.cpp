#include "fetch/http_fetcher.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>

#include "core/ascii.hpp"

namespace dateline::fetch {

namespace {

bool in_v4(std::uint32_t address, std::uint32_t network, int bits) {
    const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
    return (address & mask) == (network & mask);
}

bool public_v4(std::uint32_t a) {
    struct Block {
        std::uint32_t network;
        int bits;
    };
    constexpr std::array<Block, 15> reserved{{
        {0x00000000, 8},   // "this" network
        {0x0A000000, 8},   // private
        {0x64400000, 10},  // shared address space (carrier-grade NAT)
        {0x7F000000, 8},   // loopback
        {0xA9FE0000, 16},  // link-local (cloud metadata services live here)
        {0xAC100000, 12},  // private
        {0xC0000000, 24},  // IETF protocol assignments
        {0xC0000200, 24},  // documentation
        {0xC0A80000, 16},  // private
        {0xC6120000, 15},  // benchmarking
        {0xC6336400, 24},  // documentation
        {0xCB007100, 24},  // documentation
        {0xE0000000, 4},   // multicast
        {0xF0000000, 4},   // reserved, and the broadcast address
        {0xC0586300, 24},  // 6to4 relay anycast
    }};
    for (const auto& block : reserved)
        if (in_v4(a, block.network, block.bits)) return false;
    return true;
}

bool public_v6(const std::uint8_t* b) {
    static constexpr std::uint8_t mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(b, mapped_prefix, 12) == 0)
        return public_v4(std::uint32_t{b[12]} << 24 | std::uint32_t{b[13]} << 16 |
                         std::uint32_t{b[14]} << 8 | b[15]);
    bool zero_to_14 = true;
    for (int i = 0; i < 15; ++i) zero_to_14 = zero_to_14 && b[i] == 0;
    if (zero_to_14 && (b[15] == 0 || b[15] == 1)) return false;  // :: and ::1
    if ((b[0] & 0xfe) == 0xfc) return false;                     // fc00::/7, unique local
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;     // fe80::/10, link-local
    if (b[0] == 0xff) return false;                              // multicast
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // docs
    // NAT64 (64:ff9b::/96) carries an IPv4 address: judged as that address.
    static constexpr std::uint8_t nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (std::memcmp(b, nat64, 12) == 0)
        return public_v4(std::uint32_t{b[12]} << 24 | std::uint32_t{b[13]} << 16 |
                         std::uint32_t{b[14]} << 8 | b[15]);
    return true;
}

std::string text_of(const sockaddr* address) {
    char out[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, out,
                  sizeof out);
    else if (address->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, out,
                  sizeof out);
    return out;
}

// What one transfer collects, and what its callbacks found wrong.
struct Transfer {
    bool allow_private = false;
    std::size_t max_bytes = 0;
    std::string body;
    bool too_large = false;
    std::string refused_address;
    std::string etag;
    std::string last_modified;
    std::string content_type;
};

curl_socket_t open_socket(void* data, curlsocktype purpose, curl_sockaddr* address) {
    auto* transfer = static_cast<Transfer*>(data);
    if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
    if (!transfer->allow_private && !is_public_address(&address->addr)) {
        transfer->refused_address = text_of(&address->addr);
        return CURL_SOCKET_BAD;
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (transfer->body.size() + bytes > transfer->max_bytes) {
        transfer->too_large = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, bytes);
    return bytes;
}

// A header line of the response. A redirect's headers come first: a new status line starts
// over, so that only the last response's fields count.
std::size_t read_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    std::string_view line(data, bytes);
    if (line.starts_with("HTTP/")) {
        transfer->etag.clear();
        transfer->last_modified.clear();
        transfer->content_type.clear();
        return bytes;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return bytes;
    const std::string name = ascii_lowercase(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
    constexpr std::size_t longest = 1024;  // a validator longer than this is not kept
    if (value.size() > longest) return bytes;
    if (name == "etag") transfer->etag = value;
    if (name == "last-modified") transfer->last_modified = value;
    if (name == "content-type") transfer->content_type = value;
    return bytes;
}

void start_libcurl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A header's value may not carry a line break (it would start another header).
bool single_line(const std::string& value) {
    return value.find_first_of("\r\n") == std::string::npos;
}

}  // namespace

bool is_public_address(const sockaddr* address) {
    if (address->sa_family == AF_INET)
        return public_v4(ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr));
    if (address->sa_family == AF_INET6)
        return public_v6(reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr.s6_addr);
    return false;
}

Result<FetchResponse> HttpFetcher::get(const FetchRequest& request) const {
    start_libcurl();
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(),
                                                                     &curl_easy_cleanup);
    if (!handle) return Error::internal("libcurl could not start a transfer");
    CURL* curl = handle.get();
    Transfer transfer;
    transfer.allow_private = allow_private_addresses_;
    transfer.max_bytes = request.max_bytes;

    curl_slist* headers = nullptr;
    const auto add_header = [&](const std::string& line) {
        headers = curl_slist_append(headers, line.c_str());
    };
    if (!request.etag.empty() && single_line(request.etag))
        add_header("If-None-Match: " + request.etag);
    if (!request.last_modified.empty() && single_line(request.last_modified))
        add_header("If-Modified-Since: " + request.last_modified);
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(
        headers, &curl_slist_free_all);

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_PROXY, "");  // never a proxy named by the environment
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every coding libcurl decodes
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Dateline wire desk");
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, &open_socket);
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &read_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    if (header_list) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());

    const CURLcode done = curl_easy_perform(curl);
    if (!transfer.refused_address.empty())
        return Error::forbidden("its address " + transfer.refused_address +
                                " is a private, loopback or reserved one, which Dateline does not "
                                "fetch from (wire_allow_private_addresses allows it)");
    if (transfer.too_large || done == CURLE_FILESIZE_EXCEEDED)
        return Error::invalid("it is larger than " +
                              std::to_string(request.max_bytes / (1024 * 1024)) + " MB");
    if (done == CURLE_OPERATION_TIMEDOUT)
        return Error::unavailable("it did not answer within " +
                                  std::to_string(request.timeout.count()) + " seconds");
    if (done != CURLE_OK)
        return Error::unavailable(std::string("it could not be fetched (") +
                                  curl_easy_strerror(done) + ")");
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200 && status != 304)
        return Error::unavailable("its server answered " + std::to_string(status));
    FetchResponse response;
    response.status = static_cast<int>(status);
    response.body = std::move(transfer.body);
    response.etag = std::move(transfer.etag);
    response.last_modified = std::move(transfer.last_modified);
    response.content_type = std::move(transfer.content_type);
    char* effective = nullptr;
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
    response.url = effective ? effective : request.url;
    return response;
}

}  // namespace dateline::fetch
