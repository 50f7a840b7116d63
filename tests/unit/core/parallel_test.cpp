#include "core/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace dateline {

TEST(RunOnCores, CallsEachIndexOnceAndReturnsWhenAllHaveReturned) {
    for (const std::size_t count : {0U, 1U, 2U, 3U, 50U}) {
        std::vector<std::atomic<int>> calls(count);
        run_on_cores(count, [&](std::size_t i) {
            std::this_thread::sleep_for(std::chrono::microseconds(100));
            ++calls.at(i);
        });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i], 1) << i << " of " << count;
    }
}

TEST(RunOnCores, RunsOnTheCallersThreadAndAsManyMoreAsThereAreCoresAndCalls) {
    std::mutex mutex;
    std::set<std::thread::id> threads;
    std::atomic<int> ended{0};
    run_on_cores(
        64,
        [&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            const std::lock_guard lock(mutex);
            threads.insert(std::this_thread::get_id());
        },
        [&] { ++ended; });
    const auto cores = std::max(1U, std::thread::hardware_concurrency());
    EXPECT_TRUE(threads.contains(std::this_thread::get_id()));
    EXPECT_LE(threads.size(), cores);
    // Every helper says it ends; the caller's thread goes on, so is not told.
    EXPECT_EQ(ended, static_cast<int>(cores) - 1);
}

TEST(RunOnCores, ThrowsTheFirstFailureOnceEveryOtherCallHasRun) {
    std::atomic<int> calls{0};
    EXPECT_THROW(run_on_cores(20,
                              [&](std::size_t i) {
                                  ++calls;
                                  if (i % 7 == 3) throw std::runtime_error("call failed");
                              }),
                 std::runtime_error);
    EXPECT_EQ(calls, 20);
}

}  // namespace dateline
