#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace dateline {

/// A whole number from 0 written in decimal digits alone, as addresses and forms carry ids,
/// counts and positions ("42"; not "", "-1", "+1", " 4", "4x", or one beyond int64): nothing for
/// anything else.
std::optional<std::int64_t> parse_decimal(std::string_view text);

}  // namespace dateline
