#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "../support_database.hpp"

namespace dateline::db {

using testing_support::TestDatabase;

class MigratorTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
    }
    TestDatabase database{GetParam()};
};

TEST_P(MigratorTest, AnUpToDateDatabaseNeedsNothing) {
    auto lease = database->acquire();
    auto applied = migrate(*lease, bundled_migrations(lease->backend()));
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    EXPECT_EQ(*applied, 0);
}

TEST_P(MigratorTest, NewMigrationsApplyOnceEvenFromTwoNodesAtOnce) {
    static const Migration extra[] = {
        {900, "0900_create_notes", "CREATE TABLE notes (id INTEGER)"}};
    auto second = open_database(database.url(), 1);
    ASSERT_TRUE(second.ok());
    Result<int> results[2] = {0, 0};
    auto run = [&](Database& d, int slot) {
        auto lease = d.acquire();
        results[slot] = migrate(*lease, extra);
    };
    std::thread a(run, std::ref(*database), 0);
    std::thread b(run, std::ref(**second), 1);
    a.join();
    b.join();
    ASSERT_TRUE(results[0].ok()) << results[0].error().message << results[0].error().cause;
    ASSERT_TRUE(results[1].ok()) << results[1].error().message << results[1].error().cause;
    EXPECT_EQ(*results[0] + *results[1], 1);
}

TEST_P(MigratorTest, RefusesADatabaseNewerThanTheProgram) {
    static const Migration older[] = {{1, "0001_create_schema", "SELECT 1"}};
    auto lease = database->acquire();
    auto applied = migrate(*lease, older);
    ASSERT_FALSE(applied.ok());
    EXPECT_NE(applied.error().message.find("newer than this program"), std::string::npos);
}

TEST_P(MigratorTest, AFailingMigrationLeavesNothingBehind) {
    static const Migration broken[] = {{900, "0900_half", "CREATE TABLE half_done (id INTEGER)"},
                                       {901, "0901_broken", "CREATE TABLE oops ("}};
    auto lease = database->acquire();
    auto applied = migrate(*lease, broken);
    ASSERT_FALSE(applied.ok());
    EXPECT_NE(applied.error().message.find("0901_broken"), std::string::npos);
    EXPECT_FALSE(lease->query("SELECT COUNT(*) FROM half_done").ok());  // rolled back
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::db
