#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace dateline::db {

/// The networked backend: a pool of libpq connections to one PostgreSQL database. Statements are
/// prepared once per connection; every statement runs under a statement timeout; a connection
/// found broken is reset before its next use, so the pool heals when the server comes back.
class PostgresDatabase final : public Database {
  public:
    /// `url` is a libpq connection URI ("postgresql://user@host:port/db?...").
    static Result<std::unique_ptr<PostgresDatabase>> open(const std::string& url, int pool_size);
    ~PostgresDatabase() override;
    Lease acquire() override;

  private:
    PostgresDatabase() = default;
    void release(std::unique_ptr<Connection> connection) override;

    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace dateline::db
