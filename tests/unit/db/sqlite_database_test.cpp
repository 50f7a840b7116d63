#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../support_fixed_clock.hpp"
#include "db/database.hpp"

namespace dateline::db {

// What "committed to disk before the reader hears received" rests on: every pooled connection
// syncs each commit (synchronous=FULL is 2) and writes ahead (WAL).
TEST(SqliteDatabase, EveryConnectionCommitsDurably) {
    testing_support::TempDir dir;
    auto database = open_database("sqlite:" + (dir.path() / "d.db").string(), 3);
    ASSERT_TRUE(database.ok()) << database.error().message;
    std::vector<decltype((*database)->acquire())> leases;  // held at once: three connections
    for (int i = 0; i < 3; ++i) {
        auto& lease = leases.emplace_back((*database)->acquire());
        auto synchronous = lease->query("PRAGMA synchronous");
        ASSERT_TRUE(synchronous.ok());
        EXPECT_EQ(synchronous->front().integer(0), 2);
        auto journal = lease->query("PRAGMA journal_mode");
        EXPECT_EQ(journal->front().text(0), "wal");
    }
}

// The database file is read, not mapped into the process: a map of a large archive counted in
// its resident memory once per connection (docs/performance.md, "What a serving node holds").
TEST(SqliteDatabase, TheDatabaseFileIsReadNotMapped) {
    testing_support::TempDir dir;
    const auto file = dir.path() / "d.db";
    auto database = open_database("sqlite:" + file.string(), 2);
    ASSERT_TRUE(database.ok()) << database.error().message;
    {
        auto lease = (*database)->acquire();
        ASSERT_TRUE(
            lease->execute_script("CREATE TABLE t (x TEXT); "
                                  "INSERT INTO t SELECT hex(randomblob(500)) FROM "
                                  "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                  "FROM n WHERE i < 2000) SELECT i FROM n);"));
        // Into the file itself, out of the write-ahead log (which is never mapped).
        ASSERT_TRUE(lease->query("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    std::vector<decltype((*database)->acquire())> leases;  // both connections read it
    for (int i = 0; i < 2; ++i) {
        auto& lease = leases.emplace_back((*database)->acquire());
        auto read = lease->query("SELECT COUNT(*), SUM(LENGTH(x)) FROM t");
        ASSERT_TRUE(read.ok());
        EXPECT_EQ(read->front().integer(0), 2000);
    }
    std::ifstream maps("/proc/self/maps");
    ASSERT_TRUE(maps.good());
    std::string line;
    while (std::getline(maps, line)) EXPECT_FALSE(line.ends_with("/d.db")) << line;
}

// What /metrics reports of the pool: borrowings, time held, and waits when none was idle.
TEST(SqliteDatabase, ThePoolCountsItsLeasesAndItsWaits) {
    testing_support::TempDir dir;
    auto database = open_database("sqlite:" + (dir.path() / "d.db").string(), 1);
    ASSERT_TRUE(database.ok()) << database.error().message;
    auto& pool = **database;
    EXPECT_EQ(pool.statistics().connections, 1u);
    std::thread other;
    {
        auto lease = pool.acquire();
        EXPECT_EQ(pool.statistics().in_use, 1u);
        // The only connection is out: the other thread must wait until this lease ends.
        std::atomic<bool> asking{false};
        other = std::thread([&pool, &asking] {
            asking = true;
            auto second = pool.acquire();
        });
        while (!asking) std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    other.join();
    const auto stats = pool.statistics();
    EXPECT_EQ(stats.leases, 2u);
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_EQ(stats.waits, 1u);
    EXPECT_GT(stats.waited.count(), 0);
    EXPECT_GE(stats.held, std::chrono::milliseconds(50)) << "the first lease was held that long";
}

// A readiness probe must answer in time: try_acquire gives up when no connection comes back
// within its wait, and takes one that does.
TEST(SqliteDatabase, TryAcquireGivesUpOnlyWhenNoConnectionComesBack) {
    testing_support::TempDir dir;
    auto database = open_database("sqlite:" + (dir.path() / "d.db").string(), 1);
    ASSERT_TRUE(database.ok()) << database.error().message;
    auto& pool = **database;
    std::optional<Database::Lease> held = pool.acquire();
    EXPECT_FALSE(pool.try_acquire(std::chrono::milliseconds(20)).has_value());
    std::thread giver([&held] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        held.reset();
    });
    auto taken = pool.try_acquire(std::chrono::seconds(10));
    giver.join();
    ASSERT_TRUE(taken.has_value()) << "the connection given back is taken";
    EXPECT_TRUE((*taken)->query("SELECT 1").ok());
    EXPECT_EQ(pool.statistics().in_use, 1u);
}

}  // namespace dateline::db
