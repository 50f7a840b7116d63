#include "storage/media_store.hpp"

namespace dateline::storage {

Result<domain::Media> MediaStore::ensure(const domain::Media& m, UnixTime now) {
    auto rows = c_.query(
        "INSERT INTO media (file_name, mime_type, width, height, bytes, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) "
        "ON CONFLICT (file_name) DO UPDATE SET file_name = excluded.file_name "
        "RETURNING id, file_name, mime_type, width, height, bytes",
        {m.file_name, m.mime_type, std::int64_t{m.width}, std::int64_t{m.height}, m.bytes, now});
    if (!rows) return rows.error();
    const auto& r = rows->front();
    return domain::Media{r.integer(0),      r.text(1),         r.text(2),
                         int(r.integer(3)), int(r.integer(4)), r.integer(5)};
}

}  // namespace dateline::storage
