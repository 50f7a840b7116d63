#pragma once

// Internal to storage: lists of ids, matched by bound parameters and read from a query's first
// column.

#include <string>
#include <vector>

#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// " = $n" for one id, else " IN ($a,$b,...)": what follows a column to match it against the
/// ids, which are appended to `params` as bound values. `ids` must not be empty.
///
/// One id (a story's page) is a plain key lookup: with a list, SQLite builds a temporary index
/// of its values, a page cache and all, for each execution. A list is padded (with its first id
/// again) to a power of two, so that a statement's text takes one of a few forms and stays
/// prepared: with the ids written into the text, every story's related news was a statement of
/// its own, compiled on each visit, and the connection's statement cache was flushed every 512
/// of them.
std::string id_match(const std::vector<domain::Id>& ids, db::Params& params);

/// The first column of each row, as ids, in the query's order.
std::vector<domain::Id> ids_of(const db::Rows& rows);

}  // namespace dateline::storage
