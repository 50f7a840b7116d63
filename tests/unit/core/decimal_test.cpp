#include "core/decimal.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(Decimal, ReadsOnlyDigitsThatFitInSixtyFourBits) {
    EXPECT_EQ(parse_decimal("0"), 0);
    EXPECT_EQ(parse_decimal("42"), 42);
    EXPECT_EQ(parse_decimal("007"), 7);
    EXPECT_EQ(parse_decimal("9223372036854775807"), INT64_MAX);
    for (const char* bad : {"", "-1", "+1", " 4", "4 ", "4x", "0x10", "1.5", "9223372036854775808"})
        EXPECT_EQ(parse_decimal(bad), std::nullopt) << '"' << bad << '"';
}

}  // namespace dateline
