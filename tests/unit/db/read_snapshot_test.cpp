#include <gtest/gtest.h>

#include "../support_database.hpp"
#include "db/database.hpp"

namespace dateline::db {

using testing_support::TestDatabase;

class ReadSnapshotTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
    }
    TestDatabase database{GetParam()};
};

// A page reads its lists in several statements: a story published meanwhile must not show in
// one list of the page and be missing from another.
TEST_P(ReadSnapshotTest, EveryReadSeesTheDatabaseAsTheFirstDid) {
    auto reader = database->acquire();
    auto writer = database->acquire();
    ASSERT_TRUE(writer->execute_script("CREATE TABLE scratch (n INTEGER)").ok());
    const auto count = [&] {
        return (*reader->query("SELECT COUNT(*) FROM scratch")).front().integer(0);
    };
    {
        const ReadSnapshot snapshot(*reader);
        EXPECT_EQ(count(), 0);
        ASSERT_TRUE(writer->execute("INSERT INTO scratch (n) VALUES (1)").ok())
            << "a writer is not held up by a reader's snapshot";
        EXPECT_EQ(count(), 0) << "the snapshot's view";
    }
    EXPECT_EQ(count(), 1) << "after the snapshot, the committed row";
    auto again = reader->query("SELECT n FROM scratch");
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(reader->begin_write().ok()) << "the connection went back to the pool idle";
    ASSERT_TRUE(reader->rollback().ok());
}

// A snapshot whose commit failed must not pin the connection's next borrower to its moment.
TEST_P(ReadSnapshotTest, AConnectionGoesBackToThePoolWithNoTransactionOpen) {
    auto writer = database->acquire();
    ASSERT_TRUE(writer->execute_script("CREATE TABLE scratch (n INTEGER)").ok());
    {
        auto reader = database->acquire();
        ASSERT_TRUE(reader->begin_read().ok());
        ASSERT_TRUE(reader->query("SELECT COUNT(*) FROM scratch").ok()) << "the snapshot taken";
    }  // given back with the transaction open
    ASSERT_TRUE(writer->execute("INSERT INTO scratch (n) VALUES (1)").ok());
    auto reader = database->acquire();  // the same connection: the pool lends the last returned
    auto rows = reader->query("SELECT COUNT(*) FROM scratch");
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->front().integer(0), 1) << "the row committed after the lease was returned";
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadSnapshotTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::db
