#include "storage/wire_store.hpp"

namespace dateline::storage {

namespace {

constexpr const char* source_columns =
    "SELECT w.id, w.name, w.location, w.site_id, s.slug, w.section_id, "
    "COALESCE(x.slug, ''), w.auto_publish, w.created_at FROM wire_sources w "
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
        "created_at) VALUES ($1, 'folder', $2, $3, $4, $5, $6) RETURNING id",
        {source.name, source.location, source.site_id,
         source.section_id ? db::Value(*source.section_id) : db::Value(nullptr),
         std::int64_t{source.auto_publish ? 1 : 0}, now});
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

Status WireStore::link_article(domain::Id item_id, domain::Id article_id) {
    auto done =
        c_.execute("UPDATE wire_items SET article_id = $2 WHERE id = $1", {item_id, article_id});
    if (!done) return done.error();
    return success();
}

Result<std::vector<std::pair<domain::ReceivedWireItem, std::string>>> WireStore::queue(
    const std::string& source_name, int limit) {
    std::string sql =
        "SELECT i.id, i.source_id, COALESCE(w.name, ''), i.received_at, i.article_id, "
        "i.content FROM wire_items i LEFT JOIN wire_sources w ON w.id = i.source_id ";
    db::Params params{std::int64_t{limit}};
    if (!source_name.empty()) {
        sql += "WHERE w.name = $2 ";
        params.push_back(source_name);
    }
    sql += "ORDER BY i.received_at DESC, i.id DESC LIMIT $1";
    auto rows = c_.query(sql, params);
    if (!rows) return rows.error();
    std::vector<std::pair<domain::ReceivedWireItem, std::string>> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) {
        domain::ReceivedWireItem received;
        received.id = r.integer(0);
        if (!r.is_null(1)) received.source_id = r.integer(1);
        received.source_name = r.text(2);
        received.received_at = r.integer(3);
        if (!r.is_null(4)) received.article_id = r.integer(4);
        out.emplace_back(std::move(received), r.text(5));
    }
    return out;
}

}  // namespace dateline::storage
