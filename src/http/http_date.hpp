#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace dateline::http {

/// An HTTP date in its preferred form, IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(UnixTime t);

/// An HTTP date in any of the three forms recipients must accept (RFC 9110, 5.6.7): IMF-fixdate,
/// the obsolete RFC 850 form and asctime's. Nothing for anything else.
std::optional<UnixTime> parse_http_date(std::string_view text);

}  // namespace dateline::http
