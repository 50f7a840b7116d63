#include "app/media_service.hpp"

#include <optional>

#include "core/parallel.hpp"
#include "domain/editorial.hpp"
#include "storage/media_store.hpp"

namespace dateline::app {

PendingPicture::PendingPicture(PendingPicture&& other) noexcept
    : images_(other.images_), stored_(std::move(other.stored_)), kept_(other.kept_) {
    other.kept_ = true;  // the moved-from object owns nothing to clean up
}

PendingPicture::~PendingPicture() {
    if (kept_ || !stored_.created) return;
    try {
        images_->remove(stored_);
    } catch (...) {
        // A destructor must not throw; what stays is an unreferenced file, as after a crash.
    }
}

Result<domain::Media> PendingPicture::record(db::Connection& connection, UnixTime now) const {
    return storage::MediaStore(connection)
        .ensure({0, stored_.file_name, stored_.mime_type, stored_.width, stored_.height,
                 stored_.bytes, stored_.copies},
                now);
}

Result<PendingPicture> MediaService::store_file(const std::filesystem::path& source) const {
    auto stored = images_.store_file(source);
    if (!stored) {
        Error e = stored.error();
        e.message = "the picture " + source.string() + ": " + e.message;
        return e;
    }
    return PendingPicture(images_, std::move(*stored));
}

std::vector<Result<PendingPicture>> MediaService::store_files(
    const std::vector<std::filesystem::path>& sources) const {
    std::vector<std::optional<Result<PendingPicture>>> stored(sources.size());
    run_on_cores(sources.size(), [&](std::size_t i) { stored[i].emplace(store_file(sources[i])); });
    std::vector<Result<PendingPicture>> outcomes;
    outcomes.reserve(stored.size());
    for (auto& outcome : stored) outcomes.push_back(std::move(*outcome));
    return outcomes;
}

Result<PendingPicture> MediaService::store_bytes(std::string_view bytes) const {
    auto stored = images_.store_bytes(bytes);
    if (!stored) return stored.error();
    return PendingPicture(images_, std::move(*stored));
}

Result<domain::Media> MediaService::add_file(const std::filesystem::path& source) const {
    auto picture = store_file(source);
    if (!picture) return picture.error();
    return record(*picture);
}

Result<domain::Media> MediaService::upload(const domain::User& user, std::string_view bytes) const {
    if (!domain::may_write_somewhere(user))
        return Error::forbidden("This account does not write stories: it cannot add pictures.");
    auto picture = store_bytes(bytes);
    if (!picture) return picture.error();
    return record(*picture);
}

Result<MediaService::AddedCopies> MediaService::add_copies() const {
    auto pending = [&] {
        auto lease = database_.acquire();
        return storage::MediaStore(*lease).lacking_copies();
    }();
    if (!pending) return pending.error();
    AddedCopies done;
    for (const auto& m : *pending) {
        if (auto written = images_.write_copies(m.file_name, m.width); !written) {
            done.failed.push_back(m.file_name + ": " + written.error().message);
            continue;
        }
        auto lease = database_.acquire();
        if (auto marked = storage::MediaStore(*lease).mark_copies(m.id); !marked)
            return marked.error();
        ++done.written;
    }
    return done;
}

Result<domain::Media> MediaService::find(const std::string& file_name) const {
    auto lease = database_.acquire();
    auto found = storage::MediaStore(*lease).by_file_name(file_name);
    if (!found) return found.error();
    if (!*found) {
        Error e = Error::not_found("There is no stored picture '" + file_name + "'.");
        e.field = "image";
        return e;
    }
    return std::move(**found);
}

Result<domain::Media> MediaService::record(PendingPicture& picture) const {
    const UnixTime now = clock_.now();
    auto media = db::in_transaction<domain::Media>(
        database_, [&](db::Connection& c) { return picture.record(c, now); });
    if (media) picture.keep();
    return media;
}

}  // namespace dateline::app
