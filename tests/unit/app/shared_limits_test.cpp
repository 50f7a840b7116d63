#include "app/shared_limits.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "../support_database.hpp"

namespace dateline::app {

using testing_support::FixedClock;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'794'999'980;  // 20 s into a minute

// Two pools on one database stand for two nodes of a network.
class SharedLimitsTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (node_a.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(node_a.get());
        auto second = db::open_database(node_a.url(), 2);
        ASSERT_TRUE(second.ok()) << second.error().message;
        node_b = std::move(*second);
    }

    TestDatabase node_a{GetParam()};
    std::unique_ptr<db::Database> node_b;
    FixedClock clock{now};
    const RateLimit limit{"comment", 3, std::chrono::seconds(60)};
};

TEST_P(SharedLimitsTest, NodesCountTogether) {
    SharedLimits a(*node_a, clock);
    SharedLimits b(*node_b, clock);
    EXPECT_TRUE(a.hit(limit, "203.0.113.9")->allowed);
    EXPECT_TRUE(b.hit(limit, "203.0.113.9")->allowed);
    EXPECT_TRUE(a.hit(limit, "203.0.113.9")->allowed);
    const auto refused = b.hit(limit, "203.0.113.9");
    ASSERT_TRUE(refused.ok());
    EXPECT_FALSE(refused->allowed);
    EXPECT_EQ(refused->retry_after_seconds, 40);         // until the minute ends
    EXPECT_TRUE(a.hit(limit, "198.51.100.7")->allowed);  // another address has its own count
    clock.set(now + 40);                                 // the next window
    EXPECT_TRUE(b.hit(limit, "203.0.113.9")->allowed);
}

TEST_P(SharedLimitsTest, ConcurrentHitsAreNeverLost) {
    constexpr int per_node = 25;
    const RateLimit wide{"burst", 30, std::chrono::seconds(60)};
    std::atomic<int> allowed{0};
    auto run = [&](db::Database& database) {
        SharedLimits limits(database, clock);
        for (int i = 0; i < per_node; ++i) {
            auto d = limits.hit(wide, "key");
            ASSERT_TRUE(d.ok()) << d.error().message << " " << d.error().cause;
            if (d->allowed) ++allowed;
        }
    };
    std::thread first(run, std::ref(*node_a));
    std::thread second(run, std::ref(*node_b));
    first.join();
    second.join();
    EXPECT_EQ(allowed.load(), 30);  // exactly the limit out of 50 hits
}

TEST_P(SharedLimitsTest, ATokenIsUsedOnceOnAnyNode) {
    SharedLimits a(*node_a, clock);
    SharedLimits b(*node_b, clock);
    EXPECT_TRUE(*a.use_once("challenge-solution-1", now + 600));
    EXPECT_FALSE(*b.use_once("challenge-solution-1", now + 600));
    EXPECT_FALSE(*a.use_once("challenge-solution-1", now + 600));
    EXPECT_TRUE(*b.use_once("challenge-solution-2", now + 600));
}

TEST_P(SharedLimitsTest, PurgeForgetsOnlyWhatExpiredAnHourAgo) {
    SharedLimits a(*node_a, clock);
    EXPECT_TRUE(*a.use_once("short", now + 10));
    EXPECT_TRUE(*a.use_once("long", now + 7200));
    clock.set(now + 60);
    ASSERT_TRUE(a.purge().ok());
    // Expired, but a node whose clock runs behind could still take it: remembered for an hour.
    EXPECT_FALSE(*a.use_once("short", now + 600));
    clock.set(now + 3700);
    ASSERT_TRUE(a.purge().ok());
    EXPECT_TRUE(*a.use_once("short", now + 600));   // forgotten at last
    EXPECT_FALSE(*a.use_once("long", now + 7200));  // still remembered
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedLimitsTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
