#include "newsroom/site_screen.hpp"

#include <stdexcept>

#include "core/decimal.hpp"

namespace dateline::newsroom {

using http::Response;
using render::Dictionary;

namespace {

// The form's number fields: (form name, template name).
constexpr std::pair<const char*, const char*> number_fields[] = {
    {"close_after_days", "CLOSE_AFTER_DAYS"},
    {"max_name", "MAX_NAME"},
    {"max_title", "MAX_TITLE"},
    {"max_comment", "MAX_COMMENT"},
};

// The settings a site's form sent, or Invalid on the field that is not a number.
Result<domain::CommentSettings> settings_from(const Form& form) {
    domain::CommentSettings s;
    s.open = field(form, "comments_open") == "1";
    std::int64_t values[std::size(number_fields)] = {};
    for (std::size_t i = 0; i < std::size(number_fields); ++i) {
        const auto value = parse_decimal(field(form, number_fields[i].first));
        // Beyond any rule's bound, but small enough for the checks to name the field.
        if (!value || *value > 1'000'000'000)
            return Error::invalid("Not a whole number.", number_fields[i].first);
        values[i] = *value;
    }
    s.close_after_days = static_cast<int>(values[0]);
    s.limits.name = static_cast<std::size_t>(values[1]);
    s.limits.title = static_cast<std::size_t>(values[2]);
    s.limits.body = static_cast<std::size_t>(values[3]);
    return s;
}

}  // namespace

void SiteScreen::add_routes(http::Router<Visit>& routes) {
    routes
        .get("sites",
             [this](Visit& v, const http::RouteParams&) {
                 const auto session = screens_.signed_in(v);
                 if (!session) return Screens::redirect("/newsroom/login");
                 return show(v, *session, 200);
             })
        .post("sites/{slug}",
              [this](Visit& v, const http::RouteParams& p) { return save(v, p["slug"]); });
}

Response SiteScreen::show(Visit& v, const app::ActiveSession& session, int status,
                          const Refused* refused) {
    if (session.user.disabled || session.user.role != domain::Role::Admin)
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "sites_forbidden"));
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    Dictionary dict;
    if (v.http.target.param("done") == "saved")
        dict.set_value_and_show_section("DONE_TEXT", screens_.text(v, "sites_saved"), "DONE");
    const std::string token = Screens::form_token(v);
    for (const auto& site : directory->sites) {
        auto* row = dict.add_section("SITE");
        row->set_value("SLUG", site.slug);
        row->set_value("NAME", site.name);
        row->set_value("FORM_TOKEN", token);
        const bool this_one = refused && refused->slug == site.slug;
        if (this_one) {
            // What the person sent stays in the form, with the field marked.
            const auto& e = refused->error;
            const bool limit = e.field.starts_with("max_");
            row->set_value_and_show_section(
                "MESSAGE",
                screens_.text(v, limit ? "problem_comment_limit" : "problem_close_after_days"),
                "ERROR");
            for (const auto& [name, key] : number_fields) {
                row->set_value(render::Name::of(key), field(refused->sent, name));
                if (e.field == name)
                    row->show_section(render::Name::of(std::string("INVALID_") + key));
            }
            if (field(refused->sent, "comments_open") == "1") row->show_section("OPEN");
            continue;
        }
        const auto s = domain::comment_settings_of(site);
        if (s.open) row->show_section("OPEN");
        row->set_int_value("CLOSE_AFTER_DAYS", s.close_after_days);
        row->set_int_value("MAX_NAME", static_cast<long>(s.limits.name));
        row->set_int_value("MAX_TITLE", static_cast<long>(s.limits.title));
        row->set_int_value("MAX_COMMENT", static_cast<long>(s.limits.body));
    }
    return screens_.page(v, status, "sites.tpl", screens_.text(v, "sites_title"), dict);
}

Response SiteScreen::save(Visit& v, std::string_view slug) {
    auto post = screens_.signed_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    auto& sent = std::get<SignedPost>(post);
    auto settings = settings_from(sent.form);
    auto saved = settings
                     ? sites_.set_comment_settings(sent.session.user, std::string(slug), *settings)
                     : Result<domain::Site>(settings.error());
    if (saved) return Screens::redirect("/newsroom/sites?done=saved");
    const auto& e = saved.error();
    switch (e.code) {
        case ErrorCode::Forbidden:
            return screens_.message(v, 403, "forbidden_title", screens_.text(v, "sites_forbidden"));
        case ErrorCode::NotFound:
            return screens_.message(v, 404, "not_found_title", screens_.text(v, "not_found"));
        case ErrorCode::Invalid: {
            const Refused refused{std::string(slug), sent.form, e};
            return show(v, sent.session, 422, &refused);
        }
        default:
            throw std::runtime_error("site settings: " + e.cause);
    }
}

}  // namespace dateline::newsroom
