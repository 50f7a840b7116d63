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
    /// The stored images that lack copies a picture stored now has (stored by an earlier
    /// release: domain::Media::copies below domain::media_copies_all), oldest first.
    Result<std::vector<domain::Media>> lacking_copies();
    /// Records that every copy of the image is stored (domain::media_copies_all).
    Status mark_copies(domain::Id id);
    /// The stored image with this file name ("<hash>.jpg"), or nothing.
    Result<std::optional<domain::Media>> by_file_name(const std::string& file_name);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
