#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

/// Seconds since the Unix epoch, UTC. The one time type stored and passed around; conversion to a
/// site's zone and language happens only when rendering.
using UnixTime = std::int64_t;

/// A source of the current time, injectable so tests and the demo can fix "now".
class Clock {
  public:
    virtual ~Clock() = default;
    virtual UnixTime now() const = 0;
};

/// The system's wall clock.
class SystemClock final : public Clock {
  public:
    UnixTime now() const override;
};

/// ISO 8601 UTC text ("2026-11-29T08:15:00Z") of a time; for logs, feeds and tests.
std::string format_utc_iso8601(UnixTime t);

/// Parses an RFC 3339 / ISO 8601 date-time with a zone ("Z" or "+04:00"); a missing zone is read
/// as UTC, a missing time as midnight. Returns false when the text is not such a date-time.
bool parse_iso8601(std::string_view text, UnixTime& out);

}  // namespace dateline
