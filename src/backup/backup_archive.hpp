#pragma once

// A data directory's network as one file, and back: `dateline backup` and `dateline restore`.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::backup {

/// What a backup says of itself (its first entry, backup.json).
struct Manifest {
    int format = 0;          ///< the layout of the archive: 1
    int schema_version = 0;  ///< the database's schema version when it was backed up
    std::string backend;     ///< the backed-up database's: "sqlite" or "postgres"
    std::int64_t created_at = 0;
    std::int64_t files = 0;  ///< the files of its folders (FileFolder), all together
};

/// A folder of files a backup carries beside the database: its name in the archive ("media",
/// "wire/pictures") and where it is. Only plain files directly in it, with names such as Dateline
/// gives them (letters, digits, '.', '-', '_'), are backed up.
struct FileFolder {
    std::string name;
    std::filesystem::path path;
};

/// The layout written now.
inline constexpr int current_format = 1;

/// Progress of a long step: what, how far, out of how much.
using Progress =
    std::function<void(const std::string& step, std::int64_t done, std::int64_t total)>;

/// Writes a backup of the network in `database` (reached by `database_url`) and of the files in
/// `folders` to `file`: a tar archive (gzip-compressed when the name ends in .gz or .tgz)
/// holding backup.json, the database as one SQLite file, dateline.db (SQLite's online backup
/// API for SQLite; for PostgreSQL, every table storage::copy_network copies, read as of one
/// moment, without the search index), then each folder's files. Safe while the network is
/// served and written to: the database is copied first, and a picture is on disk before any
/// row names it, so every picture the copy names is in the archive. Written beside `file` and
/// renamed into place: a failure leaves no partial backup.
Result<Manifest> write_backup(db::Database& database, const std::string& database_url,
                              const std::vector<FileFolder>& folders,
                              const std::filesystem::path& file, const Progress& progress = {});

/// What unpack_backup made.
struct Unpacked {
    Manifest manifest;
    std::filesystem::path database;  ///< the backup's SQLite file, in the staging folder
    /// Each of the folder names asked for, and where its files are in the staging folder
    /// (made, if empty, when the backup has none of them).
    std::vector<FileFolder> folders;
};

/// Unpacks the backup `file` into `staging` (which must not exist), checking every entry as
/// hostile input: only backup.json first, dateline.db and plain files directly in one of
/// `folder_names` with names such as Dateline gives files; no links, no paths out of the folder,
/// sizes within limits, the manifest of a known format and every file it counts. On failure
/// `staging` is removed.
Result<Unpacked> unpack_backup(const std::filesystem::path& file,
                               const std::filesystem::path& staging,
                               const std::vector<std::string>& folder_names);

}  // namespace dateline::backup
