#include "storage/front_page_store.hpp"

#include <algorithm>

#include "storage/id_list.hpp"
#include "storage/listed_sql.hpp"

namespace dateline::storage {

using domain::Id;

Result<std::vector<Id>> FrontPageStore::top_stories(Id site_id) {
    auto rows =
        c_.query("SELECT article_id FROM front_page_stories WHERE site_id = $1 ORDER BY position",
                 {site_id});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::vector<Id>> FrontPageStore::visible_top_stories(Id site_id, UnixTime now) {
    // Whether each is listed is on its row (migration 0034): no story is looked up.
    auto rows = c_.query(
        "SELECT article_id FROM front_page_stories WHERE site_id = $1 AND listed_at <= $2 "
        "ORDER BY position",
        {site_id, now});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Status FrontPageStore::set_top_stories(Id site_id, const std::vector<Id>& before,
                                       const std::vector<Id>& ids) {
    // A position whose story stays is left alone; the others are emptied first, so that a story
    // moving to another position never meets itself in the (site, story) key.
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (i < ids.size() && ids[i] == before[i]) continue;
        if (auto done =
                c_.execute("DELETE FROM front_page_stories WHERE site_id = $1 AND position = $2",
                           {site_id, static_cast<std::int64_t>(i + 1)});
            !done)
            return done.error();
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i < before.size() && ids[i] == before[i]) continue;
        // With the story's listed time, read in the same transaction (then kept by a trigger).
        static const std::string insert =
            "INSERT INTO front_page_stories (site_id, position, article_id, listed_at) "
            "SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), id, CASE WHEN " +
            listed_sql("status") +
            " AND site_id = $1 THEN first_published_at END FROM articles WHERE id = $3";
        if (auto done = c_.execute(insert, {site_id, static_cast<std::int64_t>(i + 1), ids[i]});
            !done)
            return done.error();
    }
    return success();
}

Result<std::optional<BreakingNews>> FrontPageStore::breaking(Id site_id) {
    auto rows = c_.query(
        "SELECT b.article_id, b.text, b.shown_until, a.slug, s.slug, a.headline, a.status, "
        "a.first_published_at FROM breaking_news b JOIN articles a ON a.id = b.article_id "
        "LEFT JOIN sections s ON s.id = a.section_id WHERE b.site_id = $1",
        {site_id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<BreakingNews>{};
    const auto& r = rows->front();
    BreakingNews b;
    b.article_id = r.integer(0);
    b.text = r.text(1);
    b.until = r.integer(2);
    b.slug = r.text(3);
    b.section_slug = r.is_null(4) ? std::string() : r.text(4);
    b.headline = r.text(5);
    b.status = domain::parse_article_status(r.text(6)).value_or(domain::ArticleStatus::Draft);
    b.first_published_at = r.is_null(7) ? 0 : r.integer(7);
    return std::optional<BreakingNews>{std::move(b)};
}

Status FrontPageStore::set_breaking(Id site_id, Id article_id, const std::string& text,
                                    UnixTime until) {
    if (auto gone = clear_breaking(site_id); !gone) return gone.error();
    auto done = c_.execute(
        "INSERT INTO breaking_news (site_id, article_id, text, shown_until) VALUES ($1, $2, $3, "
        "$4)",
        {site_id, article_id, text, until});
    if (!done) return done.error();
    return success();
}

Result<bool> FrontPageStore::clear_breaking(Id site_id) {
    auto done = c_.execute("DELETE FROM breaking_news WHERE site_id = $1", {site_id});
    if (!done) return done.error();
    return *done > 0;
}

}  // namespace dateline::storage
