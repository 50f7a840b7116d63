#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::storage {

/// Progress of a copy: which table, how many of its rows are done, out of how many.
using CopyProgress =
    std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

/// Copies a whole network, every row of every table with its id, from one database to another
/// (SQLite to PostgreSQL and back). Both must be at the same schema version; the destination must
/// hold no network. The destination is written in one transaction: it ends up with everything or
/// with nothing. Rows are read in bounded batches. Returns the number of rows copied.
Result<std::int64_t> copy_network(db::Database& from, db::Database& to,
                                  const CopyProgress& progress = {});

}  // namespace dateline::storage
