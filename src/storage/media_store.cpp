#include "storage/media_store.hpp"

namespace dateline::storage {

namespace {

// A row of (id, file_name, mime_type, width, height, bytes).
domain::Media media_of(const db::Row& r) {
    return {r.integer(0), r.text(1), r.text(2), int(r.integer(3)), int(r.integer(4)), r.integer(5)};
}

}  // namespace

Result<domain::Media> MediaStore::ensure(const domain::Media& m, UnixTime now) {
    auto rows = c_.query(
        "INSERT INTO media (file_name, mime_type, width, height, bytes, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) "
        "ON CONFLICT (file_name) DO UPDATE SET file_name = excluded.file_name "
        "RETURNING id, file_name, mime_type, width, height, bytes",
        {m.file_name, m.mime_type, std::int64_t{m.width}, std::int64_t{m.height}, m.bytes, now});
    if (!rows) return rows.error();
    return media_of(rows->front());
}

Result<std::optional<domain::Media>> MediaStore::by_file_name(const std::string& file_name) {
    auto rows = c_.query(
        "SELECT id, file_name, mime_type, width, height, bytes FROM media WHERE file_name = $1",
        {file_name});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::Media>{};
    return std::optional<domain::Media>{media_of(rows->front())};
}

}  // namespace dateline::storage
