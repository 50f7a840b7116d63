#pragma once

#include <filesystem>
#include <memory>

#include "db/connection_pool.hpp"

namespace dateline::db {

/// The embedded backend: one SQLite file in WAL mode, a small pool of connections (readers run
/// in parallel, one writer at a time), foreign keys on, a busy timeout instead of instant
/// SQLITE_BUSY, and a prepared-statement cache per connection.
class SqliteDatabase final : public ConnectionPool {
  public:
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& file,
                                                        int pool_size);
    ~SqliteDatabase() override;

  private:
    SqliteDatabase() = default;
};

/// Copies the SQLite database `source` into the new file `target` with SQLite's online backup
/// API (https://sqlite.org/backup.html): the whole database as of one moment, while other
/// connections and processes keep writing to it (in WAL mode no writer waits). The copy is in
/// rollback-journal mode, a single self-contained file. Fails when `target` exists.
Status backup_sqlite(const std::filesystem::path& source, const std::filesystem::path& target);

}  // namespace dateline::db
