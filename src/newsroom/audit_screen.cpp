#include "newsroom/audit_screen.hpp"

#include <stdexcept>

#include "render/date_formatter.hpp"

namespace dateline::newsroom {

using http::Response;
using render::Dictionary;

namespace {

constexpr int entries_per_page = 100;

// "article.publish" as its catalog key, "audit_article_publish".
std::string label_key(domain::AuditAction action) {
    std::string key = "audit_" + std::string(domain::to_string(action));
    for (auto& c : key)
        if (c == '.') c = '_';
    return key;
}

}  // namespace

void AuditScreen::add_routes(http::Router<Visit>& routes) {
    routes.get("audit", [this](Visit& v, const http::RouteParams&) { return show(v); });
}

Response AuditScreen::show(Visit& v) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    const std::string site_slug = v.http.target.param("site").value_or("");
    const auto* site = directory->site_by_slug(site_slug);
    app::AuditPage page;
    page.limit = entries_per_page;
    if (site) page.site_id = site->id;
    page.before_id = positive_number(v.http.target.param("before").value_or(""));
    auto entries = audit_.read(session->user, page);
    if (!entries) {
        if (entries.error().code == ErrorCode::Forbidden)
            return screens_.message(v, 403, "forbidden_title", screens_.text(v, "audit_forbidden"));
        throw std::runtime_error("audit log: " + entries.error().cause);
    }

    Dictionary dict;
    Options sites;
    for (const auto& s : directory->sites) sites.emplace_back(s.slug, s.name);
    add_options(dict, "SITE_OPTION", sites, site ? site->slug : "");
    if (entries->empty()) {
        dict.show_section("EMPTY");
        return screens_.page(v, 200, "audit.tpl", screens_.text(v, "audit_title"), dict);
    }
    // Times in the network's first site's zone: one clock for the whole log.
    const std::string zone = directory->sites.empty() ? "UTC" : directory->sites.front().time_zone;
    auto dates = render::DateFormatter::create(v.language, zone, false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    auto* list = dict.add_section("LIST");
    for (const auto& e : *entries) {
        auto* row = list->add_section("ENTRY");
        const auto when = dates->format(e.at);
        row->set_value("ISO", when.iso);
        row->set_value("DATE",
                       when.short_date + screens_.text(v, "date_time_separator") + when.time);
        row->set_value("ACTOR", e.actor.name);
        row->set_value("ACTION_LABEL", screens_.text(v, label_key(e.action)));
        if (e.article_id) {
            auto* link = row->add_section("ARTICLE");
            link->set_int_value("ARTICLE_ID", static_cast<long>(*e.article_id));
            link->set_value("SUBJECT", e.subject);
        } else {
            row->add_section("PLAIN")->set_value("SUBJECT", e.subject);
        }
        if (!e.detail.empty()) row->set_value_and_show_section("DETAIL_TEXT", e.detail, "DETAIL");
    }
    if (entries->size() == static_cast<std::size_t>(entries_per_page)) {
        auto* older = list->add_section("OLDER");
        older->set_int_value("BEFORE", static_cast<long>(entries->back().id));
        if (site) older->set_value("SITE_QUERY", "&site=" + site->slug);
    }
    return screens_.page(v, 200, "audit.tpl", screens_.text(v, "audit_title"), dict);
}

}  // namespace dateline::newsroom
