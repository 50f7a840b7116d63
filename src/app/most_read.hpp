#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
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
/// now and then (flush()), and each site's and section's most read stories of the last day
/// ranked from them for pages to read (ReaderService). Nothing about a reader is counted or
/// kept: a story's number goes up by one, that is all.
class MostRead {
  public:
    /// How many stories a ranking holds.
    static constexpr int ranking_size = 5;
    /// The reads a ranking adds up: the current hour and the 23 before it.
    static constexpr std::int64_t window_hours = 24;
    /// How often a serving node flushes by default, in seconds.
    static constexpr int flush_interval_seconds = 60;

    MostRead(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    /// One read of `story`. Safe from any thread, and all it takes is an uncontended lock and a
    /// hash table's increment.
    void count(domain::Id story);
    /// Adds what was counted since the last flush to the current hour, forgets the hours before
    /// the window, and ranks again; all in one transaction. On failure nothing is written and
    /// the counts are kept for the next flush.
    Status flush();
    /// Reads counted and not yet flushed, for tests and metrics.
    std::int64_t pending() const;

  private:
    // Threads count into different shards, so that they rarely meet on a lock.
    struct alignas(64) Shard {
        mutable std::mutex mutex;
        std::unordered_map<domain::Id, std::int64_t> reads;
    };
    static constexpr std::size_t shard_count = 16;

    Shard& shard_of_this_thread();
    std::vector<std::pair<domain::Id, std::int64_t>> take();
    void put_back(const std::vector<std::pair<domain::Id, std::int64_t>>& reads);

    db::Database& database_;
    const Clock& clock_;
    std::array<Shard, shard_count> shards_;
    std::atomic<std::size_t> next_shard_{0};
};

}  // namespace dateline::app
