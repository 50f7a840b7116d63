#include "app/most_read.hpp"

#include <algorithm>
#include <functional>

#include "storage/article_store.hpp"
#include "storage/readership_store.hpp"

namespace dateline::app {

bool MostRead::count(domain::Id story, std::string_view reader) {
    // Never 0, which marks an empty place.
    const std::uint64_t key = (std::hash<std::string_view>{}(reader) ^
                               (static_cast<std::uint64_t>(story) * 0x9E3779B97F4A7C15ULL)) |
                              1U;
    // The shard by reader and story, so that a reader's requests for a story meet the same
    // table whichever thread answers them (a miss on a worker, the hits on an I/O thread).
    auto& shard = shards_[(key >> 1) % shard_count];
    const std::lock_guard lock(shard.mutex);
    auto& remembered = shard.recent[(key >> 5) % remembered_reads];
    if (remembered == key) return false;
    remembered = key;
    ++shard.reads[story];
    return true;
}

std::int64_t MostRead::pending() const {
    std::int64_t total = 0;
    for (const auto& shard : shards_) {
        const std::lock_guard lock(shard.mutex);
        for (const auto& [story, reads] : shard.reads) total += reads;
    }
    return total;
}

std::vector<std::pair<domain::Id, std::int64_t>> MostRead::take() {
    std::unordered_map<domain::Id, std::int64_t> all;
    for (auto& shard : shards_) {
        std::unordered_map<domain::Id, std::int64_t> taken;
        {
            const std::lock_guard lock(shard.mutex);
            taken.swap(shard.reads);
        }
        for (const auto& [story, reads] : taken) all[story] += reads;
    }
    return {all.begin(), all.end()};
}

void MostRead::put_back(const std::vector<std::pair<domain::Id, std::int64_t>>& reads) {
    auto& shard = shards_.front();
    const std::lock_guard lock(shard.mutex);
    for (const auto& [story, count] : reads) shard.reads[story] += count;
}

Status MostRead::flush() {
    auto reads = take();
    const UnixTime now = clock_.now();
    const std::int64_t hour = hour_of(now);
    // In id order, so that nodes flushing at once lock the same rows in the same order.
    std::sort(reads.begin(), reads.end());
    Result<bool> done = Error::internal("the reads were not added up");
    try {
        done = db::in_transaction<bool>(database_, [&](db::Connection& c) -> Result<bool> {
            storage::ReadershipStore store(c);
            if (auto added = store.add_reads(hour, reads); !added) return added.error();
            if (auto forgot = store.forget_before(window_start(now)); !forgot)
                return forgot.error();
            return true;
        });
    } catch (const std::exception& e) {
        done = Error::internal(std::string("adding up the reads failed: ") + e.what());
    }
    if (!done) {
        put_back(reads);
        return done.error();
    }
    // The reads are safe. The rankings are made by one read of the window (0.28 s for 48,000
    // rows on SQLite), outside any write transaction, and written in one of their own: the write
    // lock is held for the few rows they hold, not for the read.
    const auto ranked = [&] {
        auto lease = database_.acquire();
        return storage::ReadershipStore(*lease).rank(window_start(now), ranking_size);
    }();
    if (!ranked) return ranked.error();
    auto written = db::in_transaction<bool>(database_, [&](db::Connection& c) -> Result<bool> {
        // In the stories' write turn: a story withdrawn meanwhile reaches the new rows through
        // its trigger, rather than leaving its listed time on them (PostgreSQL).
        if (auto turn = storage::ArticleStore(c).take_write_turn(); !turn) return turn.error();
        if (auto set = storage::ReadershipStore(c).set_rankings(hour, *ranked); !set)
            return set.error();
        return true;
    });
    if (!written) return written.error();
    return success();
}

}  // namespace dateline::app
