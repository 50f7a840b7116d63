#include <gtest/gtest.h>

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

}  // namespace dateline::db
