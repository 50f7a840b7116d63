#include "render/local_time.hpp"

#include <gtest/gtest.h>

namespace dateline::render {

constexpr UnixTime nine_in_dubai = 1'798'779'600;  // 2027-01-01T05:00Z, 09:00 in Dubai (UTC+4)

TEST(LocalTime, ReadsAndWritesTheWallTimeOfTheSitesZone) {
    EXPECT_EQ(from_local_input("2027-01-01T09:00", "Asia/Dubai"), nine_in_dubai);
    EXPECT_EQ(from_local_input("2027-01-01T09:00:30", "Asia/Dubai"), nine_in_dubai + 30);
    EXPECT_EQ(to_local_input(nine_in_dubai, "Asia/Dubai"), "2027-01-01T09:00");
    EXPECT_EQ(from_local_input("2027-01-01T09:00", "UTC"), nine_in_dubai + 4 * 3600);
    // Summer time moves the offset: 09:00 in London is 08:00 UTC in July.
    EXPECT_EQ(from_local_input("2027-07-01T09:00", "Europe/London"), 1'814'432'400 - 3600);
}

TEST(LocalTime, RefusesWhatNamesNoMoment) {
    for (const char* bad :
         {"", "2027-01-01", "2027-01-01 09:00", "2027-1-01T09:00", "2027-02-31T09:00",
          "2027-01-01T25:00", "2027-01-01T09:60", "2027-01-01T09:00Z", "abcd-ef-ghTij:kl"})
        EXPECT_EQ(from_local_input(bad, "Asia/Dubai"), std::nullopt) << bad;
    EXPECT_EQ(from_local_input("2027-01-01T09:00", "Mars/Olympus"), std::nullopt);
    EXPECT_EQ(to_local_input(nine_in_dubai, "Mars/Olympus"), std::nullopt);
    // 01:30 on the morning London's clocks go forward does not exist there.
    EXPECT_EQ(from_local_input("2027-03-28T01:30", "Europe/London"), std::nullopt);
}

}  // namespace dateline::render
