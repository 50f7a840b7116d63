#include "media/image_library.hpp"

#include "core/parallel.hpp"
#include "crypto/crypto.hpp"

#include <vips/vips8>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>

#include "domain/article.hpp"

namespace dateline::media {

namespace {

constexpr int jpeg_quality = 82;
// WebP at this quality looks like the JPEG at jpeg_quality, in about two thirds of the bytes.
constexpr int webp_quality = 80;
constexpr std::size_t name_hash_bytes = 16;

// Closes a file descriptor when it goes.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { ::close(fd_); }

  private:
    int fd_;
};

}  // namespace

void initialise(const char* argv0) {
    if (VIPS_INIT(argv0) != 0) throw std::runtime_error("libvips failed to start");
    // Untrusted input: only the loaders for formats we accept, never the "unsafe" ones
    // (https://www.libvips.org/API/current/func.block_untrusted_set.html, from 8.13).
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    // A damaged upload makes libvips print warnings on stderr, one per tile; the caller gets the
    // refusal as an Error, and stderr carries the command's own messages.
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {},
        nullptr);
}

std::string sniff_image_type(std::string_view b) {
    auto starts = [&](std::string_view magic, std::size_t at = 0) {
        return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
    };
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("\x89PNG\r\n\x1A\n")) return "image/png";
    if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
    if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
    return {};
}

Result<StoredImage> ImageLibrary::store_file(const std::filesystem::path& source) const {
    const auto too_large = [] {
        return Error::invalid(
            "The image is larger than " + std::to_string(max_image_bytes / (1024 * 1024)) + " MB.",
            "image");
    };
    const auto unreadable = [](int error) {
        return Error::invalid(
            "The image cannot be read (" + std::string(std::strerror(error)) + ").", "image");
    };
    // Whatever the path names is opened first and checked after, on the descriptor, so nothing
    // can be swapped in between: O_NONBLOCK so that a FIFO cannot hang the open, O_NOCTTY so that
    // a terminal does not become ours.
    const int fd = ::open(source.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return unreadable(errno);
    const FileDescriptor file(fd);
    struct stat info {};
    if (::fstat(fd, &info) != 0) return unreadable(errno);
    if (!S_ISREG(info.st_mode)) return Error::invalid("The image is not a regular file.", "image");
    if (static_cast<std::uintmax_t>(info.st_size) > max_image_bytes) return too_large();
    // One byte beyond the size fstat gave, to notice a file that grows while it is read.
    const auto size = static_cast<std::size_t>(info.st_size);
    std::string bytes(size + 1, '\0');
    std::size_t length = 0;
    while (length < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + length, bytes.size() - length);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return unreadable(errno);
        if (n == 0) break;
        length += static_cast<std::size_t>(n);
    }
    if (length != size) return Error::invalid("The image changed while it was read.", "image");
    bytes.resize(length);
    return store_bytes(bytes);
}

