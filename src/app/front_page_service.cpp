#include "app/front_page_service.hpp"

#include <algorithm>

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

}  // namespace dateline::app
