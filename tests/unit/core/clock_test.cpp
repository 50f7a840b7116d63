#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(Iso8601, ParsesZonesAndFractions) {
    UnixTime t = 0;
    ASSERT_TRUE(parse_iso8601("2026-11-29T08:15:00Z", t));
    EXPECT_EQ(format_utc_iso8601(t), "2026-11-29T08:15:00Z");
    ASSERT_TRUE(parse_iso8601("2026-11-29T12:15:00+04:00", t));
    EXPECT_EQ(format_utc_iso8601(t), "2026-11-29T08:15:00Z");
    ASSERT_TRUE(parse_iso8601("2026-11-29T03:15:00.250-0500", t));
    EXPECT_EQ(format_utc_iso8601(t), "2026-11-29T08:15:00Z");
    ASSERT_TRUE(parse_iso8601("2026-11-29", t));
    EXPECT_EQ(format_utc_iso8601(t), "2026-11-29T00:00:00Z");
}

TEST(Iso8601, RejectsWhatIsNotADateTime) {
    UnixTime t = 0;
    for (const char* bad :
         {"", "yesterday", "2026-13-01", "2026-02-30T00:00:00Z", "2026-11-29T25:00:00Z",
          "2026-11-29T08:15:00+4", "2026-11-29T08:15:00Zjunk"})
        EXPECT_FALSE(parse_iso8601(bad, t)) << bad;
}

}  // namespace dateline
