#include "render/template_escapes.hpp"

#include <strings.h>
#include <array>
#include <cstdint>

#include "render/byte_search.hpp"

namespace dateline::render {

namespace {

// For each byte, what a byte-wise escape writes in its place; empty keeps the byte. Most bytes
// are kept, so a value is written in runs between the bytes that change, found by
// find_control_or.
using Replacements = std::array<std::string_view, 256>;

constexpr Replacements html_replacements(bool keep_whitespace) {
    Replacements r{};
    r['&'] = "&amp;";
    r['"'] = "&quot;";
    r['\''] = "&#39;";
    r['<'] = "&lt;";
    r['>'] = "&gt;";
    if (!keep_whitespace)
        for (const char c : {'\r', '\n', '\v', '\f', '\t'}) r[static_cast<unsigned char>(c)] = " ";
    return r;
}

constexpr Replacements json_replacements() {
    Replacements r{};
    r['"'] = "\\\"";
    r['\\'] = "\\\\";
    r['/'] = "\\/";
    r['\b'] = "\\b";
    r['\f'] = "\\f";
    r['\n'] = "\\n";
    r['\r'] = "\\r";
    r['\t'] = "\\t";
    r['&'] = "\\u0026";
    r['<'] = "\\u003C";
    r['>'] = "\\u003E";
    return r;
}

constexpr Replacements javascript_replacements() {
    Replacements r{};
    r[0] = "\\x00";
    r['"'] = "\\x22";
    r['\''] = "\\x27";
    r['\\'] = "\\\\";
    r['\t'] = "\\t";
    r['\r'] = "\\r";
    r['\n'] = "\\n";
    r['\b'] = "\\b";
    r['\f'] = "\\f";
    r['&'] = "\\x26";
    r['<'] = "\\x3c";
    r['>'] = "\\x3e";
    r['='] = "\\x3d";
    r['\v'] = "\\x0b";  // not "\v", which old JScript reads as "v"
    return r;
}

constexpr Replacements html = html_replacements(false);
constexpr Replacements pre = html_replacements(true);
constexpr Replacements json = json_replacements();
constexpr Replacements javascript = javascript_replacements();

// True when every byte `table` changes is a control character or one of `stops`: what
// append_replaced looks for must be all that it replaces.
constexpr bool changes_only(const Replacements& table, std::string_view stops) {
    for (std::size_t byte = 0x20; byte < table.size(); ++byte)
        if (!table[byte].empty() && stops.find(static_cast<char>(byte)) == std::string_view::npos)
            return false;
    return true;
}

template <const Replacements& table, char... Stops>
void append_replaced(std::string_view value, std::string& out) {
    static constexpr char stops[] = {Stops...};
    static_assert(changes_only(table, {stops, sizeof stops}));
    std::size_t run = 0;
    for (std::size_t i = find_control_or<Stops...>(value, 0); i < value.size();
         i = find_control_or<Stops...>(value, i + 1)) {
        const std::string_view with = table[static_cast<unsigned char>(value[i])];
        if (with.empty()) continue;  // a control character this escape keeps
        out.append(value.data() + run, i - run);
        out.append(with);
        run = i + 1;
    }
    out.append(value.data() + run, value.size() - run);
}

template <const Replacements& table>
void append_html(std::string_view value, std::string& out) {
    append_replaced<table, '&', '"', '\'', '<', '>'>(value, out);
}

// The character at `at` as ctemplate's JavaScript escape reads it, and its length: a two- or
// three-byte UTF-8 sequence decoded without checking for overlong forms (so that C0 A2 is a
// quote, as it is to ctemplate), anything else one byte. A broken sequence is its first byte.
struct CodeUnit {
    std::uint32_t value;
    std::size_t length;
};

CodeUnit code_unit_at(std::string_view value, std::size_t at) {
    const auto lead = static_cast<unsigned char>(value[at]);
    const std::size_t length = lead >= 0xC0 && lead < 0xE0   ? 2
                               : lead >= 0xE0 && lead < 0xF0 ? 3
                                                             : 1;
    if (length == 1) return {lead, 1};
    if (at + length > value.size()) return {0xFFFD, 1};
    std::uint32_t code = lead & (0xFFU >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto tail = static_cast<unsigned char>(value[at + i]);
        if ((tail & 0xC0U) != 0x80U) return {0xFFFD, 1};
        code = (code << 6) | (tail & 0x3FU);
    }
    return {code, length};
}

void append_javascript(std::string_view value, std::string& out) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size();) {
        const CodeUnit unit = code_unit_at(value, i);
        std::string_view with;
        // Line and paragraph separators end a JavaScript string.
        if (unit.value == 0x2028)
            with = "\\u2028";
        else if (unit.value == 0x2029)
            with = "\\u2029";
        else if (unit.value < 0x100)
            with = javascript[unit.value];
        if (!with.empty()) {
            out.append(value.data() + run, i - run);
            out.append(with);
            run = i + unit.length;
        }
        i += unit.length;
    }
    out.append(value.data() + run, value.size() - run);
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// An unquoted attribute value: letters, digits and -._: kept; '=' kept inside, never at an end.
void append_attribute(std::string_view value, std::string& out) {
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const bool kept = is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == ':' ||
                          (c == '=' && i != 0 && i + 1 != value.size());
        out.push_back(kept ? c : '_');
    }
}

