#include "app/local_limits.hpp"

#include <gtest/gtest.h>

#include "../support_fixed_clock.hpp"

namespace dateline::app {

using testing_support::FixedClock;

constexpr UnixTime now = 1'794'999'600;  // a multiple of 600: a window starts here

TEST(LocalLimits, CountsEachKeyInItsWindow) {
    FixedClock clock(now);
    LocalLimits limits({"comment-check", 2, std::chrono::seconds(600)}, clock);
    EXPECT_TRUE(limits.hit("203.0.113.9").allowed);
    EXPECT_TRUE(limits.hit("203.0.113.9").allowed);
    clock.set(now + 100);
    const auto refused = limits.hit("203.0.113.9");
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retry_after_seconds, 500);
    EXPECT_TRUE(limits.hit("198.51.100.7").allowed);  // another reader
    clock.set(now + 600);                             // the next window
    EXPECT_TRUE(limits.hit("203.0.113.9").allowed);
}

}  // namespace dateline::app

namespace dateline::app {

TEST(LocalLimits, FloodingTheLimiterWithNewKeysDoesNotWipeABusyCount) {
    FixedClock clock(now);
    LocalLimits limits({"comment-check", 3, std::chrono::seconds(600)}, clock);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(limits.hit("2001:db8:1:2::/64").allowed);
    EXPECT_FALSE(limits.hit("2001:db8:1:2::/64").allowed);
    // Every address of another /64 once: more keys than the limiter keeps.
    for (std::size_t i = 0; i < LocalLimits::max_keys + 10; ++i)
        (void)limits.hit("2001:db8:9:9::" + std::to_string(i));
    EXPECT_FALSE(limits.hit("2001:db8:1:2::/64").allowed) << "the busy network is still counted";
    EXPECT_TRUE(limits.hit("198.51.100.7").allowed) << "a new reader still gets in";
}

}  // namespace dateline::app
