#include "app/local_limits.hpp"

#include <algorithm>

namespace dateline::app {

RateDecision LocalLimits::hit(std::string_view key) {
    const UnixTime now = clock_.now();
    const UnixTime window = std::max<UnixTime>(1, limit_.window.count());
    const UnixTime start = now - now % window;
    std::lock_guard lock(mutex_);
    if (start != window_start_ || hits_.size() >= max_keys) {
        hits_.clear();
        window_start_ = start;
    }
    const std::int64_t hits = ++hits_[std::string(key)];
    if (hits <= limit_.max_hits) return {true, 0};
    return {false, start + window - now};
}

}  // namespace dateline::app