namespace {

// Encodes a decoded picture without metadata: PNG when it has transparency, else JPEG.
std::string encode(const vips::VImage& image, bool png) {
    void* buffer = nullptr;
    std::size_t length = 0;
    if (png) {
        image.write_to_buffer(".png", &buffer, &length, vips::VImage::option()->set("strip", true));
    } else {
        image.write_to_buffer(".jpg", &buffer, &length,
                              vips::VImage::option()
                                  ->set("Q", jpeg_quality)
                                  ->set("strip", true)
                                  ->set("interlace", true));
    }
    std::string out(static_cast<const char*>(buffer), length);
    g_free(buffer);
    return out;
}

// The WebP copy of a decoded picture, without metadata (transparency kept).
std::string encode_webp(const vips::VImage& image) {
    void* buffer = nullptr;
    std::size_t length = 0;
    image.write_to_buffer(".webp", &buffer, &length,
                          vips::VImage::option()->set("Q", webp_quality)->set("strip", true));
    std::string out(static_cast<const char*>(buffer), length);
    g_free(buffer);
    return out;
}

// Runs each encoding on a core of its own (libjpeg and libwebp each encode on one thread).
std::vector<std::pair<std::string, std::string>> encode_all(
    const std::vector<std::pair<std::string, std::function<std::string()>>>& encodings) {
    std::vector<std::pair<std::string, std::string>> made(encodings.size());
    run_on_cores(
        encodings.size(),
        [&](std::size_t i) {
            made[i] = {encodings[i].first, encodings[i].second()};
        },
        // libvips 8.14 keeps buffers for each thread until the thread says it is done.
        [] { vips_thread_shutdown(); });
    return made;
}

// The files a stored picture implies beside itself that `directory` lacks, made from the decoded
// picture: name and bytes. Its smaller copies (domain::media_variants) and their WebP copies, its
// own WebP copy, its crops. Only what is missing is encoded, so that a picture stored by an
// earlier release gets the copies that came since, and a picture stored again costs no more.
std::vector<std::pair<std::string, std::string>> missing_copies(
    const std::filesystem::path& directory, const vips::VImage& image, const std::string& file_name,
    bool png) {
    std::vector<std::pair<std::string, std::function<std::string()>>> encodings;
    const auto make = [&](const std::string& name, std::function<std::string()> encoded) {
        std::error_code ec;
        if (!std::filesystem::exists(directory / name, ec))
            encodings.emplace_back(name, std::move(encoded));
    };
    for (const auto& variant : domain::media_variants(file_name, image.width())) {
        const vips::VImage smaller =
            image.resize(static_cast<double>(variant.width) / image.width());
        make(variant.file_name, [smaller, png] { return encode(smaller, png); });
        make(domain::webp_name(variant.file_name), [smaller] { return encode_webp(smaller); });
    }
    make(domain::webp_name(file_name), [image] { return encode_webp(image); });
    for (const auto& crop : domain::media_crops(file_name, image.width(), image.height()))
        make(crop.file_name, [image, crop, png] {
            return encode(
                image.thumbnail_image(crop.width, vips::VImage::option()
                                                      ->set("height", crop.height)
                                                      ->set("crop", VIPS_INTERESTING_ATTENTION)),
                png);
        });
    return encode_all(encodings);
}

// How much damage a decoder may report before the picture is refused. libjpeg reports image
// data that ends before the rows its header claims only as a warning ("premature end of data
// segment") and paints the rest grey, so JPEG fails on warnings; libpng reports missing data as
// an error, and its warnings (an odd colour profile, say) are harmless.
VipsFailOn strictness(const std::string& type) {
    return type == "image/jpeg" ? VIPS_FAIL_ON_WARNING : VIPS_FAIL_ON_TRUNCATED;
}

}  // namespace

Result<bool> ImageLibrary::write_atomically(const std::string& file_name, std::string_view bytes,
                                            bool only_if_absent) const {
    // Write beside the target, then rename (or link, which refuses a name already taken), so a
    // reader never sees half a file. Each writer has a file of its own: the same picture may be
    // stored by several at once (editors, nodes on one folder).
    static std::atomic<unsigned long> writes{0};
    const auto target = directory_ / file_name;
    const auto temporary = directory_ / (file_name + "." + std::to_string(::getpid()) + "-" +
                                         std::to_string(writes++) + ".partial");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) return Error::unavailable("The image could not be saved.", temporary.string());
    }
    std::error_code ignored;
    if (only_if_absent) {
        const bool linked = ::link(temporary.c_str(), target.c_str()) == 0;
        if (linked || errno == EEXIST) {
            std::filesystem::remove(temporary, ignored);
            return linked;
        }
        // A folder without hard links (EPERM, ENOTSUP): renamed as any other file.
    }
    std::error_code ec;
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        std::filesystem::remove(temporary, ignored);
        return Error::unavailable("The image could not be saved.", ec.message());
    }
    return true;
}

