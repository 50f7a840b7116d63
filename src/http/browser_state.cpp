#include "http/browser_state.hpp"

#include <boost/url/parse.hpp>

#include "core/ascii.hpp"
#include "http/field_list.hpp"

namespace dateline::http {

namespace {

std::string origin_host(std::string_view origin) {
    const auto parsed = boost::urls::parse_absolute_uri(origin);
    if (!parsed) return {};
    return ascii_lowercase(parsed->encoded_host_and_port());
}

}  // namespace

std::optional<std::string> cookie(const Request& request, std::string_view name) {
    return cookie(request.header("cookie"), name);
}

std::optional<std::string> cookie(std::string_view cookie_header, std::string_view name) {
    std::string_view rest = cookie_header;
    while (!rest.empty()) {
        const auto end = rest.find(';');
        const std::string_view pair = trim_whitespace(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos || trim_whitespace(pair.substr(0, equals)) != name)
            continue;
        std::string_view value = trim_whitespace(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        return std::string(value);
    }
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieOptions& options) {
    std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + options.path;
    if (options.max_age_seconds) out += "; Max-Age=" + std::to_string(*options.max_age_seconds);
    if (options.secure) out += "; Secure";
    if (options.http_only) out += "; HttpOnly";
    out += options.same_site_strict ? "; SameSite=Strict" : "; SameSite=Lax";
    return out;
}

std::string expired_cookie(std::string_view name, const CookieOptions& options) {
    CookieOptions gone = options;
    gone.max_age_seconds = 0;
    return set_cookie(name, "", gone);
}

bool form_encoded(const Request& request) {
    constexpr std::string_view type = "application/x-www-form-urlencoded";
    const std::string_view header = request.header("content-type");
    if (!starts_with_ignoring_ascii_case(header, type)) return false;
    return header.size() == type.size() || header[type.size()] == ';' || header[type.size()] == ' ';
}

bool cross_site(const Request& request, std::string_view own_origin) {
    const std::string_view fetch_site = request.header("sec-fetch-site");
    if (!fetch_site.empty()) return fetch_site != "same-origin" && fetch_site != "none";
    const std::string_view origin = request.header("origin");
    if (origin.empty()) return false;
    // "null" (a sandboxed or privacy-sensitive context) names no host, so it cannot match.
    return origin_host(origin) != request.host && origin != own_origin;
}

}  // namespace dateline::http
