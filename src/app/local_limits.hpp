#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/shared_limits.hpp"
#include "core/clock.hpp"

namespace dateline::app {

/// Rate limits kept in this node's memory: for cheap endpoints where a database write per
/// request would cost more than the work it guards (handing out security-check challenges).
/// Each node counts alone, so a client spreading requests over N nodes gets N times the limit;
/// use SharedLimits where that matters. Fixed windows aligned on the clock, like SharedLimits.
class LocalLimits {
  public:
    LocalLimits(RateLimit limit, const Clock& clock) : limit_(std::move(limit)), clock_(clock) {}

    /// Counts one hit of `key`. Thread-safe.
    RateDecision hit(std::string_view key);

    /// Keys remembered at most (bounded memory). Past it the keys with the fewest hits are
    /// forgotten, never the busiest: a client cannot wipe its own count by flooding the limiter
    /// with new keys, and a forgotten key had few hits to forget.
    static constexpr std::size_t max_keys = 100'000;

  private:
    void forget_quietest();

    RateLimit limit_;
    const Clock& clock_;
    std::mutex mutex_;
    UnixTime window_start_ = 0;
    std::unordered_map<std::string, std::int64_t> hits_;
};

}  // namespace dateline::app
