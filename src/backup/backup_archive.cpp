#include "backup/backup_archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <vector>

#include "core/database_url.hpp"
#include "db/migrator.hpp"
#include "db/sqlite_database.hpp"
#include "storage/network_copier.hpp"

namespace dateline::backup {

namespace fs = std::filesystem;

namespace {

constexpr const char* manifest_entry = "backup.json";
constexpr const char* database_entry = "dateline.db";
// Limits on what an archive may make us write: a manifest is a few hundred bytes, a picture
// file at most a few times the largest upload, the database what the disk holds.
constexpr std::int64_t max_manifest_bytes = 64 * 1024;
constexpr std::int64_t max_file_bytes = 256LL * 1024 * 1024;
constexpr std::size_t max_file_name = 128;
constexpr std::size_t copy_chunk = 64 * 1024;

using ArchiveWriter = std::unique_ptr<archive, decltype(&archive_write_free)>;
using ArchiveReader = std::unique_ptr<archive, decltype(&archive_read_free)>;

Error archive_error(archive* a, const std::string& what) {
    const char* text = archive_error_string(a);
    return Error::unavailable(what, text ? text : "libarchive gave no reason");
}

bool compressed_name(const fs::path& file) {
    const auto name = file.filename().string();
    return name.ends_with(".gz") || name.ends_with(".tgz");
}

// A name as Dateline gives its files (a content hash, a copy's suffix, an extension): nothing
// that could be a path, a hidden file or a file being written.
bool is_file_name(std::string_view name) {
    if (name.empty() || name.size() > max_file_name || name.front() == '.' ||
        name.ends_with(".partial"))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
}

Status add_entry(archive* a, const std::string& name, std::int64_t size,
                 const std::function<Status(archive*)>& write_data) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        &archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0640);
    archive_entry_set_mtime(entry.get(), std::time(nullptr), 0);
    if (archive_write_header(a, entry.get()) != ARCHIVE_OK)
        return archive_error(a, "The backup could not be written.");
    return write_data(a);
}

Status add_bytes(archive* a, const std::string& name, std::string_view bytes) {
    return add_entry(a, name, static_cast<std::int64_t>(bytes.size()), [&](archive* w) -> Status {
        if (archive_write_data(w, bytes.data(), bytes.size()) < 0)
            return archive_error(w, "The backup could not be written.");
        return success();
    });
}

Status add_file(archive* a, const std::string& name, const fs::path& file) {
    const auto unreadable = [&] {
        return Error::unavailable("The file " + file.string() + " cannot be read.",
                                  std::strerror(errno));
    };
    // Opened without following a link and checked on the descriptor: what is archived is the
    // plain file that was listed, whatever replaced its name since.
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return unreadable();
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) return unreadable();
    if (!S_ISREG(info.st_mode))
        return Error::unavailable("The file " + file.string() + " is not a plain file.");
    return add_entry(a, name, static_cast<std::int64_t>(info.st_size), [&](archive* w) -> Status {
        std::vector<char> chunk(copy_chunk);
        auto left = static_cast<std::uintmax_t>(info.st_size);
        while (left > 0) {
            const auto got =
                ::read(fd, chunk.data(),
                       static_cast<std::size_t>(std::min<std::uintmax_t>(left, chunk.size())));
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) return unreadable();
            // A file that shrinks while it is read would leave the entry short.
            if (got == 0)
                return Error::unavailable("The file " + file.string() +
                                          " changed while it was backed up.");
            if (archive_write_data(w, chunk.data(), static_cast<std::size_t>(got)) < 0)
                return archive_error(w, "The backup could not be written.");
            left -= static_cast<std::uintmax_t>(got);
        }
        return success();
    });
}

// The database as one SQLite file at `target`.
Status snapshot_database(db::Database& database, const std::string& database_url,
                         const fs::path& target, const Progress& progress) {
    auto url = parse_database_url(database_url);
    if (!url) return Error::invalid("'" + database_url + "' is not a database URL.");
    if (url->backend == DatabaseUrl::Backend::Sqlite)
        return db::backup_sqlite(url->sqlite_path, target);
    auto copy = db::open_migrated(DatabaseUrl::sqlite(target.string()).text, 1);
    if (!copy) return copy.error();
    auto copied = storage::copy_network(
        database, **copy, [&](const std::string& table, std::int64_t done, std::int64_t total) {
            if (progress) progress(table, done, total);
        });
    if (!copied) return copied.error();
    return success();
}

}  // namespace

