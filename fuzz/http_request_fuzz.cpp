// Fuzz harness: the bytes of an HTTP/1.1 request, read as the server reads them (Beast's parser,
// the same limits), then its target and the client's address as the handlers see them.
//
// No sockets: the bytes are handed to the parser a piece at a time, as reads from a connection
// would bring them (the first byte of the input sets the piece size), growing a contiguous
// buffer as server.cpp's flat_buffer does; pipelined requests are read one after another. Beast
// stays in this file: it is slow to compile.
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/ip_address.hpp"
#include "http/framing.hpp"
#include "http/message.hpp"

namespace bhttp = boost::beast::http;

namespace {

// As src/http/server.hpp's ServerOptions.
constexpr std::uint32_t max_header_bytes = 16 * 1024;
constexpr std::uint64_t max_body_bytes = 1024 * 1024;
constexpr std::size_t max_target_bytes = 4096;
constexpr int max_requests = 8;

const std::string peer = "127.0.0.1";
const std::vector<std::string> trusted_proxies = {"127.0.0.1", "10.0.0.2"};

std::string lowercase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The parser fed as a connection would feed it; false when the request is refused or incomplete.
// `used`: the bytes the request took (a pipelined request may follow).
bool parse(bhttp::request_parser<bhttp::string_body>& parser, std::string_view bytes,
           std::size_t piece, std::size_t& used) {
    std::size_t arrived = std::min(bytes.size(), piece);
    boost::beast::error_code ec;
    used = 0;
    while (!parser.is_done()) {
        const std::size_t before = used;
        used += parser.put(boost::asio::buffer(bytes.data() + used, arrived - used), ec);
        if (ec && ec != bhttp::error::need_more) return false;  // 400, 413 or 431 in the server
        if (ec || used == before) {
            if (arrived == bytes.size()) return false;  // the connection ends mid-request
            arrived = std::min(bytes.size(), arrived + piece);
        }
    }
    return true;
}

// What the server does with a parsed request before its handler sees it; false when the server
// refuses it and closes the connection.
bool handle(bhttp::request<bhttp::string_body>& in) {
    if (in.body().size() > max_body_bytes) std::abort();
    dateline::http::Request request;
    request.method_name = std::string(in.method_string());
    request.raw_target = std::string(in.target());
    request.remote_address = peer;
    for (const auto& field : in)
        request.headers.emplace_back(lowercase(field.name_string()), std::string(field.value()));
    request.host = lowercase(in[bhttp::field::host]);
    request.body = std::move(in.body());

    // A request whose body length is ambiguous goes no further, nor does its connection.
    if (dateline::http::check_message_framing(in) != dateline::http::Framing::Ok) return false;

    if (request.raw_target.size() <= max_target_bytes) {
        if (const auto target = dateline::http::parse_target(request.raw_target)) {
            for (const auto& segment : target->segments)
                if (segment.empty() || segment == "." || segment == "..") std::abort();
        }
    }

    // The address is the peer's or a canonical one from X-Forwarded-For, never a proxy's.
    const std::string address = dateline::http::client_address(request, trusted_proxies);
    if (address != peer) {
        if (dateline::canonical_ip(address) != address) std::abort();
        if (std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
            trusted_proxies.end())
            std::abort();
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t piece = 1 + data[0] % 64 * 64;  // 1 to 4033 bytes a read
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    // Requests one after another on a kept-alive connection, as long as each is whole.
    for (int i = 0; i < max_requests && !rest.empty(); ++i) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(max_header_bytes);
        parser.body_limit(max_body_bytes);
        std::size_t used = 0;
        if (!parse(parser, rest, piece, used)) break;
        if (used == 0 || used > rest.size()) std::abort();
        const bool keep_alive = parser.get().keep_alive();
        if (!handle(parser.get()) || !keep_alive) break;
        rest.remove_prefix(used);
    }
    return 0;
}
