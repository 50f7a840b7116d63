#include "storage/media_store.hpp"

namespace dateline::storage {

namespace {

// A row of (id, file_name, mime_type, width, height, bytes, copies).
domain::Media media_of(const db::Row& r) {
    return {r.integer(0),      r.text(1),    r.text(2),        int(r.integer(3)),
            int(r.integer(4)), r.integer(5), int(r.integer(6))};
}

}  // namespace

Result<domain::Media> MediaStore::ensure(const domain::Media& m, UnixTime now) {
    auto rows = c_.query(
        "INSERT INTO media (file_name, mime_type, width, height, bytes, created_at, copies) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) "
        // A picture stored again writes nothing (a media row's change empties every node's
        // page cache), unless it now brings copies its row lacked.
        "ON CONFLICT (file_name) DO UPDATE SET copies = excluded.copies "
        "WHERE media.copies < excluded.copies "
        "RETURNING id, file_name, mime_type, width, height, bytes, copies",
        {m.file_name, m.mime_type, std::int64_t{m.width}, std::int64_t{m.height}, m.bytes, now,
         std::int64_t{m.copies}});
    if (!rows) return rows.error();
    if (!rows->empty()) return media_of(rows->front());
    auto stored = by_file_name(m.file_name);
    if (!stored) return stored.error();
    if (!*stored) return Error::unavailable("The picture " + m.file_name + " was not recorded.");
    return std::move(**stored);
}

Result<std::vector<domain::Media>> MediaStore::lacking_copies() {
    auto rows = c_.query(
        "SELECT id, file_name, mime_type, width, height, bytes, copies FROM media "
        "WHERE copies < $1 ORDER BY id",
        {std::int64_t{domain::media_copies_all}});
    if (!rows) return rows.error();
    std::vector<domain::Media> out;
    for (const auto& r : *rows) out.push_back(media_of(r));
    return out;
}

Status MediaStore::mark_copies(domain::Id id) {
    auto done = c_.execute("UPDATE media SET copies = $2 WHERE id = $1",
                           {id, std::int64_t{domain::media_copies_all}});
    if (!done) return done.error();
    return success();
}

Result<std::optional<domain::Media>> MediaStore::by_file_name(const std::string& file_name) {
    auto rows = c_.query(
        "SELECT id, file_name, mime_type, width, height, bytes, copies FROM media "
        "WHERE file_name = $1",
        {file_name});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::Media>{};
    return std::optional<domain::Media>{media_of(rows->front())};
}

}  // namespace dateline::storage
