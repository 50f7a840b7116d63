#include "app/local_limits.hpp"

#include <algorithm>
#include <vector>

namespace dateline::app {

namespace {

// Forgetting down to this share of max_keys leaves room for many new keys before the next scan.
constexpr std::size_t keep_percent = 90;

}  // namespace

void LocalLimits::forget_quietest() {
    const std::size_t target = max_keys * keep_percent / 100;
    std::vector<std::int64_t> counts;
    counts.reserve(hits_.size());
    for (const auto& [key, hits] : hits_) counts.push_back(hits);
    // The count at which `target` keys remain: everything below it goes, then ties as needed.
    const auto cut = counts.begin() + static_cast<std::ptrdiff_t>(counts.size() - target);
    std::nth_element(counts.begin(), cut, counts.end());
    const std::int64_t threshold = *cut;
    for (auto it = hits_.begin(); it != hits_.end() && hits_.size() > target;) {
        if (it->second < threshold)
            it = hits_.erase(it);
        else
            ++it;
    }
    for (auto it = hits_.begin(); it != hits_.end() && hits_.size() > target;) {
        if (it->second == threshold)
            it = hits_.erase(it);
        else
            ++it;
    }
}

RateDecision LocalLimits::hit(std::string_view key) {
    const UnixTime now = clock_.now();
    const UnixTime window = std::max<UnixTime>(1, limit_.window.count());
    const UnixTime start = now - now % window;
    std::lock_guard lock(mutex_);
    if (start != window_start_) {
        hits_.clear();
        window_start_ = start;
    }
    if (hits_.size() >= max_keys && !hits_.contains(std::string(key))) forget_quietest();
    const std::int64_t hits = ++hits_[std::string(key)];
    if (hits <= limit_.max_hits) return {true, 0};
    return {false, start + window - now};
}

}  // namespace dateline::app
