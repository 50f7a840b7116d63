#include "app/site_service.hpp"

#include <algorithm>

#include "app/audit_service.hpp"
#include "storage/audit_store.hpp"
#include "storage/site_store.hpp"

namespace dateline::app {

namespace {

// What differs between two settings, in words for the audit log ("comments closed; name 40").
std::string changes(const domain::CommentSettings& was, const domain::CommentSettings& now) {
    std::string out;
    const auto add = [&out](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
    if (was.open != now.open) add(now.open ? "comments open" : "comments closed");
    if (was.close_after_days != now.close_after_days)
        add(now.close_after_days == 0
                ? "stories stay open"
                : "stories close after " + std::to_string(now.close_after_days) + " days");
    if (was.limits.name != now.limits.name)
        add("name up to " + std::to_string(now.limits.name) + " characters");
    if (was.limits.title != now.limits.title)
        add("title up to " + std::to_string(now.limits.title) + " characters");
    if (was.limits.body != now.limits.body)
        add("comment up to " + std::to_string(now.limits.body) + " characters");
    return out;
}

}  // namespace

Result<domain::Site> SiteService::set_comment_settings(const domain::User& user,
                                                       const std::string& site_slug,
                                                       const domain::CommentSettings& settings) {
    if (user.disabled || user.role != domain::Role::Admin)
        return Error::forbidden("Only an administrator changes a site's settings.");
    if (auto valid = domain::validate(settings); !valid) return valid.error();
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::Site>(
        database_, [&](db::Connection& c) -> Result<domain::Site> {
            storage::SiteStore sites(c);
            auto all = sites.sites();
            if (!all) return all.error();
            const auto found = std::find_if(all->begin(), all->end(),
                                            [&](const auto& s) { return s.slug == site_slug; });
            if (found == all->end())
                return Error::not_found("There is no site '" + site_slug + "'.");
            domain::Site site = *found;
            const std::string changed = changes(domain::comment_settings_of(site), settings);
            if (changed.empty()) return site;
            if (auto set = sites.set_comment_settings(site.id, settings); !set) return set.error();
            domain::AuditEntry entry;
            entry.at = now;
            entry.actor = domain::Actor::of(user);
            entry.action = domain::AuditAction::SiteSettings;
            entry.site_id = site.id;
            entry.subject = site.name;
            entry.detail = changed;
            if (auto recorded = storage::AuditStore(c).record(entry); !recorded)
                return recorded.error();
            domain::apply(settings, site);
            return site;
        });
}

}  // namespace dateline::app
