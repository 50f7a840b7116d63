#include "storage/media_store.hpp"

namespace dateline::storage {

namespace {

// A row of (id, file_name, mime_type, width, height, bytes, webp).
domain::Media media_of(const db::Row& r) {
    return {r.integer(0),      r.text(1),    r.text(2),        int(r.integer(3)),
            int(r.integer(4)), r.integer(5), r.integer(6) != 0};
}

}  // namespace

Result<domain::Media> MediaStore::ensure(const domain::Media& m, UnixTime now) {
    auto rows = c_.query(
        "INSERT INTO media (file_name, mime_type, width, height, bytes, created_at, webp) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) "
        // A picture stored again writes nothing (a media row's change empties every node's
        // page cache), unless it now brings the WebP copies its row lacked.
        "ON CONFLICT (file_name) DO UPDATE SET webp = excluded.webp "
        "WHERE media.webp < excluded.webp "
        "RETURNING id, file_name, mime_type, width, height, bytes, webp",
        {m.file_name, m.mime_type, std::int64_t{m.width}, std::int64_t{m.height}, m.bytes, now,
         std::int64_t{m.webp ? 1 : 0}});
    if (!rows) return rows.error();
    if (!rows->empty()) return media_of(rows->front());
    auto stored = by_file_name(m.file_name);
    if (!stored) return stored.error();
    if (!*stored) return Error::unavailable("The picture " + m.file_name + " was not recorded.");
    return std::move(**stored);
}

Result<std::vector<domain::Media>> MediaStore::without_webp() {
    auto rows = c_.query(
        "SELECT id, file_name, mime_type, width, height, bytes, webp FROM media WHERE webp = 0 "
        "ORDER BY id");
    if (!rows) return rows.error();
    std::vector<domain::Media> out;
    for (const auto& r : *rows) out.push_back(media_of(r));
    return out;
}

Status MediaStore::mark_webp(domain::Id id) {
    auto done = c_.execute("UPDATE media SET webp = 1 WHERE id = $1", {id});
    if (!done) return done.error();
    return success();
}

Result<std::optional<domain::Media>> MediaStore::by_file_name(const std::string& file_name) {
    auto rows = c_.query(
        "SELECT id, file_name, mime_type, width, height, bytes, webp FROM media "
        "WHERE file_name = $1",
        {file_name});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::Media>{};
    return std::optional<domain::Media>{media_of(rows->front())};
}

}  // namespace dateline::storage
