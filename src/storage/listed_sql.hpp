#pragma once

// Internal to storage: the one spelling of "a listed story" in SQL.

#include <string>
#include <string_view>

namespace dateline::storage {

/// SQL that is true when the status in `column` is a listed one (domain::is_listed: published or
/// scheduled), written "column IN ('published', 'scheduled')": every statement that asks whether
/// a story is listed is built with it, so none can disagree with the domain. (The migrations'
/// triggers spell it out: a released migration never changes.)
std::string listed_sql(std::string_view column);

}  // namespace dateline::storage
