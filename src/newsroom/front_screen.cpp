#include "newsroom/front_screen.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/decimal.hpp"
#include "domain/editorial.hpp"
#include "domain/paths.hpp"
#include "render/date_formatter.hpp"

namespace dateline::newsroom {

using http::Response;
using render::Dictionary;

namespace {

// The chosen stories' slugs after the action a button sent, or nothing for an action the
// screen does not offer.
std::optional<std::vector<std::string>> changed_order(std::vector<std::string> slugs,
                                                      const std::string& action,
                                                      const std::string& story) {
    const auto at = std::find(slugs.begin(), slugs.end(), story);
    if (action == "add") {
        if (at == slugs.end()) slugs.push_back(story);
        return slugs;
    }
    if (at == slugs.end()) return slugs;  // already gone: nothing to do
    if (action == "remove") {
        slugs.erase(at);
        return slugs;
    }
    if (action == "up") {
        if (at != slugs.begin()) std::iter_swap(at, at - 1);
        return slugs;
    }
    if (action == "down") {
        if (at + 1 != slugs.end()) std::iter_swap(at, at + 1);
        return slugs;
    }
    return std::nullopt;
}

}  // namespace

void FrontScreen::add_routes(http::Router<Visit>& routes) {
    routes
        .get("front",
             [this](Visit& v, const http::RouteParams&) {
                 const auto session = screens_.signed_in(v);
                 if (!session) return Screens::redirect("/newsroom/login");
                 return show(v, *session, v.http.target.param("site").value_or(""), 200);
             })
        .post("front/{slug}",
              [this](Visit& v, const http::RouteParams& p) { return change(v, p["slug"]); });
}

Response FrontScreen::show(Visit& v, const app::ActiveSession& session, std::string_view site_slug,
                           int status, const std::string& refused) {
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    std::vector<const domain::Site*> sites;
    for (const auto& s : directory->sites)
        if (domain::may_publish(session.user, s.id)) sites.push_back(&s);
    if (sites.empty())
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "front_forbidden"));
    const auto chosen = std::find_if(sites.begin(), sites.end(),
                                     [&](const auto* s) { return s->slug == site_slug; });
    if (!site_slug.empty() && chosen == sites.end())
        return screens_.message(v, 404, "not_found_title", screens_.text(v, "not_found"));
    const domain::Site& site = chosen == sites.end() ? *sites.front() : **chosen;

    auto top = front_.top_stories(site);
    if (!top) throw std::runtime_error("top stories: " + top.error().cause);
    auto latest = reader_.latest_stories(site, offered);
    if (!latest) throw std::runtime_error("latest stories: " + latest.error().cause);

    Dictionary dict;
    dict.set_value("SITE_NAME", site.name);
    dict.set_value("SITE_SLUG", site.slug);
    dict.set_value("FORM_TOKEN", Screens::form_token(v));
    dict.set_value("HOME_URL", site.base_url);
    if (sites.size() > 1) {
        auto* tabs = dict.add_section("TABS");
        for (const auto* s : sites) {
            auto* tab = tabs->add_section("SITE_TAB");
            tab->set_value("TAB_SLUG", s->slug);
            tab->set_value("TAB_NAME", s->name);
            if (s == &site) tab->show_section("CURRENT");
        }
    }
    const auto done = v.http.target.param("done").value_or("");
    if (done == "saved" || done == "breaking" || done == "calm")
        dict.set_value_and_show_section("DONE_TEXT", screens_.text(v, "front_done_" + done),
                                        "DONE");
    if (!refused.empty())
        dict.set_value_and_show_section("ERROR_TEXT", screens_.text(v, refused), "ERROR");

    const auto story_url = [&](const domain::Article& a) {
        return domain::article_path(site.base_url, a.section ? a.section->slug : "", a.slug);
    };
    const UnixTime now = reader_.now();
    if (top->empty()) dict.show_section("NONE_CHOSEN");
    for (std::size_t i = 0; i < top->size(); ++i) {
        const auto& a = (*top)[i];
        auto* row = dict.add_section("CHOSEN");
        row->set_value("SLUG", a.slug);
        row->set_value("HEADLINE", a.headline);
        row->set_value("URL", story_url(a));
        if (i == 0) row->show_section("LEAD");
        if (i > 0) row->show_section("UP");
        if (i + 1 < top->size()) row->show_section("DOWN");
        if (!a.visible_at(now)) row->show_section("NOT_SHOWN");
    }
    add_banner(v, dict, site, *latest);
    const bool full = top->size() >= app::FrontPageService::top_count;
    if (full) dict.show_section("FULL");
    for (const auto& card : *latest) {
        const auto& a = *card;
        const bool placed = std::any_of(top->begin(), top->end(),
                                        [&](const domain::Article& t) { return t.id == a.id; });
        if (placed) continue;
        auto* row = dict.add_section("OFFERED");
        row->set_value("SLUG", a.slug);
        row->set_value("HEADLINE", a.headline);
        row->set_value("URL", story_url(a));
        if (!full) row->show_section("ADD");
    }
    return screens_.page(v, status, "front.tpl", screens_.text(v, "front_title"), dict);
}

