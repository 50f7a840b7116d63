#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace dateline::render {

/// A moment as an HTML `datetime-local` field shows it in an IANA time zone:
/// "2026-11-30T14:05". Nothing for an unknown zone.
std::optional<std::string> to_local_input(UnixTime time, const std::string& time_zone);

/// The moment a `datetime-local` value ("2026-11-30T14:05", seconds optional) names in an IANA
/// time zone. Nothing for a malformed value, an unknown zone or a wall time the zone skips
/// (the hour lost when clocks go forward).
std::optional<UnixTime> from_local_input(std::string_view value, const std::string& time_zone);

}  // namespace dateline::render
