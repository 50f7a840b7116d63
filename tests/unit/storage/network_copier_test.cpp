// `dateline copy` and the backups of a PostgreSQL network carry every column of every table
// the schema has, but for the few that are made again or live for minutes: a column added by a
// migration and forgotten here would be lost by a copy (or, NOT NULL, stop it).
#include "storage/network_copier.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "../support_database.hpp"

namespace dateline::storage {

using testing_support::TestDatabase;

namespace {

// Not copied, and why.
const std::map<std::string, std::string> left_out = {
    {"schema_migrations", "each database has its own, made by its migrations"},
    {"sessions", "sign-ins: people sign in again on the copy"},
    {"rate_limit_counters", "counts of the last ten minutes"},
    {"content_changes", "the change feed between nodes, read within seconds"},
    {"used_tokens", "sign-in codes already used, each valid for minutes"},
    {"search_documents", "the search index, made again from the stories"},
    {"search_term_counts", "kept with the search index as it is made again"},
    {"site_listed_counts", "kept by triggers as the stories are copied"},
    {"tag_listed_counts", "kept by triggers as the stories' tags are copied"},
    {"sqlite_sequence", "SQLite's own"},
};

std::set<std::string> split_columns(std::string_view columns) {
    std::set<std::string> out;
    std::stringstream in{std::string(columns)};
    for (std::string column; std::getline(in, column, ',');)
        out.insert(column.substr(column.find_first_not_of(' ')));
    return out;
}

// Every table of the database and its columns, from the backend's own catalogue.
std::map<std::string, std::set<std::string>> schema_of(db::Connection& c) {
    std::map<std::string, std::set<std::string>> out;
    const bool sqlite = c.backend() == "sqlite";
    auto rows =
        c.query(sqlite ? "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                         "WHERE m.type = 'table' AND m.name NOT LIKE 'search_index%'"
                       : "SELECT table_name, column_name FROM information_schema.columns "
                         "WHERE table_schema = current_schema()");
    EXPECT_TRUE(rows.ok());
    if (!rows) return out;
    for (const auto& r : *rows) out[r.text(0)].insert(r.text(1));
    return out;
}

}  // namespace

class NetworkCopierTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
    }
    TestDatabase database{GetParam()};
};

TEST_P(NetworkCopierTest, CopiesEveryColumnOfEveryTableButThoseMadeAgain) {
    auto lease = database->acquire();
    auto schema = schema_of(*lease);
    ASSERT_GT(schema.size(), 20u);
    for (const auto& table : copied_tables()) {
        const std::string name(table.name);
        ASSERT_TRUE(schema.contains(name)) << name << " is copied but not in the schema";
        EXPECT_EQ(split_columns(table.columns), schema[name]) << "the columns of " << name;
        schema.erase(name);
    }
    for (const auto& [name, columns] : schema)
        EXPECT_TRUE(left_out.contains(name))
            << name << " is neither copied nor left out on purpose";
}

// A table of more rows than a batch, ordered by two columns, comes whole, each row once: each
// batch starts after the last row of the one before.
TEST_P(NetworkCopierTest, ATableOfManyBatchesComesWholeEachRowOnce) {
    {
        auto lease = database->acquire();
        const auto added = lease->execute_script(
            "INSERT INTO networks (id, slug, name) VALUES (1, 'n', 'N');"
            "INSERT INTO sites (id, network_id, slug, name, language, direction, time_zone, "
            "base_url) VALUES (1, 1, 's', 'S', 'en', 'ltr', 'UTC', 'http://s');"
            "INSERT INTO articles (id, site_id, slug, headline, status, first_published_at, "
            "updated_at, created_at) VALUES (1, 1, 'a', 'A', 'published', 100, 100, 90),"
            "(2, 1, 'b', 'B', 'published', 200, 200, 90);"
            // 1,300 hours of reads of each story: 2,600 rows, six batches.
            "WITH RECURSIVE h(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM h WHERE n < 1299) "
            "INSERT INTO article_reads (hour, article_id, reads) "
            "SELECT n, a, n + a FROM h, (SELECT 1 AS a UNION ALL SELECT 2) s;");
        ASSERT_TRUE(added.ok()) << added.error().cause;
    }
    testing_support::TempDir dir;
    auto target = db::open_migrated("sqlite:" + (dir.path() / "copy.db").string(), 1);
    ASSERT_TRUE(target.ok()) << target.error().message;
    auto copied = copy_network(*database.get(), **target, {});
    ASSERT_TRUE(copied.ok()) << copied.error().message << " " << copied.error().cause;
    auto lease = (*target)->acquire();
    auto reads = lease->query(
        "SELECT COUNT(*), COUNT(DISTINCT hour * 10 + article_id), SUM(reads), MAX(hour) "
        "FROM article_reads");
    ASSERT_TRUE(reads.ok());
    const auto& r = reads->front();
    EXPECT_EQ(r.integer(0), 2600);
    EXPECT_EQ(r.integer(1), 2600);
    EXPECT_EQ(r.integer(2), 2 * (1299 * 1300 / 2) + 1300 * 3);
    EXPECT_EQ(r.integer(3), 1299);
}

// A copy into PostgreSQL is vacuumed and analysed before it is handed over: without that its
// planner has no statistics, and every index-only walk of a listing reads the stories' rows too
// until autovacuum comes by.
TEST_P(NetworkCopierTest, ACopyIntoPostgresqlIsVacuumedAndAnalysed) {
    if (std::string_view(GetParam()) != "postgres")
        GTEST_SKIP() << "SQLite's plans take no statistics";
    testing_support::TempDir dir;
    auto source = db::open_migrated("sqlite:" + (dir.path() / "source.db").string(), 1);
    ASSERT_TRUE(source.ok()) << source.error().message;
    {
        auto lease = (*source)->acquire();
        const auto added = lease->execute_script(
            "INSERT INTO networks (id, slug, name) VALUES (1, 'n', 'N');"
            "INSERT INTO sites (id, network_id, slug, name, language, direction, time_zone, "
            "base_url) VALUES (1, 1, 's', 'S', 'en', 'ltr', 'UTC', 'http://s');"
            "INSERT INTO articles (id, site_id, slug, headline, status, first_published_at, "
            "updated_at, created_at) VALUES (1, 1, 'a', 'A', 'published', 100, 100, 90);");
        ASSERT_TRUE(added.ok()) << added.error().cause;
    }
    auto copied = copy_network(**source, *database.get(), {});
    ASSERT_TRUE(copied.ok()) << copied.error().message << " " << copied.error().cause;
    const auto settled_tables = [&] {
        auto lease = database->acquire();
        auto rows = lease->query(
            "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname IN ('articles', 'sites') "
            "AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL");
        return rows.ok() ? rows->front().integer(0) : -1;
    };
    EXPECT_EQ(settled_tables(), 0) << "not by the copy itself";
    auto settled = settle_after_copy(*database.get());
    ASSERT_TRUE(settled.ok()) << settled.error().cause;
    EXPECT_EQ(settled_tables(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkCopierTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::storage
