#include "render/date_formatter.hpp"
#include "render/number_words.hpp"

#include <gtest/gtest.h>
#include <unicode/numberformatter.h>

#include <limits>

namespace dateline::render {

namespace {
UnixTime at(const char* iso) {
    UnixTime t = 0;
    EXPECT_TRUE(parse_iso8601(iso, t));
    return t;
}
}  // namespace

TEST(DateFormatter, EnglishInTheSiteZone) {
    const auto f = DateFormatter::create("en", "Asia/Dubai", false);
    ASSERT_TRUE(f.ok());
    const auto out = f->format(at("2026-11-28T22:30:00Z"));  // already the 29th in Dubai
    EXPECT_EQ(out.iso, "2026-11-29T02:30:00+04:00");
    EXPECT_NE(out.date.find("Sunday"), std::string::npos) << out.date;
    EXPECT_NE(out.date.find("29"), std::string::npos);
    EXPECT_NE(out.date.find("2026"), std::string::npos);
    EXPECT_NE(out.time.find("2:30"), std::string::npos) << out.time;
    EXPECT_NE(out.time.find("GMT+4"), std::string::npos) << out.time;
}

// A page shares each moment with the thread's memory of recent ones instead of copying it; what
// it holds stays whole when that memory starts over.
TEST(DateFormatter, MomentsAreSharedAndOutliveTheThreadsMemory) {
    const auto f = DateFormatter::create("en", "Asia/Dubai", false);
    ASSERT_TRUE(f.ok());
    const UnixTime t = at("2026-11-28T22:30:00Z");
    const auto held = f->moment(t);
    EXPECT_EQ(f->moment(t), held) << "the same moment, not a copy";
    for (UnixTime other = 1; other <= 5000; ++other) (void)f->moment(other * 60);
    EXPECT_EQ(held->iso, "2026-11-29T02:30:00+04:00");
    EXPECT_EQ(f->format(t).iso, held->iso);
}

TEST(DateFormatter, ArabicWithArabicIndicDigits) {
    const auto f = DateFormatter::create("ar", "Asia/Dubai", true);
    ASSERT_TRUE(f.ok());
    const auto out = f->format(at("2026-11-28T22:30:00Z"));
    EXPECT_EQ(out.iso, "2026-11-29T02:30:00+04:00");  // machine-readable stays Western
    EXPECT_NE(out.date.find("الأحد"), std::string::npos) << out.date;
    EXPECT_NE(out.date.find("٢٩"), std::string::npos) << out.date;
    EXPECT_NE(out.date.find("٢٠٢٦"), std::string::npos) << out.date;
    EXPECT_EQ(out.date.find("29"), std::string::npos) << out.date;
    EXPECT_EQ(out.time, "٠٢:٣٠ بتوقيت الإمارات العربية المتحدة");
}

TEST(DateFormatter, ArabicWithWesternDigits) {
    const auto f = DateFormatter::create("ar", "Asia/Dubai", false);
    ASSERT_TRUE(f.ok());
    const auto out = f->format(at("2026-11-28T22:30:00Z"));
    EXPECT_NE(out.date.find("2026"), std::string::npos) << out.date;
}

TEST(DateFormatter, RejectsUnknownZones) {
    const auto f = DateFormatter::create("en", "Mars/Olympus", false);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().field, "time_zone");
}

TEST(Numbers, ArabicIndicDigits) {
    EXPECT_EQ(format_integer(2026, true), "٢٠٢٦");
    EXPECT_EQ(format_integer(-15, false), "-15");
}

// Every byte of what pages show, pinned: the digits are ICU's numbering systems ("arab",
// "latn"), so a change of ICU or of how the formatter asks for them shows here first.
TEST(DateFormatter, ArabicBytesWithEitherDigits) {
    const UnixTime t = at("2026-11-28T22:30:00Z");
    const auto arab = DateFormatter::create("ar", "Asia/Dubai", true);
    ASSERT_TRUE(arab.ok());
    const auto a = arab->format(t);
    EXPECT_EQ(a.iso, "2026-11-29T02:30:00+04:00");
    EXPECT_EQ(a.date, "الأحد، ٢٩ نوفمبر ٢٠٢٦");
    EXPECT_EQ(a.short_date, "٢٩ نوفمبر ٢٠٢٦");
    EXPECT_EQ(a.time, "٠٢:٣٠ بتوقيت الإمارات العربية المتحدة");
    const auto latn = DateFormatter::create("ar", "Asia/Dubai", false);
    ASSERT_TRUE(latn.ok());
    const auto l = latn->format(t);
    EXPECT_EQ(l.iso, "2026-11-29T02:30:00+04:00");
    EXPECT_EQ(l.date, "الأحد، 29 نوفمبر 2026");
    EXPECT_EQ(l.short_date, "29 نوفمبر 2026");
    EXPECT_EQ(l.time, "02:30 بتوقيت الإمارات العربية المتحدة");
}

