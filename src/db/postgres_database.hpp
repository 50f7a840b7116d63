#pragma once

#include <memory>
#include <string>

#include "db/connection_pool.hpp"

namespace dateline::db {

/// The networked backend: a pool of libpq connections to one PostgreSQL database. Statements are
/// prepared once per connection; every statement runs under a statement timeout; a connection
/// found broken is reset before its next use, so the pool heals when the server comes back.
class PostgresDatabase final : public ConnectionPool {
  public:
    /// `url` is a libpq connection URI ("postgresql://user@host:port/db?...").
    static Result<std::unique_ptr<PostgresDatabase>> open(const std::string& url, int pool_size);
    ~PostgresDatabase() override;

  private:
    PostgresDatabase() = default;
};

}  // namespace dateline::db