void FrontScreen::add_banner(Visit& v, Dictionary& dict, const domain::Site& site,
                             const std::vector<app::Card>& latest) {
    auto banner = front_.breaking(site);
    if (!banner) throw std::runtime_error("breaking news: " + banner.error().cause);
    if (*banner) {
        auto dates = render::DateFormatter::create(v.language, site.time_zone, false);
        if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
        const auto until = dates->format((*banner)->until);
        auto* up = dict.add_section("BANNER_UP");
        up->set_value("BANNER_TEXT", (*banner)->text);
        up->set_value("BANNER_URL", domain::article_path(site.base_url, (*banner)->section_slug,
                                                         (*banner)->slug));
        up->set_value("BANNER_UNTIL",
                      screens_.catalog().format(
                          v.language, "front_breaking_until",
                          {{"until", until.short_date + screens_.text(v, "date_time_separator") +
                                         until.time}}));
    }
    for (const auto& a : latest) {
        auto* o = dict.add_section("BANNER_STORY");
        o->set_value("VALUE", a->slug);
        o->set_value("LABEL", a->headline);
    }
    for (const int hours : {1, 2, 3, 6, 12, 24, 48}) {
        auto* o = dict.add_section("BANNER_HOURS");
        o->set_int_value("VALUE", hours);
        o->set_value("LABEL",
                     screens_.catalog().count(v.language, "front_hours", "hours", hours, false));
        if (hours == 3) o->show_section("SELECTED");
    }
}

Response FrontScreen::change(Visit& v, std::string_view site_slug) {
    auto post = screens_.signed_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    auto& sent = std::get<SignedPost>(post);
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    const auto* site = directory->site_by_slug(site_slug);
    if (!site) return screens_.message(v, 404, "not_found_title", screens_.text(v, "not_found"));
    const std::string action = field(sent.form, "action");
    if (action == "breaking" || action == "calm") {
        const auto hours = parse_decimal(field(sent.form, "hours"));
        const auto done =
            action == "calm"
                ? front_.clear_breaking(sent.session.user, *site)
                : front_.set_breaking(sent.session.user, *site, field(sent.form, "story"),
                                      field(sent.form, "text"),
                                      hours && *hours <= 1000 ? static_cast<int>(*hours) : 0);
        if (done)
            return Screens::redirect("/newsroom/front?site=" + site->slug +
                                     "&done=" + (action == "calm" ? "calm" : "breaking"));
        if (done.error().code == ErrorCode::Forbidden)
            return screens_.message(v, 403, "forbidden_title", screens_.text(v, "front_forbidden"));
        if (done.error().code != ErrorCode::Invalid)
            throw std::runtime_error("breaking news: " + done.error().cause);
        return show(v, sent.session, site->slug, 422,
                    "front_breaking_invalid_" + done.error().field);
    }
    auto top = front_.top_stories(*site);
    if (!top) throw std::runtime_error("top stories: " + top.error().cause);
    std::vector<std::string> slugs;
    for (const auto& a : *top) slugs.push_back(a.slug);
    const auto order = changed_order(std::move(slugs), action, field(sent.form, "story"));
    if (!order) return screens_.message(v, 400, "front_title", screens_.text(v, "front_refused"));
    const auto saved = front_.set_top_stories(sent.session.user, *site, *order);
    if (saved) return Screens::redirect("/newsroom/front?site=" + site->slug + "&done=saved");
    const auto& e = saved.error();
    switch (e.code) {
        case ErrorCode::Forbidden:
            return screens_.message(v, 403, "forbidden_title", screens_.text(v, "front_forbidden"));
        case ErrorCode::Invalid:
            // Only a change made meanwhile leads here (a story taken down, the top filled from
            // another screen): the screen shows the order as it is now.
            return show(v, sent.session, site->slug, 422, "front_refused");
        default:
            throw std::runtime_error("top stories: " + e.cause);
    }
}

}  // namespace dateline::newsroom
