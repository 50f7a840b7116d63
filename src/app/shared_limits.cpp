#include "app/shared_limits.hpp"

#include <algorithm>

#include "crypto/crypto.hpp"
#include "storage/limits_store.hpp"

namespace dateline::app {

Error too_many(std::string_view what, std::int64_t retry_after_seconds) {
    const auto minutes = std::max<std::int64_t>(1, (retry_after_seconds + 59) / 60);
    return Error::rate_limited(std::string(what) + " Try again in " + std::to_string(minutes) +
                                   (minutes == 1 ? " minute." : " minutes."),
                               retry_after_seconds);
}

using crypto::sha256_hex;

namespace {

constexpr UnixTime longest_window = 24 * 3600;
// Used tokens are kept an hour past their expiry, so that a node whose clock runs behind still
// finds them used rather than accepting them again.
constexpr UnixTime token_grace = 3600;

}  // namespace

Result<RateDecision> SharedLimits::hit(const RateLimit& limit, std::string_view key) {
    const UnixTime now = clock_.now();
    const UnixTime window = std::max<UnixTime>(1, limit.window.count());
    const UnixTime start = now - now % window;
    auto lease = database_.acquire();
    // A counter lost with the machine costs less than a disk flush per request.
    db::RelaxedCommits relaxed(*lease);
    auto hits = storage::LimitsStore(*lease).hit(limit.name + ":" + std::string(key), start);
    if (!hits) return hits.error();
    if (*hits <= limit.max_hits) return RateDecision{true, 0};
    return RateDecision{false, start + window - now};
}

Result<RateDecision> SharedLimits::peek(const RateLimit& limit, std::string_view key) {
    const UnixTime now = clock_.now();
    const UnixTime window = std::max<UnixTime>(1, limit.window.count());
    const UnixTime start = now - now % window;
    auto lease = database_.acquire();
    auto hits = storage::LimitsStore(*lease).hits(limit.name + ":" + std::string(key), start);
    if (!hits) return hits.error();
    if (*hits < limit.max_hits) return RateDecision{true, 0};
    return RateDecision{false, start + window - now};
}

Result<bool> SharedLimits::use_once(std::string_view token, UnixTime expires_at) {
    auto lease = database_.acquire();
    // Only a machine crash within a token's life could let it be used twice.
    db::RelaxedCommits relaxed(*lease);
    return storage::LimitsStore(*lease).use_token(sha256_hex(token), expires_at);
}

Status SharedLimits::purge() {
    const UnixTime now = clock_.now();
    auto lease = database_.acquire();
    return storage::LimitsStore(*lease).purge(now - token_grace, now - longest_window);
}

}  // namespace dateline::app
