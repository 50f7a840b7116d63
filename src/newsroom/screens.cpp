#include "newsroom/screens.hpp"

#include <cctype>
#include <stdexcept>

#include "core/decimal.hpp"

namespace dateline::newsroom {

using http::Response;
using render::Dictionary;

http::CookieOptions Visit::cookie_options() const {
    http::CookieOptions o;
    o.path = "/newsroom";
    o.secure = secure;
    return o;
}

std::optional<std::int64_t> positive_number(std::string_view text) {
    const auto n = parse_decimal(text);
    if (!n || *n == 0) return std::nullopt;
    return n;
}

std::string field(const Form& form, const std::string& name) {
    const auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

void add_options(Dictionary& dict, render::Name section, const Options& options,
                 const std::string& chosen) {
    for (const auto& [value, label] : options) {
        auto* o = dict.add_section(section);
        o->set_value("VALUE", value);
        o->set_value("LABEL", label);
        if (value == chosen) o->show_section("SELECTED");
    }
}

std::string Screens::text(const Visit& v, const std::string& key) const {
    return catalog_.text(v.language, key);
}

Response Screens::page(Visit& v, int status, const std::string& name, const std::string& title,
                       Dictionary& dict) const {
    const bool arabic = v.language == "ar";
    dict.set_template_global_value("LANG", v.language);
    dict.set_template_global_value("DIR", arabic ? "rtl" : "ltr");
    dict.set_template_global_value("TITLE", title);
    const std::string other = arabic ? "en" : "ar";
    dict.set_template_global_value("OTHER_LANG", other);
    dict.set_template_global_value("OTHER_LANGUAGE_NAME", catalog_.text(other, "language_name"));
    dict.share(catalog_.template_values(v.language));
    dict.add_include("HEAD", "partials/head.tpl");
    std::string body;
    if (!templates_->expand(name, dict, body)) throw std::runtime_error("no template " + name);
    Response r = Response::html(status, std::move(body));
    r.set_header("Cache-Control", "no-store");
    return r;
}

Response Screens::message(Visit& v, int status, const char* title_key,
                          const std::string& text) const {
    Dictionary dict;
    dict.set_value("MESSAGE", text);
    return page(v, status, "message.tpl", catalog_.text(v.language, title_key), dict);
}

Response Screens::redirect(const std::string& to) {
    Response r = Response::redirect(303, to);
    r.set_header("Cache-Control", "no-store");
    return r;
}

Response Screens::expired_form(Visit& v) const {
    return message(v, 403, "form_expired_title", catalog_.text(v.language, "form_expired"));
}

std::optional<app::ActiveSession> Screens::signed_in(const Visit& v) const {
    const auto token = http::cookie(v.http, session_cookie);
    if (!token) return std::nullopt;
    auto found = sessions_.session(*token);
    if (!found) throw std::runtime_error("session lookup failed: " + found.error().cause);
    return *found;
}

std::string Screens::form_token(const Visit& v) {
    return app::SessionService::form_token_for(http::cookie(v.http, session_cookie).value_or(""));
}

std::optional<SentForm> Screens::form_of(const Visit& v) {
    if (http::cross_site(v.http, "")) return std::nullopt;
    if (http::form_encoded(v.http)) {
        auto fields = http::parse_form(v.http.body);
        if (!fields) return std::nullopt;
        return SentForm{std::move(*fields), {}};
    }
    const auto boundary = http::multipart_boundary(v.http.header("content-type"));
    if (!boundary) return std::nullopt;
    auto parts = http::parse_multipart(v.http.body, *boundary);
    if (!parts) return std::nullopt;
    SentForm sent;
    for (auto& part : *parts) {
        if (part.file_name)
            sent.files.push_back(std::move(part));
        else
            sent.fields.emplace(part.name, std::string(part.content));
    }
    return sent;
}

std::variant<SignedPost, Response> Screens::signed_post(Visit& v) const {
    auto session = signed_in(v);
    if (!session) return redirect("/newsroom/login");
    auto token = *http::cookie(v.http, session_cookie);
    auto sent = form_of(v);
    if (!sent || !app::SessionService::form_token_matches(
                     app::SessionService::form_token_for(token), field(sent->fields, "form_token")))
        return expired_form(v);
    return SignedPost{std::move(*session), std::move(token), std::move(sent->fields),
                      std::move(sent->files)};
}

}  // namespace dateline::newsroom
