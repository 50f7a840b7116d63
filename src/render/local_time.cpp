#include "render/local_time.hpp"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

namespace dateline::render {

namespace {

// The zone's calendar, or nothing when ICU does not know the zone.
std::unique_ptr<icu::GregorianCalendar> calendar_in(const std::string& time_zone) {
    std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
    if (!zone || *zone == icu::TimeZone::getUnknown()) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    auto calendar = std::make_unique<icu::GregorianCalendar>(zone.release(), status);
    if (U_FAILURE(status)) return nullptr;
    return calendar;
}

// The number at `text[at, at + digits)`, or nothing.
std::optional<int> number(std::string_view text, std::size_t at, std::size_t digits) {
    if (at + digits > text.size()) return std::nullopt;
    int value = 0;
    const char* begin = text.data() + at;
    const auto [end, ec] = std::from_chars(begin, begin + digits, value);
    if (ec != std::errc() || end != begin + digits) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> to_local_input(UnixTime time, const std::string& time_zone) {
    auto calendar = calendar_in(time_zone);
    if (!calendar) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    calendar->setTime(static_cast<UDate>(time) * 1000.0, status);
    auto field = [&](UCalendarDateFields f) { return calendar->get(f, status); };
    const int year = field(UCAL_YEAR);
    const int month = field(UCAL_MONTH) + 1;
    const int day = field(UCAL_DATE);
    const int hour = field(UCAL_HOUR_OF_DAY);
    const int minute = field(UCAL_MINUTE);
    if (U_FAILURE(status)) return std::nullopt;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
    return std::string(text);
}

std::optional<UnixTime> from_local_input(std::string_view value, const std::string& time_zone) {
    // YYYY-MM-DDTHH:MM, then :SS optionally.
    if ((value.size() != 16 && value.size() != 19) || value[4] != '-' || value[7] != '-' ||
        value[10] != 'T' || value[13] != ':' || (value.size() == 19 && value[16] != ':'))
        return std::nullopt;
    const auto year = number(value, 0, 4), month = number(value, 5, 2), day = number(value, 8, 2),
               hour = number(value, 11, 2), minute = number(value, 14, 2);
    const auto second = value.size() == 19 ? number(value, 17, 2) : std::optional<int>(0);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    auto calendar = calendar_in(time_zone);
    if (!calendar) return std::nullopt;
    calendar->setLenient(false);  // 31 February or 25:00 is refused, not rolled over
    calendar->clear();
    calendar->set(*year, *month - 1, *day, *hour, *minute, *second);
    UErrorCode status = U_ZERO_ERROR;
    const UDate at = calendar->getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    // A wall time the zone skips comes back as another one: refused rather than moved.
    if (calendar->get(UCAL_HOUR_OF_DAY, status) != *hour || U_FAILURE(status)) return std::nullopt;
    return static_cast<UnixTime>(std::floor(at / 1000.0));
}

}  // namespace dateline::render
