#pragma once

#include <optional>
#include <string_view>

namespace dateline::http {

/// What a request's message framing allows (RFC 9112 section 6).
enum class Framing {
    Ok,              ///< no Transfer-Encoding, or exactly "chunked" on HTTP/1.1
    Malformed,       ///< 400, then close: the body's length cannot be trusted
    NotImplemented,  ///< 501, then close: a transfer coding this server does not decode
};

/// Checks a parsed request's framing. `transfer_encoding` is every Transfer-Encoding field line
/// joined with commas (nothing when there is none); `version` is Beast's (11 for HTTP/1.1).
/// Refused, because a parser that read the body otherwise would see a second request in it
/// (request smuggling): a Transfer-Encoding on HTTP/1.0 (section 6.1), one whose final coding is
/// not chunked (section 6.3, rule 4), chunked applied twice, and Transfer-Encoding beside
/// Content-Length (section 6.3, rule 3). Codings other than chunked are not implemented.
Framing check_framing(unsigned version, std::optional<std::string_view> transfer_encoding,
                      bool has_content_length);

}  // namespace dateline::http
