#include "http/validators.hpp"

#include "http/field_list.hpp"

#include <cstdio>
#include <ctime>

namespace dateline::http {

namespace {

constexpr const char* day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    const auto opaque = [](std::string_view tag) {
        return tag.starts_with("W/") ? tag.substr(2) : tag;
    };
    const auto wanted = opaque(etag);
    for (const auto tag : list_elements(if_none_match))
        if (tag == "*" || opaque(tag) == wanted) return true;
    return false;
}

std::string format_http_date(UnixTime t) {
    const std::time_t time = t;
    std::tm tm{};
    gmtime_r(&time, &tm);
    // Written by hand: strftime's names follow the process locale, HTTP's are always English.
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", day_names[tm.tm_wday],
                  tm.tm_mday, month_names[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buf;
}

std::optional<UnixTime> parse_http_date(std::string_view text) {
    if (text.size() > 64) return std::nullopt;
    const std::string s(text);
    // strptime reads names in the C locale unless the program changed it; Dateline never does.
    for (const char* format :
         {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"}) {
        std::tm tm{};
        const char* end = strptime(s.c_str(), format, &tm);
        if (end && *end == '\0') return static_cast<UnixTime>(timegm(&tm));
    }
    return std::nullopt;
}

}  // namespace dateline::http
