#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline {

/// A database URL as every part of Dateline reads it: `sqlite:PATH` for an SQLite file, or
/// `postgresql://...` (also `postgres://...`) handed to libpq as it is.
struct DatabaseUrl {
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    std::string text;         ///< the whole URL
    std::string sqlite_path;  ///< Sqlite: the file

    /// The URL of an SQLite file.
    static DatabaseUrl sqlite(const std::string& path);
};

/// Reads a database URL; nothing when it is neither form (or `sqlite:` names no file).
std::optional<DatabaseUrl> parse_database_url(std::string_view text);

}  // namespace dateline
