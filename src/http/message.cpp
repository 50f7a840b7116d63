#include "http/message.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/grammar/parse.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <boost/url/rfc/pct_encoded_rule.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "core/ip_address.hpp"
#include "core/utf8.hpp"

namespace dateline::http {

std::optional<std::string> Target::param(std::string_view name) const {
    const auto it = query.find(std::string(name));
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::string_view Request::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (n == name) return v;
    return {};
}

Response& Response::set_header(std::string name, std::string value) {
    for (auto& [n, v] : headers)
        if (n == name) {
            v = std::move(value);
            return *this;
        }
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

std::string_view Response::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (n == name) return v;
    return {};
}

bool append_fields(std::string& out,
                   const std::vector<std::pair<std::string, std::string>>& fields) {
    // One pass over each byte: find_first_of looks each one up in the set with memchr.
    const auto splits = [](std::string_view text) {
        return std::any_of(text.begin(), text.end(),
                           [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
    };
    for (const auto& [name, value] : fields)
        if (splits(name) || splits(value)) return false;
    for (const auto& [name, value] : fields) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    return true;
}

Response Response::html(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", "text/html; charset=utf-8");
    return r;
}

Response Response::text(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    return r;
}

Response Response::redirect(int status, std::string location) {
    Response r;
    r.status = status;
    r.set_header("Location", std::move(location));
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    return r;
}

namespace {

constexpr std::size_t max_segments = 32;
constexpr std::size_t max_query_params = 64;

// A form field's name or value: the characters of a URL's query (RFC 3986 section 3.4) and
// percent escapes; the "&" and "=" between them are split off before.
constexpr auto form_part_rule = boost::urls::pct_encoded_rule(boost::urls::pchars + '/' + '?');

bool acceptable_text(std::string_view s) {
    if (!is_valid_utf8(s)) return false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) return false;
    }
    return true;
}

// Characters that RFC 3986 lets a path segment hold as they are and that no decoding changes,
// as a table: every request's target is checked a byte at a time.
constexpr std::array<bool, 256> plain_path_chars = [] {
    std::array<bool, 256> plain{};
    for (int c = 0; c < 256; ++c)
        plain[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                             (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                                             c == '_' || c == '~' || c == '/';
    return plain;
}();

bool plain_path_char(char c) {
    return plain_path_chars[static_cast<unsigned char>(c)];
}

// The target of nearly every page request: a path of unreserved characters, no escapes, no
// query. Split here it costs a tenth of Boost.URL's parse, with the same answer, written into
// `into` in the room its segments had; anything else gets the full parse.
enum class PlainPath { NotPlain, Refused, Parsed };

PlainPath parse_plain_path(std::string_view raw, Target& into) {
    if (raw.empty() || raw.front() != '/' || !std::all_of(raw.begin(), raw.end(), plain_path_char))
        return PlainPath::NotPlain;
    into.trailing_slash = raw.back() == '/';
    into.query.clear();
    std::size_t count = 0;
    std::string_view rest = raw.substr(1);
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        if (segment.empty() || segment == "." || segment == "..")
            return PlainPath::Refused;  // "//" or a dot segment
        if (++count > max_segments) return PlainPath::Refused;
        if (count > into.segments.size()) into.segments.emplace_back();
        into.segments[count - 1].assign(segment);
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    into.segments.resize(count);
    return PlainPath::Parsed;
}

// A target with escapes, a query or the absolute form, through Boost.URL.
std::optional<Target> parse_escaped(std::string_view raw) {
    // The absolute form (RFC 9112 section 3.2.2) must be accepted too; its host is the Host
    // header's business, so only the path and query are kept.
    for (const std::string_view scheme : {"http://", "https://"}) {
        if (starts_with_ignoring_ascii_case(raw, scheme)) {
            if (!boost::urls::parse_absolute_uri(raw)) return std::nullopt;
            const auto path = raw.find_first_of("/?#", scheme.size());
            if (path == std::string_view::npos) return parse_target("/");
            if (raw[path] != '/') return parse_target("/" + std::string(raw.substr(path)));
            raw = raw.substr(path);
            break;
        }
    }
    auto parsed = boost::urls::parse_origin_form(raw);
    if (!parsed) return std::nullopt;
    const boost::urls::url_view& url = *parsed;
    Target target;
    const std::string_view encoded_path = url.encoded_path();
    if (encoded_path.empty() || encoded_path.front() != '/') return std::nullopt;
    target.trailing_slash = encoded_path.back() == '/';
    std::size_t index = 0;
    const std::size_t count = url.segments().size();
    for (const auto& segment : url.segments()) {
        ++index;
        std::string s = segment;
        const bool last = index == count;
        if (s.empty()) {
            if (last) break;      // the trailing slash
            return std::nullopt;  // "//": an empty segment in the middle
        }
        if (s == "." || s == ".." || s.find_first_of("/\\") != std::string::npos ||
            !acceptable_text(s))
            return std::nullopt;
        target.segments.push_back(std::move(s));
        if (target.segments.size() > max_segments) return std::nullopt;
    }
    if (url.has_query()) {
        for (const auto& p : url.params()) {
            if (!acceptable_text(p.key) || !acceptable_text(p.value)) return std::nullopt;
            target.query.emplace(p.key, p.value);
            if (target.query.size() > max_query_params) return std::nullopt;
        }
    }
    return target;
}

}  // namespace

bool parse_target(std::string_view raw, Target& into) {
    switch (parse_plain_path(raw, into)) {
        case PlainPath::Parsed:
            return true;
        case PlainPath::Refused:
            return false;
        case PlainPath::NotPlain:
            break;
    }
    auto parsed = parse_escaped(raw);
    if (parsed) into = std::move(*parsed);
    return parsed.has_value();
}

std::optional<Target> parse_target(std::string_view raw) {
    Target target;
    if (!parse_target(raw, target)) return std::nullopt;
    return target;
}

std::optional<std::multimap<std::string, std::string>> parse_form(std::string_view body,
                                                                  std::size_t max_fields) {
    // Not boost::urls::parse_query: in Boost.URL 1.81 it measures its argument again with
    // strlen, reading past a view that is not NUL-terminated. Each field is split off here and
    // checked and decoded with Boost.URL's pieces, which stay within the bytes they are given.
    std::multimap<std::string, std::string> fields;
    if (body.empty()) return fields;
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    auto decode = [&](std::string_view part) -> std::optional<std::string> {
        const auto checked = boost::urls::grammar::parse(part, form_part_rule);
        if (!checked) return std::nullopt;
        return checked->decode(options);
    };
    for (std::size_t start = 0;;) {
        const auto amp = body.find('&', start);
        const std::string_view field = body.substr(
            start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
        const auto equals = field.find('=');
        auto key = decode(field.substr(0, equals));
        auto value = decode(equals == std::string_view::npos ? std::string_view()
                                                             : field.substr(equals + 1));
        if (!key || !value || fields.size() == max_fields) return std::nullopt;
        fields.emplace(std::move(*key), std::move(*value));
        if (amp == std::string_view::npos) break;
        start = amp + 1;
    }
    return fields;
}

namespace {

// Some proxies write the port too: "203.0.113.9:5555", "[2001:db8::7]:5555".
std::string_view without_port(std::string_view hop) {
    if (!hop.empty() && hop.front() == '[') {
        const auto close = hop.find(']');
        if (close == std::string_view::npos) return hop;
        if (close + 1 < hop.size() && hop[close + 1] != ':') return hop;
        return hop.substr(1, close - 1);
    }
    const auto colon = hop.find(':');
    if (colon != std::string_view::npos && hop.find(':', colon + 1) == std::string_view::npos)
        return hop.substr(0, colon);  // one colon: IPv4 and its port (IPv6 has two or more)
    return hop;
}

}  // namespace

std::string client_address(const Request& request,
                           const std::vector<std::string>& trusted_proxies) {
    auto trusted = [&](const std::string& a) {
        return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) !=
               trusted_proxies.end();
    };
    std::string peer = canonical_ip(request.remote_address).value_or(request.remote_address);
    if (!trusted(peer)) return peer;
    // Every X-Forwarded-For line, in order, is one list (RFC 9110 section 5.3); each proxy
    // appends the address it saw, so the nearest hops are at the end.
    std::vector<std::string_view> hops;
    for (const auto& [name, value] : request.headers) {
        if (name != "x-forwarded-for") continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            hops.push_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        std::string_view text = *hop;
        text.remove_prefix(std::min(text.find_first_not_of(' '), text.size()));
        text = text.substr(0, text.find_last_not_of(' ') + 1);
        const auto address = canonical_ip(without_port(text));
        if (!address) break;  // not an address: believe nothing further out
        if (!trusted(*address)) return *address;
    }
    return peer;
}

}  // namespace dateline::http
