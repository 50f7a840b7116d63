#include "storage/related_store.hpp"

#include <algorithm>

#include "storage/id_list.hpp"
#include "storage/listed_sql.hpp"

namespace dateline::storage {

using domain::Id;

Result<std::vector<RelatedEntry>> RelatedStore::list(Id article_id) {
    auto rows = c_.query(
        "SELECT related_id, weight FROM related_stories WHERE article_id = $1 "
        "ORDER BY weight DESC, related_id DESC",
        {article_id});
    if (!rows) return rows.error();
    std::vector<RelatedEntry> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back({r.integer(0), r.real(1)});
    return out;
}

Status RelatedStore::update(Id article_id, const std::vector<RelatedEntry>& before,
                            const std::vector<RelatedEntry>& after) {
    for (const auto& old : before) {
        const bool kept = std::any_of(after.begin(), after.end(),
                                      [&](const RelatedEntry& e) { return e.id == old.id; });
        if (kept) continue;
        if (auto removed =
                c_.execute("DELETE FROM related_stories WHERE article_id = $1 AND related_id = $2",
                           {article_id, old.id});
            !removed)
            return removed.error();
    }
    for (const auto& entry : after) {
        const auto old = std::find_if(before.begin(), before.end(),
                                      [&](const RelatedEntry& e) { return e.id == entry.id; });
        if (old != before.end() && *old == entry) continue;
        // With the related story's publication time while it is listed, which triggers keep
        // up to date from then on (migrations/*/0033).
        static const std::string upsert =
            "INSERT INTO related_stories (article_id, related_id, weight, related_listed_at) "
            "SELECT $1, a.id, $3, CASE WHEN " +
            listed_sql("a.status") +
            " THEN a.first_published_at END FROM articles a WHERE a.id = $2 "
            "ON CONFLICT (article_id, related_id) DO UPDATE SET weight = excluded.weight, "
            "related_listed_at = excluded.related_listed_at";
        if (auto written = c_.execute(upsert, {article_id, entry.id, entry.weight}); !written)
            return written.error();
    }
    return success();
}

Result<std::vector<Id>> RelatedStore::listing(Id related_id, int limit) {
    auto rows = c_.query(
        "SELECT article_id FROM related_stories WHERE related_id = $1 "
        "ORDER BY article_id DESC LIMIT $2",
        {related_id, std::int64_t{limit}});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

}  // namespace dateline::storage
