#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace dateline::media {

/// Largest image file accepted, in bytes, and largest picture, in pixels.
inline constexpr std::size_t max_image_bytes = 25 * 1024 * 1024;
inline constexpr long long max_image_pixels = 50'000'000;
/// Stored images are scaled down to fit this box; newspapers' lead images need no more.
inline constexpr int max_stored_dimension = 2000;

/// An image as stored: file name (content-addressed), type and size.
struct StoredImage {
    std::string file_name;
    std::string mime_type;
    int width = 0;
    int height = 0;
    std::int64_t bytes = 0;
    int copies = 0;        ///< which copies are stored beside it (domain::media_copies_*)
    bool created = false;  ///< this call wrote the files: they were not in the folder before
};

/// Starts libvips once per process; call from main before any image work.
void initialise(const char* argv0);

/// The media folder of a data directory. Untrusted files are recognised by their content, never
/// their name (JPEG, PNG, WebP, GIF), decoded by libvips within size limits, scaled to fit
/// max_stored_dimension, re-encoded (JPEG, or PNG when the picture has transparency) with all
/// metadata (EXIF, GPS, XMP) stripped, and saved under a name derived from the result's SHA-256,
/// so the same picture is stored once. Smaller copies for `srcset` are written beside it, named
/// by domain::media_variants, a WebP copy of each file (domain::webp_name), which browsers
/// take at about two thirds of the bytes, and crops to 16:9, 4:3 and 1:1 (domain::media_crops)
/// for the services that frame a story's picture themselves, cut where libvips finds the
/// picture's interest (its "attention" strategy: edges, skin tones, saturation). The copies are
/// encoded on as many threads as the machine has cores, each call waiting for its own.
class ImageLibrary {
  public:
    explicit ImageLibrary(std::filesystem::path directory) : directory_(std::move(directory)) {}

    /// Stores the picture in `source`, which must be a regular file (a FIFO, a device or a folder
    /// is refused without being read) of at most max_image_bytes.
    Result<StoredImage> store_file(const std::filesystem::path& source) const;
    Result<StoredImage> store_bytes(std::string_view bytes) const;

    /// Writes the copies a picture stored by an earlier release may lack (domain::Media::copies
    /// below domain::media_copies_all) beside the file `file_name` in this folder, `width`
    /// pixels wide: whichever of its smaller copies, their WebP copies, its own WebP copy and its
    /// crops are not there. Invalid when the file cannot be decoded.
    Status write_copies(const std::string& file_name, int width) const;

    /// Removes a stored picture's file and its smaller copies, for work that failed after
    /// store_file/store_bytes created them. A file already gone, or that cannot be removed, is
    /// left as it is.
    void remove(const StoredImage& image) const;

    const std::filesystem::path& directory() const { return directory_; }

  private:
    // Writes `bytes` as `file_name` whole or not at all. With `only_if_absent`, a file already
    // there is kept and the result is false: of several writers at once, exactly one creates it.
    Result<bool> write_atomically(const std::string& file_name, std::string_view bytes,
                                  bool only_if_absent = false) const;

    std::filesystem::path directory_;
};

/// The MIME type of an image recognised by its first bytes, or empty.
std::string sniff_image_type(std::string_view bytes);

}  // namespace dateline::media
