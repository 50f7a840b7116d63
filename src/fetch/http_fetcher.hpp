#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "core/result.hpp"

struct sockaddr;

namespace dateline::fetch {

/// A GET of an agency's feed or picture.
struct FetchRequest {
    std::string url;                          ///< http or https
    std::string etag;                         ///< sent as If-None-Match when not empty
    std::string last_modified;                ///< sent as If-Modified-Since when not empty
    std::size_t max_bytes = 8 * 1024 * 1024;  ///< a longer body (decoded) is refused
    std::chrono::seconds timeout{30};         ///< for the whole exchange, redirects included
};

/// What the server answered: 200 with the body, or 304 (not modified) without one.
struct FetchResponse {
    int status = 0;
    std::string body;
    std::string etag;           ///< the response's ETag, for the next request
    std::string last_modified;  ///< its Last-Modified
    std::string content_type;
    std::string url;  ///< where the body came from, after redirects
};

/// HTTP(S) GETs from outside, through libcurl: http and https only (redirects too, at most 5),
/// no proxy from the environment, bodies decoded (gzip, deflate, Brotli) and refused past
/// `max_bytes`, a connection within 10 seconds and the whole exchange within the request's
/// timeout. Every address a request connects to, redirects included, is checked when the socket
/// is opened (so a name that resolves again to another address is checked again): unless
/// `allow_private_addresses`, loopback, private, link-local, shared, multicast and reserved
/// addresses are refused, so that a feed's URL or a picture's cannot reach the network the
/// server sits in. Errors say what went wrong in words for the operator: the server's status
/// (other than 200 and 304), a refused address, a timeout, a body too large. Thread-safe: each
/// call has its own handle.
class HttpFetcher {
  public:
    explicit HttpFetcher(bool allow_private_addresses)
        : allow_private_addresses_(allow_private_addresses) {}

    Result<FetchResponse> get(const FetchRequest& request) const;

  private:
    bool allow_private_addresses_;
};

/// Whether a socket address is one the public internet routes to: not loopback, private
/// (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, shared (100.64/10), multicast,
/// unspecified, documentation, benchmarking or otherwise reserved; an IPv4 address mapped into
/// IPv6 is judged as IPv4.
bool is_public_address(const sockaddr* address);

}  // namespace dateline::fetch
