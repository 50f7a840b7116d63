#pragma once

#include <optional>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"

namespace dateline::storage {

/// Rows describing the image files kept in the data directory.
class MediaStore {
  public:
    explicit MediaStore(db::Connection& connection) : c_(connection) {}

    /// Records the file, or returns the existing row when the same content was stored before.
    Result<domain::Media> ensure(const domain::Media& media, UnixTime now);
    /// The stored images without WebP copies (stored before they were made), oldest first.
    Result<std::vector<domain::Media>> without_webp();
    /// Records that the image's WebP copies are stored.
    Status mark_webp(domain::Id id);
    /// The stored image with this file name ("<hash>.jpg"), or nothing.
    Result<std::optional<domain::Media>> by_file_name(const std::string& file_name);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
