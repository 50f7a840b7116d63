#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ascii.hpp"

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

/// check_framing over a parsed message: anything whose fields iterate with name_string() and
/// value() and that has version(), such as Beast's. A template, so that this header needs no
/// Beast; the server and the request fuzz harness read a message the same way through it.
template <typename Message>
Framing check_message_framing(const Message& message) {
    auto named = [](std::string_view name, std::string_view wanted) {
        return equals_ignoring_ascii_case(name, wanted);
    };
    // RFC 9110 section 5.3: several field lines are one comma-separated list.
    std::optional<std::string> transfer_encoding;
    bool has_content_length = false;
    for (const auto& field : message) {
        const std::string_view name(field.name_string().data(), field.name_string().size());
        if (named(name, "transfer-encoding")) {
            if (transfer_encoding)
                *transfer_encoding += ',';
            else
                transfer_encoding.emplace();
            transfer_encoding->append(field.value().data(), field.value().size());
        } else if (named(name, "content-length")) {
            has_content_length = true;
        }
    }
    return check_framing(
        message.version(),
        transfer_encoding ? std::optional<std::string_view>(*transfer_encoding) : std::nullopt,
        has_content_length);
}

}  // namespace dateline::http
