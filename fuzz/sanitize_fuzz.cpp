// Fuzz harness: whatever goes into the sanitizer, no script-capable markup comes out.
//
// The output is read back tag by tag (text is escaped, so "<" only starts markup the sanitizer
// wrote) and each attribute value is unescaped; a link fails only when its scheme, read as a
// browser reads it, is one that runs or embeds content, so `href="javascripthref="` (a relative
// link) passes and `href=" java&#9;script:x"` would not.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "sanitize/html_sanitizer.hpp"

namespace {

constexpr std::array forbidden_elements = {"script", "iframe", "svg",  "style", "img",
                                           "object", "embed",  "math", "frame", "template"};
constexpr std::array forbidden_schemes = {"javascript", "vbscript", "data"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// An attribute value as written by escape_html(), unescaped; nothing when it holds markup or a
// character reference escape_html() does not write (a browser would decode those too).
std::optional<std::string> unescape(std::string_view value) {
    static constexpr std::array<std::pair<std::string_view, char>, 5> references = {
        {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}}};
    std::string out;
    for (std::size_t i = 0; i < value.size();) {
        if (value[i] == '<' || value[i] == '>' || value[i] == '"') return std::nullopt;
        if (value[i] != '&') {
            out += value[i++];
            continue;
        }
        const auto* match = std::find_if(references.begin(), references.end(), [&](const auto& r) {
            return value.substr(i).starts_with(r.first);
        });
        if (match == references.end()) return std::nullopt;
        out += match->second;
        i += match->first.size();
    }
    return out;
}

// The scheme of a URL as the WHATWG URL parser finds it: leading C0 controls and spaces are
// stripped, tabs and newlines removed anywhere; the scheme is what comes before the first ':',
// unless a '/', '?' or '#' comes first (a relative reference). Lowercase; empty when none.
std::string scheme_of(std::string_view url) {
    std::size_t start = 0;
    while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
    std::string scheme;
    for (const char c : url.substr(start)) {
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (c == ':') return lower(scheme);
        if (c == '/' || c == '?' || c == '#') return {};
        scheme += c;
    }
    return {};  // no colon: relative
}

bool forbidden_scheme(std::string_view url) {
    const std::string scheme = scheme_of(url);
    return std::find(forbidden_schemes.begin(), forbidden_schemes.end(), scheme) !=
           forbidden_schemes.end();
}

// Checks one tag's attributes, `rest` being what follows its name up to '>'.
void check_attributes(std::string_view rest) {
    while (!rest.empty()) {
        if (rest.front() != ' ') std::abort();  // not the shape the sanitizer writes
        rest.remove_prefix(1);
        const auto equals = rest.find("=\"");
        if (equals == std::string_view::npos) std::abort();
        const std::string name = lower(rest.substr(0, equals));
        rest.remove_prefix(equals + 2);
        const auto quote = rest.find('"');
        if (quote == std::string_view::npos) std::abort();
        const auto value = unescape(rest.substr(0, quote));
        rest.remove_prefix(quote + 1);
        if (!value) std::abort();
        if (name.starts_with("on") || name == "style" || name == "srcdoc") std::abort();
        if ((name == "href" || name == "src") && forbidden_scheme(*value)) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto out = dateline::sanitize::sanitize_html(text);
    std::string_view html = out.html;
    for (auto open = html.find('<'); open != std::string_view::npos; open = html.find('<')) {
        html.remove_prefix(open + 1);
        const auto close = html.find('>');
        if (close == std::string_view::npos) std::abort();  // a tag left open
        std::string_view tag = html.substr(0, close);
        html.remove_prefix(close + 1);
        if (tag.starts_with('/')) tag.remove_prefix(1);
        const auto name_end = std::min(tag.find(' '), tag.size());
        const std::string name = lower(tag.substr(0, name_end));
        if (name.empty() ||
            name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos)
            std::abort();
        if (std::find(forbidden_elements.begin(), forbidden_elements.end(), name) !=
            forbidden_elements.end())
            std::abort();
        check_attributes(tag.substr(name_end));
    }
    return 0;
}
