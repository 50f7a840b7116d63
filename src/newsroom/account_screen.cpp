#include "newsroom/account_screen.hpp"

#include <stdexcept>

#include "core/clock.hpp"
#include "render/qr_code.hpp"

namespace dateline::newsroom {

using http::Response;
using render::Dictionary;

void AccountScreen::add_routes(http::Router<Visit>& routes) {
    routes
        .get("account",
             [this](Visit& v, const http::RouteParams&) {
                 const auto session = screens_.signed_in(v);
                 if (!session) return Screens::redirect("/newsroom/login");
                 return show(v, *session, 200);
             })
        .get("account/two-step/code.svg",
             [this](Visit& v, const http::RouteParams&) { return qr_code(v); })
        .post("account/two-step/start",
              [this](Visit& v, const http::RouteParams&) { return start(v); })
        .post("account/two-step/confirm",
              [this](Visit& v, const http::RouteParams&) { return confirm(v, true); })
        .post("account/two-step/remove",
              [this](Visit& v, const http::RouteParams&) { return confirm(v, false); })
        .post("account/tokens",
              [this](Visit& v, const http::RouteParams&) { return make_token(v); })
        .post("account/tokens/revoke",
              [this](Visit& v, const http::RouteParams&) { return revoke_token(v); });
}

// The network's name labels the key in the person's app.
std::string AccountScreen::issuer() const {
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    return directory->network.name.empty() ? "Dateline" : directory->network.name;
}

Response AccountScreen::show(Visit& v, const app::ActiveSession& session, int status,
                             const std::string& error, const std::string& new_token) {
    const auto& user = session.user;
    Dictionary dict;
    dict.set_value("FORM_TOKEN", Screens::form_token(v));
    const std::string role = screens_.text(v, "role_" + std::string(domain::to_string(user.role)));
    dict.set_value(
        "SIGNED_IN_AS",
        screens_.catalog().format(v.language, "signed_in_as",
                                  {{"name", "\u2068" + user.name + "\u2069"}, {"role", role}}));
    const auto done = v.http.target.param("done");
    if (done && (*done == "on" || *done == "off"))
        dict.set_value_and_show_section("DONE_TEXT", screens_.text(v, "two_step_turned_" + *done),
                                        "DONE");
    if (!error.empty()) dict.set_value_and_show_section("MESSAGE", error, "ERROR");
    if (user.two_step) {
        dict.show_section("ON");
    } else if (auto pending = users_.pending_two_step(user, issuer()); !pending) {
        throw std::runtime_error("two-step keys: " + pending.error().cause);
    } else if (*pending) {
        dict.set_value_and_show_section("KEY_TEXT", (*pending)->key_text, "SETUP");
    } else {
        dict.show_section("OFF");
    }
    if (!new_token.empty()) dict.set_value_and_show_section("NEW_TOKEN", new_token, "MADE");
    if (done && *done == "revoked")
        dict.set_value_and_show_section("DONE_TEXT", screens_.text(v, "token_revoked"), "DONE");
    auto tokens = tokens_.list(user.email);
    if (!tokens) throw std::runtime_error("tokens: " + tokens.error().cause);
    if (tokens->empty()) dict.show_section("NO_TOKENS");
    for (const auto& t : *tokens) {
        auto* row = dict.add_section("TOKEN");
        row->set_value("TOKEN_NAME", t.name);
        row->set_value("TOKEN_MADE", format_utc_iso8601(t.created_at));
        row->set_value("TOKEN_USED", t.last_used_at ? format_utc_iso8601(*t.last_used_at)
                                                    : screens_.text(v, "token_never_used"));
        if (t.revoked) {
            row->show_section("REVOKED");
        } else {
            auto* form = row->add_section("ACTIVE");
            form->set_int_value("TOKEN_ID", static_cast<long>(t.id));
            form->set_value("FORM_TOKEN", Screens::form_token(v));
        }
    }
    return screens_.page(v, status, "account.tpl", screens_.text(v, "account_title"), dict);
}

Response AccountScreen::make_token(Visit& v) {
    auto post = screens_.signed_post(v);
    if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
    const auto& [session, token, form, files] = std::get<SignedPost>(post);
    auto made =
        tokens_.create(session.user.email, field(form, "name"), domain::Actor::of(session.user));
    if (!made) {
        if (made.error().code != ErrorCode::Invalid)
            throw std::runtime_error("tokens: " + made.error().cause);
        return show(v, session, 422, screens_.text(v, "token_bad_name"));
    }
    // Shown on this answer alone (no-store, never redirected to): it is kept nowhere.
    return show(v, session, 200, {}, made->secret);
}

Response AccountScreen::revoke_token(Visit& v) {
    auto post = screens_.signed_post(v);
    if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
    const auto& [session, token, form, files] = std::get<SignedPost>(post);
    const auto id = positive_number(field(form, "token"));
    if (!id) return screens_.expired_form(v);
    auto revoked = tokens_.revoke(*id, domain::Actor::of(session.user), session.user.id);
    if (!revoked && revoked.error().code != ErrorCode::NotFound)
        throw std::runtime_error("tokens: " + revoked.error().cause);
    return Screens::redirect("/newsroom/account?done=revoked");
}

Response AccountScreen::start(Visit& v) {
    auto post = screens_.signed_post(v);
    if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
    const auto& session = std::get<SignedPost>(post).session;
    if (!session.user.two_step)
        if (auto began = users_.begin_two_step(session.user, issuer()); !began)
            throw std::runtime_error("two-step setup: " + began.error().cause);
    return Screens::redirect("/newsroom/account");
}

Response AccountScreen::confirm(Visit& v, bool turning_on) {
    auto post = screens_.signed_post(v);
    if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
    auto& [session, token, form, files] = std::get<SignedPost>(post);
    const std::string code = field(form, "code");
    const auto done = turning_on ? users_.confirm_two_step(session.user, code, token)
                                 : users_.remove_two_step(session.user, code);
    if (done)
        return Screens::redirect(std::string("/newsroom/account?done=") +
                                 (turning_on ? "on" : "off"));
    const auto& e = done.error();
    if (e.code == ErrorCode::RateLimited) {
        Response r = show(v, session, 429, screens_.text(v, "two_step_too_many"));
        r.set_header("Retry-After", std::to_string(e.retry_after_seconds));
        return r;
    }
    if (e.code != ErrorCode::Invalid && e.code != ErrorCode::NotFound &&
        e.code != ErrorCode::Conflict)
        throw std::runtime_error("two-step: " + e.cause);
    auto current = screens_.signed_in(v);  // the account as it is now
    if (!current) return Screens::redirect("/newsroom/login");
    return show(
        v, *current, 422,
        screens_.text(v, e.code == ErrorCode::NotFound ? "two_step_nothing" : "two_step_wrong"));
}

Response AccountScreen::qr_code(Visit& v) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    auto pending = users_.pending_two_step(session->user, issuer());
    if (!pending) throw std::runtime_error("two-step keys: " + pending.error().cause);
    if (!*pending || session->user.two_step)
        return screens_.message(v, 404, "not_found_title", screens_.text(v, "not_found"));
    auto svg = render::qr_code_svg((*pending)->uri);
    if (!svg) throw std::runtime_error("the setup address does not fit in a QR code");
    Response r;
    r.status = 200;
    r.body = std::move(*svg);
    r.set_header("Content-Type", "image/svg+xml");
    r.set_header("Cache-Control", "no-store");  // it carries the key
    return r;
}

}  // namespace dateline::newsroom