// Arabic as Arabic newspapers write a time: the 24-hour clock and the zone by its place; other
// languages keep CLDR's clock and the offset from Greenwich.
TEST(DateFormatter, ClockAndZoneAsEachLanguageWritesThem) {
    const UnixTime t = at("2026-11-29T10:05:00Z");  // 14:05 in Dubai
    const auto ar = DateFormatter::create("ar", "Asia/Dubai", false);
    ASSERT_TRUE(ar.ok());
    EXPECT_EQ(ar->format(t).clock, "14:05");
    EXPECT_EQ(ar->format(t).zone, "توقيت الإمارات العربية المتحدة");
    EXPECT_EQ(ar->format(t).hijri, "") << "only when the site asks for it";
    // The newsroom's time with its zone: the same clock and place, no "ص"/"م" and no offset.
    EXPECT_EQ(ar->format(t).time, "14:05 بتوقيت الإمارات العربية المتحدة");
    const auto arab = DateFormatter::create("ar", "Asia/Dubai", true);
    ASSERT_TRUE(arab.ok());
    EXPECT_EQ(arab->format(t).clock, "١٤:٠٥");
    // A zone with no place of its own still reads "توقيت ..." (so a line can say "بتوقيت").
    const auto utc = DateFormatter::create("ar", "UTC", false);
    ASSERT_TRUE(utc.ok());
    EXPECT_EQ(utc->format(t).zone, "توقيت غرينتش");
    EXPECT_EQ(utc->format(t).clock, "10:05");
    const auto en = DateFormatter::create("en", "Asia/Dubai", false);
    ASSERT_TRUE(en.ok());
    // CLDR 42 puts a narrow no-break space (U+202F) before the day period.
    EXPECT_EQ(en->format(t).clock, "2:05\u202FPM");
    EXPECT_EQ(en->format(t).zone, "GMT+4");
    EXPECT_EQ(en->format(t).time, "2:05\u202FPM GMT+4") << "the newsroom's form is unchanged";
}

// The Umm al-Qura date (ICU's islamic-umalqura calendar) in the site's language and digits.
TEST(DateFormatter, HijriDateWhenTheSiteShowsIt) {
    const UnixTime t = at("2026-12-02T10:05:00Z");
    const auto ar = DateFormatter::create({"ar", "Asia/Dubai", false, true});
    ASSERT_TRUE(ar.ok());
    EXPECT_EQ(ar->format(t).hijri, "22 جمادى الآخرة 1448 هـ");
    EXPECT_EQ(ar->format(t).short_date, "2 ديسمبر 2026") << "the Gregorian date stays";
    const auto arab = DateFormatter::create({"ar", "Asia/Dubai", true, true});
    ASSERT_TRUE(arab.ok());
    EXPECT_EQ(arab->format(t).hijri, "٢٢ جمادى الآخرة ١٤٤٨ هـ");
    const auto en = DateFormatter::create({"en", "Asia/Dubai", false, true});
    ASSERT_TRUE(en.ok());
    EXPECT_EQ(en->format(t).hijri, "Jumada II 22, 1448 AH");
    // After midnight in Dubai the Hijri day turns with the Gregorian one, in the site's zone.
    EXPECT_EQ(ar->format(at("2026-12-02T20:30:00Z")).hijri, "23 جمادى الآخرة 1448 هـ");
}

// No grouping separator and no bidi mark: the sign is a plain ASCII hyphen.
TEST(Numbers, IntegersWithEitherDigitsAndNoGrouping) {
    EXPECT_EQ(format_integer(0, true), "٠");
    EXPECT_EQ(format_integer(7, true), "٧");
    EXPECT_EQ(format_integer(1234, true), "١٢٣٤");
    EXPECT_EQ(format_integer(2026, true), "٢٠٢٦");
    EXPECT_EQ(format_integer(0, false), "0");
    EXPECT_EQ(format_integer(7, false), "7");
    EXPECT_EQ(format_integer(1234, false), "1234");
    EXPECT_EQ(format_integer(2026, false), "2026");
    EXPECT_EQ(format_integer(-15, true), "-١٥");
    EXPECT_EQ(format_integer(1234567890123, true), "١٢٣٤٥٦٧٨٩٠١٢٣");
    EXPECT_EQ(format_integer(std::numeric_limits<long long>::min(), false), "-9223372036854775808");
    EXPECT_EQ(format_integer(std::numeric_limits<long long>::min(), true), "-٩٢٢٣٣٧٢٠٣٦٨٥٤٧٧٥٨٠٨");
}

// format_integer writes the digits itself: they must stay those of ICU's numbering systems,
// which the dates' formats use.
TEST(Numbers, TheDigitsOfICUsNumberingSystems) {
    for (const bool arabic : {false, true}) {
        const auto formatter = icu::number::NumberFormatter::withLocale(
                                   icu::Locale(arabic ? "ar@numbers=arab" : "en@numbers=latn"))
                                   .grouping(UNUM_GROUPING_OFF)
                                   .sign(UNUM_SIGN_NEVER);
        for (const long long n : {0LL, 1LL, 9LL, 10LL, 45LL, 678LL, 2026LL, 31415926535LL, -3LL,
                                  -2026LL, std::numeric_limits<long long>::max()}) {
            UErrorCode status = U_ZERO_ERROR;
            std::string icu_digits;
            formatter.formatInt(n, status).toString(status).toUTF8String(icu_digits);
            ASSERT_TRUE(U_SUCCESS(status));
            EXPECT_EQ(format_integer(n, arabic), (n < 0 ? "-" : "") + icu_digits) << n;
        }
    }
}

TEST(Numbers, SpelledOutInTheSiteLanguage) {
    EXPECT_EQ(spell_out(7, "en"), "seven");
    EXPECT_EQ(spell_out(4, "ar"), "أربعة");
}

}  // namespace dateline::render
