#include "newsroom/audit_screen.hpp"

#include <stdexcept>

#include "render/date_formatter.hpp"

namespace dateline::newsroom {

using ctemplate::TemplateDictionary;
using http::Response;

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

    TemplateDictionary dict("audit");
    Options sites;
    for (const auto& s : directory->sites) sites.emplace_back(s.slug, s.name);
    add_options(dict, "SITE_OPTION", sites, site ? site->slug : "");
    if (entries->empty()) {
        dict.ShowSection("EMPTY");
        return screens_.page(v, 200, "audit.tpl", screens_.text(v, "audit_title"), dict);
    }
    // Times in the network's first site's zone: one clock for the whole log.
    const std::string zone = directory->sites.empty() ? "UTC" : directory->sites.front().time_zone;
    auto dates = render::DateFormatter::create(v.language, zone, false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    auto* list = dict.AddSectionDictionary("LIST");
    for (const auto& e : *entries) {
        auto* row = list->AddSectionDictionary("ENTRY");
        const auto when = dates->format(e.at);
        row->SetValue("ISO", when.iso);
        row->SetValue("DATE",
                      when.short_date + screens_.text(v, "date_time_separator") + when.time);
        row->SetValue("ACTOR", e.actor.name);
        row->SetValue("ACTION_LABEL", screens_.text(v, label_key(e.action)));
        if (e.article_id) {
            auto* link = row->AddSectionDictionary("ARTICLE");
            link->SetIntValue("ARTICLE_ID", static_cast<long>(*e.article_id));
            link->SetValue("SUBJECT", e.subject);
        } else {
            row->AddSectionDictionary("PLAIN")->SetValue("SUBJECT", e.subject);
        }
        if (!e.detail.empty()) row->SetValueAndShowSection("DETAIL_TEXT", e.detail, "DETAIL");
    }
    if (entries->size() == static_cast<std::size_t>(entries_per_page)) {
        auto* older = list->AddSectionDictionary("OLDER");
        older->SetIntValue("BEFORE", static_cast<long>(entries->back().id));
        if (site) older->SetValue("SITE_QUERY", "&site=" + site->slug);
    }
    return screens_.page(v, 200, "audit.tpl", screens_.text(v, "audit_title"), dict);
}

}  // namespace dateline::newsroom