Result<Manifest> write_backup(db::Database& database, const std::string& database_url,
                              const std::vector<FileFolder>& folders, const fs::path& file,
                              const Progress& progress) {
    Manifest manifest;
    manifest.format = current_format;
    {
        auto lease = database.acquire();
        manifest.backend = std::string(lease->backend());
        auto version = db::schema_version(*lease);
        if (!version) return version.error();
        manifest.schema_version = *version;
    }
    manifest.created_at = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();

    // Beside the backup, so that the rename at the end stays on one filesystem.
    const fs::path partial = file.string() + ".partial";
    const fs::path snapshot = file.string() + ".partial-db";
    std::error_code ec;
    fs::remove(partial, ec);
    fs::remove(snapshot, ec);
    const auto clean_up = [&] {
        fs::remove(partial, ec);
        fs::remove(snapshot, ec);
    };
    if (auto snapped = snapshot_database(database, database_url, snapshot, progress); !snapped) {
        clean_up();
        return snapped.error();
    }
    // The files listed after the database was copied: every one it names is on disk already.
    std::vector<std::pair<std::string, fs::path>> files;  // name in the archive, file
    for (const auto& folder : folders) {
        std::vector<std::string> names;
        // Plain files only, never what a link points at (a link to /etc/shadow in media/ would
        // otherwise be archived, and served once restored); a folder that cannot be read fails
        // the backup rather than leaving its files out.
        if (fs::exists(folder.path, ec)) {
            fs::directory_iterator listing(folder.path, ec);
            for (; !ec && listing != fs::directory_iterator(); listing.increment(ec)) {
                const std::string name = listing->path().filename().string();
                if (fs::is_regular_file(listing->symlink_status()) && is_file_name(name))
                    names.push_back(name);
            }
            if (ec) {
                clean_up();
                return Error::unavailable("The folder " + folder.path.string() + " cannot be read.",
                                          ec.message());
            }
        }
        std::sort(names.begin(), names.end());
        for (const auto& name : names)
            files.emplace_back(folder.name + "/" + name, folder.path / name);
    }
    manifest.files = static_cast<std::int64_t>(files.size());

    ArchiveWriter writer(archive_write_new(), &archive_write_free);
    archive* a = writer.get();
    archive_write_set_format_pax_restricted(a);
    if (compressed_name(file)) archive_write_add_filter_gzip(a);
    if (archive_write_open_filename(a, partial.c_str()) != ARCHIVE_OK) {
        clean_up();
        return archive_error(a, "The backup file " + partial.string() + " cannot be created.");
    }
    const boost::json::value about = {{"format", manifest.format},
                                      {"schema_version", manifest.schema_version},
                                      {"backend", manifest.backend},
                                      {"created_at", manifest.created_at},
                                      {"files", manifest.files}};
    Status written = add_bytes(a, manifest_entry, boost::json::serialize(about) + "\n");
    if (written) written = add_file(a, database_entry, snapshot);
    for (std::size_t i = 0; written && i < files.size(); ++i) {
        written = add_file(a, files[i].first, files[i].second);
        if (progress) progress("files", static_cast<std::int64_t>(i + 1), manifest.files);
    }
    if (written && archive_write_close(a) != ARCHIVE_OK)
        written = archive_error(a, "The backup could not be finished.");
    if (!written) {
        clean_up();
        return written.error();
    }
    writer.reset();
    // On disk before it takes the backup's name.
    if (const int fd = ::open(partial.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    fs::rename(partial, file, ec);
    std::error_code ignored;
    fs::remove(snapshot, ignored);
    if (ec) {
        clean_up();
        return Error::unavailable("The backup could not be named " + file.string() + ".",
                                  ec.message());
    }
    return manifest;
}

namespace {

Result<Manifest> parse_manifest(std::string_view text) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(text, ec);
    const auto* o = ec ? nullptr : value.if_object();
    const auto integer = [&](const char* key) -> std::optional<std::int64_t> {
        const auto* v = o ? o->if_contains(key) : nullptr;
        return v && v->is_int64() ? std::optional(v->as_int64()) : std::nullopt;
    };
    const auto* backend = o ? o->if_contains("backend") : nullptr;
    const auto format = integer("format");
    const auto schema = integer("schema_version");
    if (!o || !format || !schema || !backend || !backend->is_string())
        return Error::invalid("The backup's backup.json is not a Dateline backup's manifest.");
    if (*format != current_format)
        return Error::invalid("The backup is of format " + std::to_string(*format) +
                              ", which this program does not read (it reads " +
                              std::to_string(current_format) + ").");
    Manifest m;
    m.format = static_cast<int>(*format);
    m.schema_version = static_cast<int>(*schema);
    m.backend = std::string(backend->as_string());
    m.created_at = integer("created_at").value_or(0);
    m.files = integer("files").value_or(0);
    return m;
}

Status extract_to(archive* a, const fs::path& target, std::int64_t size) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) return Error::unavailable("The file " + target.string() + " cannot be created.");
    std::vector<char> chunk(copy_chunk);
    std::int64_t total = 0;
    for (;;) {
        const auto n = archive_read_data(a, chunk.data(), chunk.size());
        if (n < 0) return archive_error(a, "The backup is damaged.");
        if (n == 0) break;
        total += n;
        if (total > size)
            return Error::invalid("The backup is damaged: an entry is longer than it says.");
        out.write(chunk.data(), n);
    }
    out.flush();
    if (!out) return Error::unavailable("The file " + target.string() + " could not be written.");
    if (total != size)
        return Error::invalid("The backup is damaged: an entry is shorter than it says.");
    return success();
}

