#include "app/front_page_service.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "domain/editorial.hpp"

#include "storage/article_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/front_page_store.hpp"

namespace dateline::app {

using domain::Id;

namespace {

using Store = storage::ArticleStore;

// The cards of these stories, in the order of `ids`.
Result<std::vector<domain::Article>> cards_in_order(db::Connection& c, const std::vector<Id>& ids) {
    return Store(c).by_ids_in_order(ids, Store::Columns::Card, Store::Details::Bare);
}

}  // namespace

Result<std::vector<domain::Article>> FrontPageService::top_stories(const domain::Site& site) {
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    auto ids = storage::FrontPageStore(*lease).top_stories(site.id);
    if (!ids) return ids.error();
    return cards_in_order(*lease, *ids);
}

Status FrontPageService::set_top_stories(const domain::Site& site,
                                         const std::vector<std::string>& slugs,
                                         const domain::Actor& by) {
    if (slugs.size() > top_count)
        return Error::invalid("A site has at most " + std::to_string(top_count) +
                                  " top stories: the lead and four beside it.",
                              "stories");
    const UnixTime now = clock_.now();
    return db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        storage::ArticleStore articles(c);
        std::vector<Id> ids;
        for (const auto& slug : slugs) {
            auto id = articles.id_by_slug(site.id, slug);
            if (!id) return id.error();
            if (!*id) return Error::invalid("The site has no story '" + slug + "'.", "stories");
            if (std::find(ids.begin(), ids.end(), **id) != ids.end())
                return Error::invalid("The story '" + slug + "' is named twice.", "stories");
            ids.push_back(**id);
        }
        // Locked, in the stories' write turn, before they are judged (PostgreSQL; SQLite has one
        // writer): a story withdrawn meanwhile is refused here or withdrawn once these rows are.
        if (auto locked = articles.lock(ids); !locked) return locked.error();
        auto cards = cards_in_order(c, ids);
        if (!cards) return cards.error();
        for (const auto& a : *cards)
            if (!domain::is_listed(a.status))
                return Error::invalid("The story '" + a.slug +
                                          "' is not published or scheduled: readers "
                                          "cannot see it.",
                                      "stories");
        storage::FrontPageStore store(c);
        auto before = store.top_stories(site.id);
        if (!before) return before.error();
        if (*before == ids) return success();
        if (auto set = store.set_top_stories(site.id, *before, ids); !set) return set.error();
        domain::AuditEntry entry;
        entry.at = now;
        entry.actor = by;
        entry.action = domain::AuditAction::SiteTopStories;
        entry.site_id = site.id;
        entry.subject = site.name;
        for (const auto& a : *cards)
            entry.detail += (entry.detail.empty() ? "" : ", ") + a.headline;
        if (auto recorded = storage::AuditStore(c).record(entry); !recorded)
            return recorded.error();
        return success();
    });
}

Status FrontPageService::set_top_stories(const domain::User& user, const domain::Site& site,
                                         const std::vector<std::string>& slugs) {
    if (!domain::may_publish(user, site.id))
        return Error::forbidden(
            "Only the site's editors and administrators arrange its home page.");
    return set_top_stories(site, slugs, domain::Actor::of(user));
}

namespace {

// The text without the spaces, tabs and line breaks a form leaves around it.
std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// Records a change to the site's banner in the transaction that made it.
Status record_breaking(db::Connection& c, const domain::User& user, const domain::Site& site,
                       UnixTime at, std::optional<Id> article, std::string detail) {
    domain::AuditEntry entry;
    entry.at = at;
    entry.actor = domain::Actor::of(user);
    entry.action = domain::AuditAction::SiteBreakingNews;
    entry.site_id = site.id;
    entry.article_id = article;
    entry.subject = site.name;
    entry.detail = std::move(detail);
    return storage::AuditStore(c).record(entry);
}

}  // namespace

Result<std::optional<storage::BreakingNews>> FrontPageService::breaking(const domain::Site& site) {
    auto lease = database_.acquire();
    auto found = storage::FrontPageStore(*lease).breaking(site.id);
    if (!found) return found.error();
    const UnixTime now = clock_.now();
    if (*found && !((*found)->until > now && domain::is_listed((*found)->status) &&
                    (*found)->first_published_at <= now))
        return std::optional<storage::BreakingNews>{};
    return found;
}

Status FrontPageService::set_breaking(const domain::User& user, const domain::Site& site,
                                      const std::string& slug, const std::string& text, int hours) {
    if (!domain::may_publish(user, site.id))
        return Error::forbidden("Only the site's editors and administrators put up its banner.");
    if (hours < 1 || hours > max_breaking_hours)
        return Error::invalid(
            "A banner stays up from 1 to " + std::to_string(max_breaking_hours) + " hours.",
            "hours");
    const std::string line = trimmed(text);
    if (count_code_points(line) > max_breaking_text || !is_valid_utf8(line) ||
        has_ascii_control(line))
        return Error::invalid(
            "A banner's line is at most " + std::to_string(max_breaking_text) + " characters.",
            "text");
    const UnixTime now = clock_.now();
    return db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        storage::ArticleStore articles(c);
        auto id = articles.id_by_slug(site.id, slug);
        if (!id) return id.error();
        if (!*id) return Error::invalid("The site has no story '" + slug + "'.", "story");
        auto cards = cards_in_order(c, {**id});
        if (!cards) return cards.error();
        if (cards->empty() || !cards->front().visible_at(now))
            return Error::invalid("Readers cannot see the story '" + slug + "' now.", "story");
        const auto& story = cards->front();
        const std::string shown = line.empty() ? story.headline : line;
        const UnixTime until = now + UnixTime{hours} * 3600;
        if (auto set = storage::FrontPageStore(c).set_breaking(site.id, story.id, shown, until);
            !set)
            return set.error();
        return record_breaking(c, user, site, now, story.id,
                               shown + " (" + std::to_string(hours) + " h)");
    });
}

Status FrontPageService::clear_breaking(const domain::User& user, const domain::Site& site) {
    if (!domain::may_publish(user, site.id))
        return Error::forbidden("Only the site's editors and administrators take down its banner.");
    const UnixTime now = clock_.now();
    return db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        auto gone = storage::FrontPageStore(c).clear_breaking(site.id);
        if (!gone) return gone.error();
        if (!*gone) return success();
        return record_breaking(c, user, site, now, std::nullopt, "taken down");
    });
}

}  // namespace dateline::app
