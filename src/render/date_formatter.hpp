#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace dateline::render {

/// A moment as a page shows it.
struct FormattedTime {
    std::string iso;         ///< for `<time datetime>`: "2026-11-28T14:05:00+04:00"
    std::string date;        ///< long date with weekday: "Saturday 28 November 2026"
    std::string short_date;  ///< "28 Nov 2026"
    std::string time;        ///< time of day with zone: "14:05 GMT+4"
};

/// Formats times in one site's zone and language with ICU (CLDR patterns), with Arabic-Indic or
/// Western digits as the site chooses. Safe to share between threads: ICU formatters are not, so
/// each thread keeps its own.
class DateFormatter {
  public:
    /// Fails on an unknown IANA time zone.
    static Result<DateFormatter> create(const std::string& language, const std::string& time_zone,
                                        bool arabic_indic_digits);

    FormattedTime format(UnixTime t) const;

  private:
    DateFormatter(std::string locale, std::string time_zone)
        : locale_(std::move(locale)),
          time_zone_(std::move(time_zone)),
          key_(locale_ + "|" + time_zone_) {}
    std::string locale_;
    std::string time_zone_;
    std::string key_;  // names this locale and zone's formatters in each thread's cache
};

}  // namespace dateline::render

namespace dateline::render {

/// A whole number written with Western or Arabic-Indic digits (U+0660..U+0669, ICU's "arab"
/// numbering system), without grouping separators or bidi marks: "2026", "٢٠٢٦", "-15".
std::string format_integer(long long n, bool arabic_indic_digits);

}  // namespace dateline::render
