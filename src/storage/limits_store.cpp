#include "storage/limits_store.hpp"

namespace dateline::storage {

Result<std::int64_t> LimitsStore::hit(const std::string& bucket, UnixTime window_start) {
    auto rows = c_.query(
        "INSERT INTO rate_limit_counters (bucket, window_start, hits) VALUES ($1, $2, 1) "
        "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1 "
        "RETURNING hits",
        {bucket, window_start});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::int64_t> LimitsStore::hits(const std::string& bucket, UnixTime window_start) {
    auto rows =
        c_.query("SELECT hits FROM rate_limit_counters WHERE bucket = $1 AND window_start = $2",
                 {bucket, window_start});
    if (!rows) return rows.error();
    return rows->empty() ? 0 : rows->front().integer(0);
}

Result<bool> LimitsStore::use_token(const std::string& digest, UnixTime expires_at) {
    auto inserted = c_.execute(
        "INSERT INTO used_tokens (token_digest, expires_at) VALUES ($1, $2) "
        "ON CONFLICT (token_digest) DO NOTHING",
        {digest, expires_at});
    if (!inserted) return inserted.error();
    return *inserted == 1;
}

Status LimitsStore::purge(UnixTime expired_before, UnixTime oldest_window) {
    if (auto d = c_.execute("DELETE FROM used_tokens WHERE expires_at < $1", {expired_before}); !d)
        return d.error();
    if (auto d =
            c_.execute("DELETE FROM rate_limit_counters WHERE window_start < $1", {oldest_window});
        !d)
        return d.error();
    return success();
}

}  // namespace dateline::storage