Result<StoredImage> ImageLibrary::store_bytes(std::string_view bytes) const {
    if (bytes.size() > max_image_bytes) return Error::invalid("The image is too large.", "image");
    const std::string type = sniff_image_type(bytes);
    if (type.empty())
        return Error::invalid("The file is not a JPEG, PNG, WebP or GIF image.", "image");
    StoredImage stored;
    std::string encoded;
    bool existed = false;
    std::vector<std::pair<std::string, std::string>> copies;
    try {
        const vips::VImage header =
            vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                          vips::VImage::option()
                                              ->set("access", VIPS_ACCESS_SEQUENTIAL)
                                              ->set("fail_on", strictness(type)));
        if (static_cast<long long>(header.width()) * header.height() > max_image_pixels)
            return Error::invalid("The image has too many pixels.", "image");
        // libvips fills what a damaged file lacks with grey and carries on: decode every pixel
        // once, failing on the first one missing, before anything is kept.
        (void)header.avg();
        VipsBlob* blob = vips_blob_new(nullptr, bytes.data(), bytes.size());
        vips::VImage image =
            vips::VImage::thumbnail_buffer(blob, max_stored_dimension,
                                           vips::VImage::option()
                                               ->set("height", max_stored_dimension)
                                               ->set("size", VIPS_SIZE_DOWN)
                                               ->set("fail_on", VIPS_FAIL_ON_TRUNCATED));
        vips_area_unref(VIPS_AREA(blob));
        const bool png = image.has_alpha();
        if (!png && image.bands() > 3)
            image = image.extract_band(0, vips::VImage::option()->set("n", 3));
        // Decode once into memory: the main file and every variant are encoded from it.
        image = image.copy_memory();
        encoded = encode(image, png);
        stored.mime_type = png ? "image/png" : "image/jpeg";
        stored.width = image.width();
        stored.height = image.height();
        stored.file_name =
            crypto::sha256_hex(encoded).substr(0, 2 * name_hash_bytes) + (png ? ".png" : ".jpg");
        stored.bytes = static_cast<std::int64_t>(encoded.size());
        std::error_code ec;
        existed = std::filesystem::exists(directory_ / stored.file_name, ec);
        copies = missing_copies(directory_, image, stored.file_name, png);
        stored.copies = domain::media_copies_all;
    } catch (const vips::VError&) {
        return Error::invalid("The image is damaged or incomplete: it cannot be decoded in full.",
                              "image");
    }

    std::error_code ec;
    std::filesystem::create_directories(directory_, ec);
    // The copies first: once the main file exists, every file it implies exists too.
    for (const auto& [name, data] : copies)
        if (auto written = write_atomically(name, data); !written) return written.error();
    if (existed) return stored;
    auto written = write_atomically(stored.file_name, encoded, true);
    if (!written) return written.error();
    stored.created = *written;
    return stored;
}

Status ImageLibrary::write_copies(const std::string& file_name, int width) const {
    std::vector<std::pair<std::string, std::string>> copies;
    try {
        const auto image =
            vips::VImage::new_from_file((directory_ / file_name).c_str()).copy_memory();
        if (image.width() != width)
            return Error::invalid("The stored picture " + file_name + " is not " +
                                      std::to_string(width) + " pixels wide.",
                                  "image");
        copies = missing_copies(directory_, image, file_name, image.has_alpha());
    } catch (const vips::VError&) {
        return Error::invalid("The stored picture " + file_name + " cannot be decoded.", "image");
    }
    for (const auto& [name, data] : copies)
        if (auto written = write_atomically(name, data); !written) return written.error();
    return success();
}

void ImageLibrary::remove(const StoredImage& image) const {
    std::error_code ec;
    // The main file first, the reverse of store_bytes: what it implies exists while it does.
    std::filesystem::remove(directory_ / image.file_name, ec);
    for (const auto& variant : domain::media_variants(image.file_name, image.width)) {
        std::filesystem::remove(directory_ / variant.file_name, ec);
        std::filesystem::remove(directory_ / domain::webp_name(variant.file_name), ec);
    }
    std::filesystem::remove(directory_ / domain::webp_name(image.file_name), ec);
    for (const auto& crop : domain::media_crops(image.file_name, image.width, image.height))
        std::filesystem::remove(directory_ / crop.file_name, ec);
}

}  // namespace dateline::media
