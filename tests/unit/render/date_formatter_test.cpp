#include "render/date_formatter.hpp"
#include "render/number_words.hpp"

#include <gtest/gtest.h>

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

TEST(DateFormatter, ArabicWithArabicIndicDigits) {
    const auto f = DateFormatter::create("ar", "Asia/Dubai", true);
    ASSERT_TRUE(f.ok());
    const auto out = f->format(at("2026-11-28T22:30:00Z"));
    EXPECT_EQ(out.iso, "2026-11-29T02:30:00+04:00");  // machine-readable stays Western
    EXPECT_NE(out.date.find("الأحد"), std::string::npos) << out.date;
    EXPECT_NE(out.date.find("٢٩"), std::string::npos) << out.date;
    EXPECT_NE(out.date.find("٢٠٢٦"), std::string::npos) << out.date;
    EXPECT_EQ(out.date.find("29"), std::string::npos) << out.date;
    EXPECT_NE(out.time.find("٢:٣٠"), std::string::npos) << out.time;
    EXPECT_NE(out.time.find("٤"), std::string::npos) << out.time;  // the zone's offset
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

TEST(Numbers, SpelledOutInTheSiteLanguage) {
    EXPECT_EQ(spell_out(7, "en"), "seven");
    EXPECT_EQ(spell_out(4, "ar"), "أربعة");
}

}  // namespace dateline::render
