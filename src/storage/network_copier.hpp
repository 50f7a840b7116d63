#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::storage {

/// Progress of a copy: which table, how many of its rows are done, out of how many.
using CopyProgress =
    std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

/// A table copy_network copies, and its columns ("id, slug, name").
struct CopiedTable {
    std::string_view name;
    std::string_view columns;
};
/// The tables copy_network copies, parents before children. What it leaves out is made again
/// (the search index, the counts triggers keep) or lives for minutes (sessions, rate counters,
/// the change feed).
std::vector<CopiedTable> copied_tables();

/// Copies a whole network, every row of every table with its id, from one database to another
/// (SQLite to PostgreSQL and back). Both must be at the same schema version; the destination must
/// hold no network. The source is read as of one moment (a database in use copies
/// consistently); the destination is written in one transaction: it ends up with everything or
/// with nothing. Rows are read in bounded batches. Returns the number of rows copied.
Result<std::int64_t> copy_network(db::Database& from, db::Database& to,
                                  const CopyProgress& progress = {});

/// Readies a database written in bulk (a copy, its search index made) for its readers. On
/// PostgreSQL, VACUUM (ANALYZE): the planner gets the tables' statistics, and the visibility map
/// lets an index-only walk of a listing skip the stories' rows, which it would read for every
/// entry until autovacuum came by. SQLite: nothing, its plans take no statistics.
Status settle_after_copy(db::Database& to);

}  // namespace dateline::storage
