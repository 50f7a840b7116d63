#pragma once

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace dateline::render {

/// A moment as a page shows it.
struct FormattedTime {
    std::string iso;         ///< for `<time datetime>`: "2026-11-28T14:05:00+04:00"
    std::string date;        ///< long date with weekday: "Saturday 28 November 2026"
    std::string short_date;  ///< "28 Nov 2026"
    std::string time;  ///< time of day with zone: "2:05 PM GMT+4", "14:05 بتوقيت الإمارات ..."
    std::string clock;  ///< time of day alone, as the language writes it: "2:05 PM", "14:05"
    std::string zone;  ///< the zone as the language names it: "GMT+4", "توقيت الإمارات..."
    std::string hijri;  ///< the Umm al-Qura date when the site shows it, else empty
};

/// How a site writes its dates.
struct DateStyle {
    std::string language;   ///< BCP 47 tag: "en", "ar"
    std::string time_zone;  ///< IANA zone: "Asia/Dubai"
    bool arabic_indic_digits = false;
    bool hijri = false;  ///< also the Hijri date (ICU's islamic-umalqura calendar)
};

/// Formats times in one site's zone and language with ICU (CLDR patterns), with Arabic-Indic or
/// Western digits as the site chooses. Arabic is written as Arabic newspapers write it: the
/// 24-hour clock ("14:05", where CLDR's 12-hour clock abbreviates the morning to "ص") and the zone
/// by its place ("توقيت الإمارات العربية المتحدة"), not as an offset from Greenwich. Safe to share
/// between threads: ICU formatters are not, so each thread keeps its own.
class DateFormatter {
  public:
    /// Fails on an unknown IANA time zone or language.
    static Result<DateFormatter> create(const DateStyle& style);
    static Result<DateFormatter> create(const std::string& language, const std::string& time_zone,
                                        bool arabic_indic_digits) {
        return create(DateStyle{language, time_zone, arabic_indic_digits, false});
    }

    FormattedTime format(UnixTime t) const { return *moment(t); }
    /// The same, shared with this thread's memory of recent moments rather than copied (seven
    /// strings): for pages that show many times. Valid for as long as the caller holds it.
    std::shared_ptr<const FormattedTime> moment(UnixTime t) const;

  private:
    DateFormatter(std::string locale, std::string time_zone, bool hijri)
        : locale_(std::move(locale)),
          time_zone_(std::move(time_zone)),
          hijri_(hijri),
          key_(locale_ + "|" + time_zone_ + (hijri ? "|hijri" : "")) {}
    std::string locale_;
    std::string time_zone_;
    bool hijri_;
    std::string key_;  // names this locale and zone's formatters in each thread's cache
};

}  // namespace dateline::render

namespace dateline::render {

/// A whole number written with Western or Arabic-Indic digits (U+0660..U+0669, ICU's "arab"
/// numbering system), without grouping separators or bidi marks: "2026", "٢٠٢٦", "-15".
std::string format_integer(long long n, bool arabic_indic_digits);

}  // namespace dateline::render
