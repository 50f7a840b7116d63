#include "app/most_read.hpp"

#include "storage/readership_store.hpp"

namespace dateline::app {

namespace {

constexpr UnixTime seconds_per_hour = 3600;

}  // namespace

MostRead::Shard& MostRead::shard_of_this_thread() {
    // Each thread keeps the shard it was given first: the I/O threads, each on its own.
    static std::atomic<std::size_t> threads_seen{0};
    thread_local const std::size_t index = threads_seen++ % shard_count;
    return shards_[index];
}

void MostRead::count(domain::Id story) {
    auto& shard = shard_of_this_thread();
    const std::lock_guard lock(shard.mutex);
    ++shard.reads[story];
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
    auto& shard = shard_of_this_thread();
    const std::lock_guard lock(shard.mutex);
    for (const auto& [story, count] : reads) shard.reads[story] += count;
}

Status MostRead::flush() {
    const auto reads = take();
    const std::int64_t hour = clock_.now() / seconds_per_hour;
    auto done = db::in_transaction<bool>(database_, [&](db::Connection& c) -> Result<bool> {
        storage::ReadershipStore store(c);
        if (auto added = store.add_reads(hour, reads); !added) return added.error();
        if (auto forgot = store.forget_before(hour - window_hours + 1); !forgot)
            return forgot.error();
        if (auto ranked = store.rank(hour - window_hours + 1, ranking_size); !ranked)
            return ranked.error();
        return true;
    });
    if (!done) {
        put_back(reads);
        return done.error();
    }
    return success();
}

}  // namespace dateline::app
