#include "render/date_formatter.hpp"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <array>
#include <charconv>
#include <iterator>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace dateline::render {

namespace {

enum Pattern { Iso, LongDate, ShortDate, TimeOfDay, ZoneName, Clock, Zone, Hijri, PatternCount };

// Moments this thread formatted lately: the same stories' times come back on every listing
// they appear in, and formatting one costs five ICU calls.
constexpr std::size_t remembered_moments = 2048;

struct Formatters {
    std::array<std::unique_ptr<icu::SimpleDateFormat>, PatternCount> formats;
    std::unordered_map<UnixTime, std::shared_ptr<const FormattedTime>> recent;
    bool arabic = false;
};

// Arabic names a zone "توقيت ..." after its place; the few without one (UTC: "غرينتش") get the
// word too, so that a line can say "بتوقيت ...".
constexpr std::string_view arabic_time_word = "توقيت";

std::unique_ptr<icu::SimpleDateFormat> make(const icu::Locale& locale, const icu::TimeZone& zone,
                                            const icu::UnicodeString& pattern) {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    if (U_FAILURE(status)) return nullptr;
    f->setTimeZone(zone);
    return f;
}

std::unique_ptr<icu::SimpleDateFormat> from_skeleton(const icu::Locale& locale,
                                                     const icu::TimeZone& zone,
                                                     const char* skeleton) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(locale, status));
    if (U_FAILURE(status)) return nullptr;
    const icu::UnicodeString pattern = generator->getBestPattern(skeleton, status);
    if (U_FAILURE(status)) return nullptr;
    return make(locale, zone, pattern);
}

bool is_arabic(const icu::Locale& locale) {
    return std::string_view(locale.getLanguage()) == "ar";
}

Formatters& formatters_for(const std::string& key, const std::string& locale_id,
                           const std::string& zone_id, bool hijri) {
    thread_local std::map<std::string, Formatters, std::less<>> cache;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    const icu::Locale locale(locale_id.c_str());
    std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone_id)));
    Formatters f;
    f.formats[Iso] = make(icu::Locale("en_US_POSIX"), *zone, "yyyy-MM-dd'T'HH:mm:ssxxx");
    f.formats[LongDate] = from_skeleton(locale, *zone, "EEEEdMMMMy");
    f.formats[ShortDate] = from_skeleton(locale, *zone, "dMMMy");
    f.formats[TimeOfDay] = from_skeleton(locale, *zone, "jmm");
    // The localized GMT offset ("GMT+4", "غرينتش+٤") reads the same in every language, where
    // short zone names exist only in some ("GST" in Arabic, none in English).
    f.formats[ZoneName] = make(locale, *zone, "O");
    const bool arabic = is_arabic(locale);
    f.arabic = arabic;
    f.formats[Clock] = arabic ? make(locale, *zone, "HH:mm") : from_skeleton(locale, *zone, "jmm");
    // CLDR's location format ("توقيت {0}"), with the country where a zone has one of its own.
    f.formats[Zone] = make(locale, *zone, arabic ? "VVVV" : "O");
    if (hijri) {
        icu::Locale islamic(locale);
        UErrorCode status = U_ZERO_ERROR;
        islamic.setKeywordValue("calendar", "islamic-umalqura", status);
        if (U_SUCCESS(status)) f.formats[Hijri] = from_skeleton(islamic, *zone, "dMMMMy");
    }
    return cache.emplace(key, std::move(f)).first->second;
}

std::string run(const std::unique_ptr<icu::SimpleDateFormat>& f, UnixTime t) {
    if (!f) return {};
    icu::UnicodeString out;
    f->format(static_cast<UDate>(t) * 1000.0, out);
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

}  // namespace

Result<DateFormatter> DateFormatter::create(const DateStyle& style) {
    std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(style.time_zone)));
    if (*zone == icu::TimeZone::getUnknown())
        return Error::invalid("Unknown time zone '" + style.time_zone + "'.", "time_zone");
    // BCP 47 numbering-system extension: "arab" is Arabic-Indic, "latn" Western digits.
    const std::string locale =
        style.language + (style.arabic_indic_digits ? "-u-nu-arab" : "-u-nu-latn");
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale parsed = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status))
        return Error::invalid("Unknown language '" + style.language + "'.", "language");
    return DateFormatter(parsed.getName(), style.time_zone, style.hijri);
}

std::shared_ptr<const FormattedTime> DateFormatter::moment(UnixTime t) const {
    Formatters& f = formatters_for(key_, locale_, time_zone_, hijri_);
    if (const auto known = f.recent.find(t); known != f.recent.end()) return known->second;
    if (f.recent.size() >= remembered_moments) f.recent.clear();
    FormattedTime out{
        run(f.formats[Iso], t), run(f.formats[LongDate], t), run(f.formats[ShortDate], t),
        // Arabic's is made from the clock and the zone, below.
        f.arabic ? std::string() : run(f.formats[TimeOfDay], t) + " " + run(f.formats[ZoneName], t),
        run(f.formats[Clock], t), run(f.formats[Zone], t), run(f.formats[Hijri], t)};
    if (f.arabic && !out.zone.starts_with(arabic_time_word))
        out.zone = std::string(arabic_time_word) + " " + out.zone;
    // A time with its zone as Arabic papers write it, "14:05 بتوقيت ...", rather than CLDR's
    // "2:05 م غرينتش+4".
    if (f.arabic) out.time = out.clock + " ب" + out.zone;
    return f.recent.emplace(t, std::make_shared<const FormattedTime>(std::move(out))).first->second;
}

}  // namespace dateline::render

namespace dateline::render {

std::string format_integer(long long n, bool arabic_indic_digits) {
    // The digits of CLDR's "arab" numbering system are U+0660..U+0669, D9 A0..D9 A9 in UTF-8:
    // written here, since ICU's number formatter took 2 µs a call (2% of an uncached story
    // page's server CPU) to give the same bytes. No grouping separator ("2026", not "2,026"),
    // and an ASCII hyphen for the sign, where the "arab" system's own minus sign carries an
    // Arabic letter mark (U+061C).
    char ascii[24];
    const char* const end = std::to_chars(std::begin(ascii), std::end(ascii), n).ptr;
    if (!arabic_indic_digits) return std::string(std::cbegin(ascii), end);
    std::string out;
    out.reserve(2 * static_cast<std::size_t>(end - std::cbegin(ascii)));
    for (const char* c = std::cbegin(ascii); c != end; ++c) {
        if (*c == '-') {
            out += '-';
        } else {
            out += '\xD9';
            out += static_cast<char>(0xA0 + (*c - '0'));
        }
    }
    return out;
}

}  // namespace dateline::render
