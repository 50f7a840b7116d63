#pragma once

#include <string>
#include <string_view>

namespace dateline::storage {

/// A LIKE pattern matching `text` as a literal substring of a lower-cased column, on both
/// backends: LIKE's wildcards in it are escaped with '\' (the query adds `ESCAPE '\'`) and its
/// ASCII letters lower-cased.
std::string contains_pattern(std::string_view text);

}  // namespace dateline::storage
