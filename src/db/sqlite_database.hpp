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

}  // namespace dateline::db
