#include "storage/wire_store.hpp"

#include "storage/like_pattern.hpp"

namespace dateline::storage {

namespace {

constexpr const char* source_columns =
    "SELECT w.id, w.name, w.location, w.site_id, s.slug, w.section_id, "
    "COALESCE(x.slug, ''), w.auto_publish, w.created_at, w.kind, w.poll_seconds, w.etag, "
    "w.last_modified, w.next_poll_at, w.failures, w.last_error FROM wire_sources w "
    "JOIN sites s ON s.id = w.site_id LEFT JOIN sections x ON x.id = w.section_id ";

domain::WireSource source_from_row(const db::Row& r) {
    domain::WireSource s;
    s.id = r.integer(0);
    s.name = r.text(1);
    s.location = r.text(2);
    s.site_id = r.integer(3);
    s.site_slug = r.text(4);
    if (!r.is_null(5)) s.section_id = r.integer(5);
    s.section_slug = r.text(6);
    s.auto_publish = r.integer(7) != 0;
    s.created_at = r.integer(8);
    s.kind = r.text(9) == "url" ? domain::WireSourceKind::Url : domain::WireSourceKind::Folder;
    s.poll_seconds = static_cast<int>(r.integer(10));
    s.etag = r.text(11);
    s.last_modified = r.text(12);
    s.next_poll_at = r.integer(13);
    s.failures = static_cast<int>(r.integer(14));
    s.last_error = r.text(15);
    return s;
}

}  // namespace

Result<domain::Id> WireStore::add_source(const domain::WireSource& source, UnixTime now) {
    auto taken = c_.query("SELECT 1 FROM wire_sources WHERE name = $1", {source.name});
    if (!taken) return taken.error();
    if (!taken->empty())
        return Error::conflict("There is already a wire source named '" + source.name + "'.",
                               "name");
    auto rows = c_.query(
        "INSERT INTO wire_sources (name, kind, location, site_id, section_id, auto_publish, "
        "created_at, poll_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {source.name, std::string(source.kind == domain::WireSourceKind::Url ? "url" : "folder"),
         source.location, source.site_id,
         source.section_id ? db::Value(*source.section_id) : db::Value(nullptr),
         std::int64_t{source.auto_publish ? 1 : 0}, now, std::int64_t{source.poll_seconds}});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::vector<domain::WireSource>> WireStore::sources() {
    auto rows = c_.query(std::string(source_columns) + "ORDER BY w.name");
    if (!rows) return rows.error();
    std::vector<domain::WireSource> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(source_from_row(r));
    return out;
}

Result<bool> WireStore::remove_source(const std::string& name) {
    auto gone = c_.query("DELETE FROM wire_sources WHERE name = $1 RETURNING id", {name});
    if (!gone) return gone.error();
    return !gone->empty();
}

Result<std::optional<domain::Id>> WireStore::record(const domain::ReceivedWireItem& received,
                                                    const std::string& content) {
    const auto& item = received.item;
    const auto optional = [](const auto& v) {
        return v ? db::Value(static_cast<std::int64_t>(*v)) : db::Value(nullptr);
    };
    // ON CONFLICT DO NOTHING in both backends: two nodes reading the same version at once
    // store it once, and the later one learns it was not first.
    auto rows = c_.query(
        "INSERT INTO wire_items (source_id, guid, version, format, language, headline, urgency, "
        "embargoed_until, status, version_created, received_at, content) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (guid, version) DO NOTHING RETURNING id",
        {optional(received.source_id), item.guid, item.version, item.format, item.language,
         item.headline, optional(item.urgency), optional(item.embargoed_until),
         std::string(domain::to_string(item.status)), optional(item.version_created),
         received.received_at, content});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::Id>{};
    return std::optional<domain::Id>{rows->front().integer(0)};
}

Result<bool> WireStore::has_later_version(const std::string& guid, domain::Id except,
                                          UnixTime version_created) {
    auto rows = c_.query(
        "SELECT 1 FROM wire_items WHERE guid = $1 AND id <> $2 AND version_created > $3 LIMIT 1",
        {guid, except, version_created});
    if (!rows) return rows.error();
    return !rows->empty();
}

Result<bool> WireStore::take_pull(domain::Id source_id, UnixTime now, UnixTime until) {
    auto rows = c_.query(
        "UPDATE wire_sources SET next_poll_at = $3 WHERE id = $1 AND next_poll_at <= $2 "
        "RETURNING id",
        {source_id, now, until});
    if (!rows) return rows.error();
    return !rows->empty();
}

Status WireStore::record_pull(const domain::WireSource& source) {
    auto done = c_.execute(
        "UPDATE wire_sources SET etag = $2, last_modified = $3, next_poll_at = $4, failures = $5, "
        "last_error = $6 WHERE id = $1",
        {source.id, source.etag, source.last_modified, source.next_poll_at,
         std::int64_t{source.failures}, source.last_error});
    if (!done) return done.error();
    return success();
}

Status WireStore::link_article(domain::Id item_id, domain::Id article_id) {
    auto done =
        c_.execute("UPDATE wire_items SET article_id = $2 WHERE id = $1", {item_id, article_id});
    if (!done) return done.error();
    return success();
}

namespace {

constexpr const char* item_columns =
    "SELECT i.id, i.source_id, COALESCE(w.name, ''), i.received_at, i.article_id, ";

WireStore::Row item_from_row(const db::Row& r) {
    domain::ReceivedWireItem received;
    received.id = r.integer(0);
    if (!r.is_null(1)) received.source_id = r.integer(1);
    received.source_name = r.text(2);
    received.received_at = r.integer(3);
    if (!r.is_null(4)) received.article_id = r.integer(4);
    return {std::move(received), r.text(5)};
}

Result<std::vector<WireStore::Row>> rows_of(Result<std::vector<db::Row>> rows) {
    if (!rows) return rows.error();
    std::vector<WireStore::Row> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(item_from_row(r));
    return out;
}

}  // namespace

Result<std::vector<WireStore::Row>> WireStore::queue(const domain::WireQueueQuery& q) {
    std::string where;
    db::Params params{std::int64_t{q.limit}};
    const auto add = [&](db::Value value, const std::string& condition) {
        params.push_back(std::move(value));
        where +=
            (where.empty() ? "WHERE " : " AND ") + condition + " $" + std::to_string(params.size());
    };
    if (!q.source_name.empty()) add(q.source_name, "w.name =");
    if (!q.language.empty()) {
        add(q.language, "(i.language =");
        // A primary subtag also finds its regional forms: "en" finds "en-GB".
        params.push_back(q.language + "-%");
        where += " OR i.language LIKE $" + std::to_string(params.size()) + ")";
    }
    if (q.urgency) add(std::int64_t{*q.urgency}, "i.urgency <=");
    if (!q.text.empty()) {
        add(contains_pattern(q.text), "lower(i.headline) LIKE");
        where += " ESCAPE '\\'";
    }
    if (q.before_id) {
        // Walks on down the index from the item, in the queue's order.
        params.emplace_back(*q.before_id);
        const std::string n = std::to_string(params.size());
        where += std::string(where.empty() ? "WHERE " : " AND ") +
                 "(i.received_at, i.id) < ((SELECT received_at FROM wire_items WHERE id = $" + n +
                 "), $" + n + ")";
    }
    return rows_of(c_.query(std::string(item_columns) +
                                "i.content FROM wire_items i LEFT JOIN wire_sources w ON w.id = "
                                "i.source_id " +
                                where + " ORDER BY i.received_at DESC, i.id DESC LIMIT $1",
                            params));
}

Result<std::optional<WireStore::Row>> WireStore::by_id(domain::Id id) {
    auto rows = rows_of(c_.query(std::string(item_columns) +
                                     "i.content FROM wire_items i LEFT JOIN wire_sources w ON "
                                     "w.id = i.source_id WHERE i.id = $1",
                                 {id}));
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Row>{};
    return std::optional<Row>{std::move(rows->front())};
}

Result<std::vector<WireStore::Row>> WireStore::versions_of(const std::string& guid) {
    return rows_of(c_.query(std::string(item_columns) +
                                "i.content FROM wire_items i LEFT JOIN wire_sources w ON w.id = "
                                "i.source_id WHERE i.guid = $1 ORDER BY i.received_at, i.id",
                            {guid}));
}

}  // namespace dateline::storage
