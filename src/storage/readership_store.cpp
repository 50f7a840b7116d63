#include "storage/readership_store.hpp"

#include "storage/id_list.hpp"
#include "storage/listed_sql.hpp"

namespace dateline::storage {

using domain::Id;

Status ReadershipStore::add_reads(std::int64_t hour,
                                  const std::vector<std::pair<Id, std::int64_t>>& reads) {
    for (const auto& [story, count] : reads) {
        // The story read from `articles`, so that one deleted since it was read adds nothing
        // (rather than failing the foreign key and, with it, the other stories' reads).
        if (auto done = c_.execute(
                "INSERT INTO article_reads (hour, article_id, reads) SELECT CAST($1 AS BIGINT), "
                "id, CAST($3 AS BIGINT) FROM articles WHERE id = $2 ON CONFLICT (hour, "
                "article_id) DO UPDATE SET reads = article_reads.reads + excluded.reads",
                {hour, story, count});
            !done)
            return done.error();
    }
    return success();
}

Result<std::int64_t> ReadershipStore::forget_before(std::int64_t hour) {
    return c_.execute("DELETE FROM article_reads WHERE hour < $1", {hour});
}

Result<std::vector<ReadershipStore::Ranked>> ReadershipStore::rank(std::int64_t since_hour,
                                                                   int size) {
    // Each story's reads once, then ranked twice: in its site and in its section.
    auto rows = c_.query(
        "WITH totals AS (SELECT a.site_id AS site_id, COALESCE(a.section_id, 0) AS section_id, "
        "a.id AS article_id, SUM(r.reads) AS reads FROM article_reads r JOIN articles a ON a.id "
        "= r.article_id WHERE r.hour >= $1 AND " +
            listed_sql("a.status") +
            " AND a.first_published_at IS NOT NULL GROUP BY a.id, a.site_id, a.section_id), "
            "scoped AS (SELECT site_id, 0 AS section_id, article_id, reads FROM totals UNION ALL "
            "SELECT site_id, section_id, article_id, reads FROM totals WHERE section_id <> 0), "
            "ranked AS (SELECT site_id, section_id, article_id, reads, ROW_NUMBER() OVER "
            "(PARTITION "
            "BY site_id, section_id ORDER BY reads DESC, article_id DESC) AS position FROM scoped) "
            "SELECT site_id, section_id, position, article_id, CAST(reads AS BIGINT) FROM ranked "
            "WHERE position <= $2",
        {since_hour, std::int64_t{size}});
    if (!rows) return rows.error();
    std::vector<Ranked> ranked;
    ranked.reserve(rows->size());
    for (const auto& r : *rows)
        ranked.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4)});
    return ranked;
}

Status ReadershipStore::set_rankings(std::int64_t hour, const std::vector<Ranked>& ranked) {
    if (auto done = c_.execute("DELETE FROM most_read"); !done) return done.error();
    for (const auto& r : ranked) {
        // Two nodes ranking at once both write every position (the second's stands), rather
        // than one failing on the other's rows; a story deleted since it was ranked is skipped.
        static const std::string upsert =
            "INSERT INTO most_read (site_id, section_id, position, article_id, reads, ranked_at, "
            "listed_at) SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT), id, "
            "CAST($5 AS BIGINT), CAST($6 AS BIGINT), CASE WHEN " +
            listed_sql("status") +
            " THEN first_published_at END FROM articles WHERE id = $4 ON CONFLICT (site_id, "
            "section_id, position) DO UPDATE SET article_id = excluded.article_id, reads = "
            "excluded.reads, ranked_at = excluded.ranked_at, listed_at = excluded.listed_at";
        if (auto done = c_.execute(
                upsert, {r.site_id, r.section_id, r.position, r.article_id, r.reads, hour});
            !done)
            return done.error();
    }
    return success();
}

Result<std::vector<Id>> ReadershipStore::most_read(Id site_id, Id section_id, UnixTime now,
                                                   std::int64_t since_hour, int limit) {
    // The ranking by its key; whether each story is listed is on its row (migration 0034).
    auto rows = c_.query(
        "SELECT article_id FROM most_read WHERE site_id = $1 AND section_id = $2 AND ranked_at "
        ">= $5 AND listed_at <= $3 ORDER BY position LIMIT $4",
        {site_id, section_id, now, std::int64_t{limit}, since_hour});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

}  // namespace dateline::storage
