#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "domain/user.hpp"
#include "media/image_library.hpp"

namespace dateline::app {

/// A picture written to the media folder for work that may still fail. Unless keep() is called
/// once that work has committed, the files this store newly wrote are removed when the object
/// goes, whichever way it goes (an error returned, an exception). Files that were in the folder
/// before, and so may belong to other articles, are never removed.
class PendingPicture {
  public:
    PendingPicture(const media::ImageLibrary& images, media::StoredImage stored)
        : images_(&images), stored_(std::move(stored)) {}
    PendingPicture(PendingPicture&& other) noexcept;
    PendingPicture(const PendingPicture&) = delete;
    PendingPicture& operator=(const PendingPicture&) = delete;
    PendingPicture& operator=(PendingPicture&&) = delete;
    ~PendingPicture();

    /// Records the picture's media row, or finds the one stored before, on the caller's
    /// connection: inside its transaction, so that a rollback takes a new row back.
    Result<domain::Media> record(db::Connection& connection, UnixTime now) const;

    /// The work committed: the files stay.
    void keep() { kept_ = true; }

  private:
    const media::ImageLibrary* images_;
    media::StoredImage stored_;
    bool kept_ = false;
};

/// The one way a picture enters the media folder and the media table: stored by
/// media::ImageLibrary (decoded, re-encoded, content-addressed), then recorded.
class MediaService {
  public:
    MediaService(db::Database& database, const media::ImageLibrary& images, const Clock& clock)
        : database_(database), images_(images), clock_(clock) {}

    /// Stores the picture in `source`, to be recorded in the caller's transaction. Errors name
    /// the file ("the picture PATH: ...").
    Result<PendingPicture> store_file(const std::filesystem::path& source) const;

    /// store_file for many pictures at once, as many at a time as the machine has cores: each
    /// source's outcome, in the order of `sources`.
    std::vector<Result<PendingPicture>> store_files(
        const std::vector<std::filesystem::path>& sources) const;

    /// Records a stored picture in a transaction of its own, keeping its files once it commits.
    Result<domain::Media> record(PendingPicture& picture) const;

    /// Stores a picture sent as bytes (an upload), to be recorded in the caller's transaction.
    Result<PendingPicture> store_bytes(std::string_view bytes) const;

    /// Stores the picture in `source` and records it in a transaction of its own; on failure
    /// nothing it newly wrote is left behind.
    Result<domain::Media> add_file(const std::filesystem::path& source) const;

    /// Stores and records a picture an account sends (the API's media upload) in a transaction
    /// of its own, for the stories it may write: Forbidden for an account that writes none (a
    /// moderator, a disabled account), checked before the picture is decoded. A refused picture
    /// is Invalid on "image". The same picture sent twice is one row.
    Result<domain::Media> upload(const domain::User& user, std::string_view bytes) const;

    /// What add_copies did: how many pictures got their copies, and those that could not
    /// ("NAME: why"), left as they were.
    struct AddedCopies {
        int written = 0;
        std::vector<std::string> failed;
    };
    /// Writes the copies (WebP, crops, thumbnail) of every picture stored before they were made,
    /// and records each once its files are written (`dateline media copies`). A picture that cannot
    /// be read or decoded is skipped and named; the others go on. Fails only when the database
    /// does.
    Result<AddedCopies> add_copies() const;

    /// The stored picture with this file name ("<hash>.jpg"): NotFound on "image" otherwise.
    Result<domain::Media> find(const std::string& file_name) const;

  private:
    db::Database& database_;
    const media::ImageLibrary& images_;
    const Clock& clock_;
};

}  // namespace dateline::app
