#include "http/multipart.hpp"

#include "core/ascii.hpp"
#include "http/field_list.hpp"

#include <algorithm>
#include <cctype>

namespace dateline::http {

namespace {

constexpr std::size_t max_part_header_bytes = 8 * 1024;
constexpr std::size_t max_boundary_chars = 70;

// RFC 2046 section 5.1.1: bchars, the last not a space.
bool valid_boundary(std::string_view b) {
    if (b.empty() || b.size() > max_boundary_chars || b.back() == ' ') return false;
    return std::all_of(b.begin(), b.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    });
}

// The parameters after a header's first value: `; name="value"; other=token`. A quoted value
// may escape a character with a backslash. Nothing when a quote is left open.
std::optional<std::vector<std::pair<std::string, std::string>>> parameters(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> out;
    while (true) {
        const auto semi = text.find(';');
        if (semi == std::string_view::npos) return out;
        text.remove_prefix(semi + 1);
        const auto equals = text.find('=');
        if (equals == std::string_view::npos) return out;
        std::string name = ascii_lowercase(trim_whitespace(text.substr(0, equals)));
        text = trim_whitespace(text.substr(equals + 1));
        std::string value;
        if (!text.empty() && text.front() == '"') {
            std::size_t i = 1;
            for (; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                value += text[i];
            }
            if (i >= text.size()) return std::nullopt;
            text.remove_prefix(i + 1);
        } else {
            const auto end = text.find(';');
            value = std::string(trim_whitespace(text.substr(0, end)));
            text = end == std::string_view::npos ? std::string_view() : text.substr(end);
        }
        out.emplace_back(std::move(name), std::move(value));
    }
}

// A part's headers: the name and file name of its Content-Disposition and its Content-Type.
std::optional<FormPart> part_head(std::string_view headers) {
    FormPart part;
    bool form_data = false;
    while (!headers.empty()) {
        const auto end = headers.find("\r\n");
        const std::string_view line = headers.substr(0, end);
        headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const std::string_view field = trim_whitespace(line.substr(0, colon));
        const std::string_view value = trim_whitespace(line.substr(colon + 1));
        if (equals_ignoring_ascii_case(field, "content-disposition")) {
            const auto semi = value.find(';');
            if (!equals_ignoring_ascii_case(trim_whitespace(value.substr(0, semi)), "form-data"))
                return std::nullopt;
            auto params = parameters(value);
            if (!params) return std::nullopt;
            for (auto& [name, v] : *params) {
                if (name == "name") {
                    part.name = std::move(v);
                    form_data = true;
                } else if (name == "filename") {
                    part.file_name = std::move(v);
                }
            }
        } else if (equals_ignoring_ascii_case(field, "content-type")) {
            part.content_type = ascii_lowercase(trim_whitespace(value.substr(0, value.find(';'))));
        }
    }
    if (!form_data) return std::nullopt;
    return part;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    const auto semi = content_type.find(';');
    if (!equals_ignoring_ascii_case(trim_whitespace(content_type.substr(0, semi)),
                                    "multipart/form-data"))
        return std::nullopt;
    auto params = parameters(content_type);
    if (!params) return std::nullopt;
    for (auto& [name, value] : *params)
        if (name == "boundary") return valid_boundary(value) ? std::optional(value) : std::nullopt;
    return std::nullopt;
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary,
                                                     std::size_t max_parts) {
    if (!valid_boundary(boundary)) return std::nullopt;
    const std::string opening = "--" + std::string(boundary);
    const std::string delimiter = "\r\n" + opening;
    // The first delimiter opens the body, or ends a preamble.
    std::size_t at = 0;
    if (body.substr(0, opening.size()) != opening) {
        at = body.find(delimiter);
        if (at == std::string_view::npos) return std::nullopt;
        at += 2;
    }
    at += opening.size();
    std::vector<FormPart> parts;
    while (true) {
        if (body.substr(at, 2) == "--")
            return parts;  // the closing delimiter; the rest is epilogue
        // Transport padding (spaces, tabs) may follow a delimiter before its line break.
        while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
        if (body.substr(at, 2) != "\r\n") return std::nullopt;
        at += 2;
        if (parts.size() == max_parts) return std::nullopt;
        const auto headers_end = body.find("\r\n\r\n", at);
        std::string_view headers;
        std::size_t content_start = 0;
        if (body.substr(at, 2) == "\r\n") {  // no headers at all
            content_start = at + 2;
        } else {
            if (headers_end == std::string_view::npos || headers_end - at > max_part_header_bytes)
                return std::nullopt;
            headers = body.substr(at, headers_end - at);
            content_start = headers_end + 4;
        }
        auto part = part_head(headers);
        if (!part) return std::nullopt;
        const auto content_end = body.find(delimiter, content_start);
        if (content_end == std::string_view::npos) return std::nullopt;
        part->content = body.substr(content_start, content_end - content_start);
        parts.push_back(std::move(*part));
        at = content_end + delimiter.size();
    }
}

}  // namespace dateline::http