// A style value: what cannot change the declaration's meaning is kept, anything else dropped.
void append_css(std::string_view value, std::string& out) {
    for (const char c : value)
        if (is_ascii_alnum(c) || c == ' ' || c == '_' || c == '.' || c == ',' || c == '!' ||
            c == '#' || c == '%' || c == '-')
            out.push_back(c);
}

// [0-9a-zA-Z.,_*/~!()-] kept, a space written '+', anything else %XX.
void append_url_query(std::string_view value, std::string& out) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    for (const char c : value) {
        if (is_ascii_alnum(c) || std::string_view(".,_*/~!()-").find(c) != std::string_view::npos) {
            out.push_back(c);
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(hex[byte >> 4]);
            out.push_back(hex[byte & 0xF]);
        }
    }
}

bool starts_with_case_blind(std::string_view value, std::string_view prefix) {
    return value.size() > prefix.size() &&
           strncasecmp(value.data(), prefix.data(), prefix.size()) == 0;
}

// An address with a scheme (a colon before any slash) is kept only for http, https and ftp
// followed by more than "//"; anything else, `javascript:` above all, becomes "#".
bool is_safe_url(std::string_view value) {
    const std::string_view before_slash = value.substr(0, value.find('/'));
    if (before_slash.find(':') == std::string_view::npos) return true;
    return starts_with_case_blind(value, "http://") || starts_with_case_blind(value, "https://") ||
           starts_with_case_blind(value, "ftp://");
}

}  // namespace

std::optional<Escape> escape_named(std::string_view printed) {
    struct Named {
        std::string_view name;
        Escape escape;
    };
    static constexpr std::array<Named, 11> names{{
        {"none", Escape::None},
        {"h", Escape::Html},
        {"p", Escape::Pre},
        {"H=pre", Escape::Pre},
        {"H=attribute", Escape::Attribute},
        {"U=html", Escape::UrlHtml},
        {"U=javascript", Escape::UrlJavascript},
        {"j", Escape::Javascript},
        {"c", Escape::Css},
        {"u", Escape::UrlQuery},
        {"o", Escape::Json},
    }};
    for (const auto& n : names)
        if (n.name == printed) return n.escape;
    return std::nullopt;
}

void append_escaped(Escape escape, std::string_view value, std::string& out) {
    switch (escape) {
        case Escape::None:
            out.append(value);
            return;
        case Escape::Html:
            append_html<html>(value, out);
            return;
        case Escape::Pre:
            append_html<pre>(value, out);
            return;
        case Escape::Attribute:
            append_attribute(value, out);
            return;
        case Escape::UrlHtml:
            append_html<html>(is_safe_url(value) ? value : "#", out);
            return;
        case Escape::UrlJavascript:
            append_javascript(is_safe_url(value) ? value : "#", out);
            return;
        case Escape::Javascript:
            append_javascript(value, out);
            return;
        case Escape::Css:
            append_css(value, out);
            return;
        case Escape::UrlQuery:
            append_url_query(value, out);
            return;
        case Escape::Json:
            append_replaced<json, '"', '\\', '/', '&', '<', '>'>(value, out);
            return;
    }
}

}  // namespace dateline::render