Result<Unpacked> unpack_into(const fs::path& file, const fs::path& staging,
                             const std::vector<std::string>& folder_names) {
    ArchiveReader reader(archive_read_new(), &archive_read_free);
    archive* a = reader.get();
    archive_read_support_format_tar(a);
    archive_read_support_filter_gzip(a);
    if (archive_read_open_filename(a, file.c_str(), copy_chunk) != ARCHIVE_OK)
        return archive_error(a, "The backup " + file.string() + " cannot be read.");
    Unpacked out;
    out.database = staging / database_entry;
    std::error_code ec;
    for (const auto& name : folder_names) {
        out.folders.push_back({name, staging / "files" / name});
        fs::create_directories(out.folders.back().path, ec);
        if (ec)
            return Error::unavailable("The folder " + out.folders.back().path.string() +
                                      " cannot be created.");
    }
    bool has_manifest = false;
    bool has_database = false;
    std::int64_t files = 0;
    archive_entry* entry = nullptr;
    for (int rc; (rc = archive_read_next_header(a, &entry)) != ARCHIVE_EOF;) {
        if (rc != ARCHIVE_OK) return archive_error(a, "The backup is damaged.");
        const char* raw = archive_entry_pathname(entry);
        const std::string name = raw ? raw : "";
        const std::int64_t size = archive_entry_size(entry);
        if (archive_entry_filetype(entry) != AE_IFREG || size < 0 ||
            !archive_entry_size_is_set(entry))
            return Error::invalid("The backup holds '" + name + "', which is not a plain file.");
        if (!has_manifest) {
            if (name != manifest_entry || size > max_manifest_bytes)
                return Error::invalid(
                    "The file is not a Dateline backup: it does not begin with backup.json.");
            std::string text(static_cast<std::size_t>(size), '\0');
            if (archive_read_data(a, text.data(), text.size()) !=
                static_cast<la_ssize_t>(text.size()))
                return archive_error(a, "The backup is damaged.");
            auto manifest = parse_manifest(text);
            if (!manifest) return manifest.error();
            out.manifest = std::move(*manifest);
            has_manifest = true;
            continue;
        }
        if (name == database_entry && !has_database) {
            if (auto s = extract_to(a, out.database, size); !s) return s.error();
            has_database = true;
            continue;
        }
        // "<folder>/<file>", the folder one of those asked for, the file a name of ours.
        const auto slash = name.rfind('/');
        const auto folder =
            std::find_if(out.folders.begin(), out.folders.end(), [&](const auto& f) {
                return slash != std::string::npos && name.compare(0, slash, f.name) == 0 &&
                       f.name.size() == slash;
            });
        const std::string leaf = slash == std::string::npos ? "" : name.substr(slash + 1);
        if (folder == out.folders.end() || !is_file_name(leaf) || size > max_file_bytes ||
            fs::exists(folder->path / leaf, ec))
            return Error::invalid("The backup holds '" + name + "', which a backup does not.");
        if (auto s = extract_to(a, folder->path / leaf, size); !s) return s.error();
        ++files;
    }
    if (!has_manifest) return Error::invalid("The file is not a Dateline backup: it is empty.");
    if (!has_database) return Error::invalid("The backup holds no database.");
    if (files != out.manifest.files)
        return Error::invalid("The backup is incomplete: it holds " + std::to_string(files) +
                              " files of the " + std::to_string(out.manifest.files) +
                              " its manifest lists.");
    return out;
}

}  // namespace

Result<Unpacked> unpack_backup(const fs::path& file, const fs::path& staging,
                               const std::vector<std::string>& folder_names) {
    std::error_code ec;
    if (fs::exists(staging, ec))
        return Error::conflict("The folder " + staging.string() + " exists already.");
    auto unpacked = unpack_into(file, staging, folder_names);
    if (!unpacked) fs::remove_all(staging, ec);
    return unpacked;
}

}  // namespace dateline::backup
