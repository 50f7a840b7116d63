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

INSTANTIATE_TEST_SUITE_P(Backends, NetworkCopierTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::storage
