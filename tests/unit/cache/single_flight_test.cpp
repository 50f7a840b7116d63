#include "cache/single_flight.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace dateline::cache {

using namespace std::chrono_literals;

TEST(SingleFlight, OneCallerRendersTheOthersWaitForIt) {
    SingleFlight flights;
    std::promise<void> rendered;
    std::atomic<int> waited{0};
    std::thread leader([&] {
        const auto turn = flights.enter("1 /en/breaking", 5s);
        EXPECT_TRUE(turn.leader());
        rendered.get_future().wait();  // the render takes as long as the test says
    });
    while (!flights.busy("1 /en/breaking")) std::this_thread::yield();
    std::vector<std::thread> readers;
    for (int i = 0; i < 8; ++i)
        readers.emplace_back([&] {
            const auto turn = flights.enter("1 /en/breaking", 5s);
            EXPECT_FALSE(turn.leader());
            ++waited;
        });
    // Another page is not held up by this one.
    EXPECT_TRUE(flights.enter("1 /en/other", 5s).leader());
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(waited, 0) << "the readers wait while the render runs";
    rendered.set_value();
    leader.join();
    for (auto& r : readers) r.join();
    EXPECT_EQ(waited, 8);
    EXPECT_FALSE(flights.busy("1 /en/breaking"));
    EXPECT_TRUE(flights.enter("1 /en/breaking", 5s).leader()) << "the next render leads again";
}

TEST(SingleFlight, AWaitingCallerGivesUpAfterItsPatience) {
    SingleFlight flights;
    const auto held = flights.enter("k", 5s);
    ASSERT_TRUE(held.leader());
    const auto started = std::chrono::steady_clock::now();
    const auto turn = flights.enter("k", 50ms);
    EXPECT_FALSE(turn.leader());
    EXPECT_GE(std::chrono::steady_clock::now() - started, 50ms);
    EXPECT_TRUE(flights.busy("k")) << "the leader still works";
}

}  // namespace dateline::cache
