#pragma once

// What a browser says about a request beyond its target: the cookies it sends back, and where
// the request was made from. For every surface that keeps state in a browser (the comment form,
// the newsroom).

#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace dateline::http {

/// The value of the first cookie named `name` in the request's Cookie header (RFC 6265 section
/// 5.4: "a=1; b=2"), or nothing.
std::optional<std::string> cookie(const Request& request, std::string_view name);
/// The same, read from a Cookie header's value.
std::optional<std::string> cookie(std::string_view cookie_header, std::string_view name);

/// How a cookie is set. Defaults are the strictest: not readable by scripts, sent only with
/// requests from our own pages.
struct CookieOptions {
    std::string path = "/";
    std::optional<long long> max_age_seconds;  ///< nothing: ends with the browser's session
    bool secure = false;                       ///< only over TLS (set behind https)
    bool http_only = true;
    bool same_site_strict = true;  ///< false: Lax
};

/// A Set-Cookie value. `value` must be a cookie-octet string (callers pass hex or fixed words).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);
/// A Set-Cookie value that removes the cookie set with the same name and path.
std::string expired_cookie(std::string_view name, const CookieOptions& options);

/// Whether a request's Content-Type is a form's (application/x-www-form-urlencoded, any case,
/// parameters allowed).
bool form_encoded(const Request& request);

/// True when the browser says the request comes from another site: by `Sec-Fetch-Site` when it
/// sends it (only "same-origin" and "none", typed by the user, are ours), else by `Origin`
/// (neither the request's own host nor `own_origin`). A request with neither header (an old
/// browser, a script) is not cross-site by this test; forms carry their own tokens for that.
bool cross_site(const Request& request, std::string_view own_origin);

}  // namespace dateline::http
