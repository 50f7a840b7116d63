#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace dateline::http {

/// True when an If-None-Match field value names `etag` (or is "*"): the weak comparison RFC 9110
/// (13.1.2) asks of If-None-Match, so W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

/// An HTTP date in its preferred form, IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(UnixTime t);

/// An HTTP date in any of the three forms recipients must accept (RFC 9110, 5.6.7): IMF-fixdate,
/// the obsolete RFC 850 form and asctime's. Nothing for anything else.
std::optional<UnixTime> parse_http_date(std::string_view text);

}  // namespace dateline::http
