#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace dateline {

UnixTime SystemClock::now() const {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string format_utc_iso8601(UnixTime t) {
    using namespace std::chrono;
    const sys_seconds tp{seconds{t}};
    const auto day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{tp - day};
    // Room for every value the types allow: the compiler cannot see that the hours stay below 24.
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                  long(hms.minutes().count()), long(hms.seconds().count()));
    return buf;
}

namespace {

bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

bool parse_iso8601(std::string_view s, UnixTime& out) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!read_digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !read_digits(s, 5, 2, mo) ||
        s[7] != '-' || !read_digits(s, 8, 2, d))
        return false;
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok()) return false;
    std::size_t pos = 10;
    long offset = 0;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return false;
        if (!read_digits(s, pos + 1, 2, h) || s.size() < pos + 6 || s[pos + 3] != ':' ||
            !read_digits(s, pos + 4, 2, mi))
            return false;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!read_digits(s, pos + 1, 2, sec)) return false;
            pos += 3;
        }
        if (pos < s.size() && s[pos] == '.') {  // fractional seconds are dropped
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        }
        if (pos < s.size()) {
            if (s[pos] == 'Z' || s[pos] == 'z') {
                ++pos;
            } else if (s[pos] == '+' || s[pos] == '-') {
                int oh = 0, om = 0;
                const bool colon = pos + 3 < s.size() && s[pos + 3] == ':';
                if (!read_digits(s, pos + 1, 2, oh) ||
                    !read_digits(s, pos + (colon ? 4 : 3), 2, om))
                    return false;
                offset = (s[pos] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
                pos += colon ? 6 : 5;
            } else {
                return false;
            }
        }
        if (pos != s.size() || h > 23 || mi > 59 || sec > 60) return false;
    }
    const auto tp = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec};
    out = tp.time_since_epoch().count() - offset;
    return true;
}

}  // namespace dateline
