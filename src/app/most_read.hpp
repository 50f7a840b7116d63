#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"

namespace dateline::app {

/// "Most read": the reads of each story, counted by the serving node itself as it answers pages
/// (count(), cheap enough for a cached page's thread), added up by the hour in the database
/// now and then (flush()), and each site's and section's most read stories of the last 24 hours
/// ranked from them for pages to read (ReaderService). Nothing about a reader is kept: a story's
/// number goes up by one. So that one reader reloading a story (or a script looping on it) does
/// not push it up the list, a read is counted once while the node remembers it: a small table of
/// hashes of reader and story, in memory only, overwritten as other reads come.
class MostRead {
  public:
    /// How many stories a ranking holds.
    static constexpr int ranking_size = 5;
    /// The reads a ranking adds up: the current hour and the 23 before it.
    static constexpr std::int64_t window_hours = 24;
    /// How often a serving node flushes by default, in seconds.
    static constexpr int flush_interval_seconds = 60;

    MostRead(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    /// The hour (since the epoch) a moment falls in, as reads are added up.
    static constexpr std::int64_t hour_of(UnixTime t) { return t / 3600; }
    /// The first hour whose reads, and rankings made in it, count at `now`.
    static constexpr std::int64_t window_start(UnixTime now) {
        return hour_of(now) - window_hours + 1;
    }

    /// One read of `story` by `reader` (an address); false when the same reader's read of the
    /// story is still remembered, and so not counted again. Safe from any thread: a hash, one of
    /// 16 locks (threads rarely want the same one) and an increment.
    bool count(domain::Id story, std::string_view reader);
    /// Adds what was counted since the last flush to the current hour and forgets the hours
    /// before the window, in one transaction (on failure nothing is written and the counts are
    /// kept for the next flush); then ranks again from a read of the window and writes the
    /// rankings in a short transaction of their own.
    Status flush();
    /// Reads counted and not yet flushed (for tests).
    std::int64_t pending() const;

  private:
    // Reads spread over shards by reader and story, so that threads rarely meet on a lock; each
    // remembers the latest reads it counted in a direct-mapped table of hashes of the two.
    static constexpr std::size_t remembered_reads = 2048;
    struct alignas(64) Shard {
        mutable std::mutex mutex;
        std::unordered_map<domain::Id, std::int64_t> reads;
        std::array<std::uint64_t, remembered_reads> recent{};
    };
    static constexpr std::size_t shard_count = 16;

    std::vector<std::pair<domain::Id, std::int64_t>> take();
    void put_back(const std::vector<std::pair<domain::Id, std::int64_t>>& reads);

    db::Database& database_;
    const Clock& clock_;
    std::array<Shard, shard_count> shards_;
};

}  // namespace dateline::app
