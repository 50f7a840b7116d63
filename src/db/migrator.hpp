#pragma once

#include <span>
#include <string_view>

#include "db/database.hpp"

namespace dateline::db {

/// One versioned schema change, from migrations/<backend>/NNNN_verb_noun.sql.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// The migrations compiled into the binary for a backend ("sqlite"), in version order.
std::span<const Migration> bundled_migrations(std::string_view backend);

/// Applies, in one transaction under the database's write lock, every migration newer than the
/// database's version; safe when several processes start at once.
/// Refuses a database whose version is newer than any migration known to this binary.
/// Returns the number applied.
Result<int> migrate(Connection& connection, std::span<const Migration> migrations);

/// The newest migration the database has had (0 for none).
Result<int> schema_version(Connection& connection);

/// Whether the database answers and its schema is the one the bundled migrations of its backend
/// make: Unavailable, saying which versions, when it is behind or ahead of this binary (a node
/// of another release), or when it cannot be read. For readiness checks (/readyz).
Status check_schema(Connection& connection);

}  // namespace dateline::db
