#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::http {

/// A request target split and percent-decoded, already checked: every segment is valid UTF-8
/// without control characters, slashes, backslashes, "." or "..".
struct Target {
    std::vector<std::string> segments;  ///< "/en/business/" -> {"en", "business"}
    bool trailing_slash = false;        ///< the path ends in '/' (the root "/" counts)
    std::multimap<std::string, std::string> query;

    /// The first value of a query parameter.
    std::optional<std::string> param(std::string_view name) const;
};

enum class Method { Get, Head, Post, Put, Other };

/// An HTTP request as handlers see it: no I/O, no Beast types.
struct Request {
    Method method = Method::Get;
    std::string method_name;
    std::string raw_target;
    Target target;
    std::string host;                                          ///< the Host header, lowercased
    std::vector<std::pair<std::string, std::string>> headers;  ///< names lowercased
    std::string body;
    std::string remote_address;
    std::string id;  ///< names this request in the logs and the X-Request-Id header

    /// The first header with this lowercase name, or empty.
    std::string_view header(std::string_view name) const;
};

/// A shared body from this size on, held in a file too, goes out with sendfile(2); a smaller
/// one is written with its head, one system call instead of two.
inline constexpr std::size_t sendfile_min_bytes = 16 * 1024;

/// A response a handler returns; the server adds the security headers, Date, Content-Length and
/// connection management, and drops the body of HEAD responses.
struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// A body shared with whoever keeps it (a cached page), sent without a copy.
    struct SharedBody {
        std::shared_ptr<const void> owner;  ///< keeps `bytes` (and `fd`) alive
        std::string_view bytes;
        /// A file holding the same bytes from `offset`, for the server to send them with
        /// sendfile(2); -1: none.
        int fd = -1;
        std::int64_t offset = 0;
    };
    /// When its owner is set, it is the body and `body` is not read.
    SharedBody shared_body;
    /// Header fields already in wire form ("Name: value\r\n" each), held by whoever keeps them
    /// (a cached page serialises its fields once), sent before `headers`, part by part. header()
    /// does not look in them.
    struct SharedFields {
        std::shared_ptr<const void> owner;  ///< keeps the parts alive
        std::array<std::string_view, 2> parts;
    };
    SharedFields fields;
    /// The route that answered, for metrics and the log: a route table's pattern (Router sets
    /// it), pointing into storage that outlives the server; empty when no route did.
    std::string_view route;
    /// How the page cache answered ("hit", "stale", "miss", "pass"), for the access log;
    /// static text; empty when the cache had no part.
    std::string_view cache;

    Response& set_header(std::string name, std::string value);
    std::string_view header(std::string_view name) const;
    /// The body to send, whichever holds it.
    std::string_view payload() const { return shared_body.owner ? shared_body.bytes : body; }

    static Response html(int status, std::string body);
    static Response text(int status, std::string body);
    static Response redirect(int status, std::string location);
};

/// Appends header fields in wire form ("Name: value\r\n" each). False, and nothing appended, when
/// a name or value holds a CR, LF or NUL: a field that would end the head early or split it.
bool append_fields(std::string& out,
                   const std::vector<std::pair<std::string, std::string>>& fields);

/// Parses and normalises a request target (origin form, RFC 9112 section 3.2.1). Returns nothing
/// for a malformed or hostile target, which the server answers with 400.
std::optional<Target> parse_target(std::string_view raw);
/// The same into `into`, in the room its parts kept from an earlier target (a connection's
/// previous request); false, `into` left unspecified, where the other returns nothing.
bool parse_target(std::string_view raw, Target& into);

/// The fields of an application/x-www-form-urlencoded body ("+" is a space, percent escapes
/// decoded; values are not checked for UTF-8). Nothing when the body is malformed or has more
/// than `max_fields` fields.
std::optional<std::multimap<std::string, std::string>> parse_form(std::string_view body,
                                                                  std::size_t max_fields = 32);

/// The address a request came from, canonical (core/ip_address.hpp): the peer's, or, when the
/// peer is one of the trusted proxies (canonical addresses), the nearest address in
/// X-Forwarded-For (all its lines) that is not itself a trusted proxy. A hop may carry a port;
/// a hop that is not an address stops the walk: nothing beyond it is believed.
std::string client_address(const Request& request, const std::vector<std::string>& trusted_proxies);

/// What a request's head says, seen before its body is read: enough to decide how large a body
/// to take, not to trust (nothing here has been checked against the database).
struct RequestHead {
    std::string_view method;
    std::string_view target;         ///< as sent, with its query
    std::string_view authorization;  ///< the Authorization field, or empty
    std::string_view cookie;         ///< the Cookie field, or empty
};

/// A handler: a pure function from request to response. It may block (on the database) and
/// throw; the server answers 500.
using Handler = std::function<Response(const Request&)>;

/// A handler for what can be answered without blocking (a cached page, a fixed answer): the
/// response, or nothing to hand the request on to the Handler. Must not throw.
using FastHandler = std::function<std::optional<Response>(const Request&)>;

}  // namespace dateline::http
