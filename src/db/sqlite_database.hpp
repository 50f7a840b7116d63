#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "db/database.hpp"

namespace dateline::db {

/// The embedded backend: one SQLite file in WAL mode, a small pool of connections (readers run
/// in parallel, one writer at a time), foreign keys on, a busy timeout instead of instant
/// SQLITE_BUSY, and a prepared-statement cache per connection.
class SqliteDatabase final : public Database {
  public:
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& file,
                                                        int pool_size);
    ~SqliteDatabase() override;
    Lease acquire() override;

  private:
    SqliteDatabase() = default;
    void release(std::unique_ptr<Connection> connection) override;

    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace dateline::db
