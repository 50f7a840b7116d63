#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "../support_database.hpp"
#include "../support_fixed_clock.hpp"

namespace dateline::db {

using testing_support::TestDatabase;

namespace {
// The rows `sql` reads, each written as `written` says: what a test compares after an upgrade.
template <typename Written>
std::vector<std::string> rows_read(Connection& c, const std::string& sql, Written written) {
    std::vector<std::string> out;
    auto rows = c.query(sql);
    EXPECT_TRUE(rows.ok()) << sql;
    if (rows.ok())
        for (const auto& r : *rows) out.push_back(written(r));
    return out;
}
}  // namespace

class MigratorTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
    }
    // The suite's database migrated up to `version` only (on SQLite a file of its own, the
    // suite's being at the latest), holding a network, two sites and a story of each status:
    // what an upgrade finds.
    Database& with_stories_at(int version) {
        Database* db = database.get();
        if (std::string_view(GetParam()) == "sqlite") {
            auto opened = open_database(
                "sqlite:" + (database.dir() / ("at" + std::to_string(version) + ".db")).string(),
                1);
            EXPECT_TRUE(opened.ok());
            if (!opened) return *db;
            fresh_ = std::move(*opened);
            db = fresh_.get();
        }
        auto lease = db->acquire();
        if (lease->backend() == "postgres") {
            EXPECT_TRUE(
                lease->execute_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public").ok());
        }
        const auto all = bundled_migrations(lease->backend());
        EXPECT_GT(all.size(), std::size_t(version));
        EXPECT_TRUE(migrate(*lease, all.subspan(0, std::size_t(version))).ok());
        const auto added = lease->execute_script(
            "INSERT INTO networks (id, slug, name) VALUES (1, 'n', 'N');"
            "INSERT INTO sites (id, network_id, slug, name, language, direction, time_zone, "
            "base_url) VALUES (1, 1, 's', 'S', 'en', 'ltr', 'UTC', 'http://s'),"
            "(2, 1, 't', 'T', 'en', 'ltr', 'UTC', 'http://t');"
            "INSERT INTO articles (id, site_id, slug, headline, status, first_published_at, "
            "updated_at, created_at) VALUES (1, 1, 'out', 'Out', 'published', 100, 100, 90),"
            "(2, 1, 'draft', 'Draft', 'draft', NULL, 90, 90),"
            "(3, 1, 'later', 'Later', 'scheduled', 500, 500, 90),"
            "(4, 2, 'elsewhere', 'Elsewhere', 'published', 200, 200, 90),"
            "(5, 1, 'down', 'Down', 'unpublished', 300, 300, 90);");
        EXPECT_TRUE(added.ok()) << added.error().cause;
        return *db;
    }

    TestDatabase database{GetParam()};

  private:
    std::unique_ptr<Database> fresh_;
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

// A migration that rewrites a large table takes longer than a reader's statement may: the
// connections' timeout does not apply to it, and is the connection's again afterwards.
TEST_P(MigratorTest, AMigrationOutlastsTheConnectionsStatementTimeout) {
    auto lease = database->acquire();
    if (lease->backend() != "postgres") GTEST_SKIP() << "SQLite statements have no timeout";
    ASSERT_TRUE(lease->execute("SET statement_timeout = '100ms'").ok());
    ASSERT_FALSE(lease->query("SELECT pg_sleep(0.3)").ok()) << "a reader's statement gives up";
    static const Migration slow[] = {{900, "0900_slow", "SELECT pg_sleep(0.3)"}};
    auto applied = migrate(*lease, slow);
    EXPECT_TRUE(applied.ok()) << (applied.ok() ? "" : applied.error().cause);
    EXPECT_FALSE(lease->query("SELECT pg_sleep(0.3)").ok()) << "the timeout holds again";
    ASSERT_TRUE(lease->execute("SET statement_timeout = '10s'").ok());
}

// Migration 0034 gives the rows already chosen for a front page or ranked as most read their
// story's listed time: its publication time while it is published or scheduled (and, for a front
// page, on that front page's site), nothing otherwise.
TEST_P(MigratorTest, ChosenAndRankedStoriesAlreadyThereGetTheirListedTimes) {
    auto lease = with_stories_at(33).acquire();
    ASSERT_FALSE(HasFailure());
    const auto added = lease->execute_script(
        "INSERT INTO front_page_stories (site_id, position, article_id) VALUES "
        "(1, 0, 1), (1, 1, 2), (1, 2, 3), (1, 3, 4), (1, 4, 5);"
        "INSERT INTO most_read (site_id, section_id, position, article_id, reads, ranked_at) "
        "VALUES (1, 0, 0, 1, 9, 7), (1, 0, 1, 2, 8, 7), (1, 0, 2, 3, 7, 7), (1, 0, 3, 5, 6, 7),"
        "(2, 0, 0, 4, 5, 7);");
    ASSERT_TRUE(added.ok()) << added.error().cause;
    auto upgraded = migrate(*lease, bundled_migrations(lease->backend()));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message << " " << upgraded.error().cause;
    const auto listed = [&](const std::string& sql) {
        return rows_read(*lease, sql, [](const Row& r) {
            return std::to_string(r.integer(0)) + ":" +
                   (r.is_null(1) ? "-" : std::to_string(r.integer(1)));
        });
    };
    using Listed = std::vector<std::string>;
    EXPECT_EQ(listed("SELECT article_id, listed_at FROM front_page_stories ORDER BY position"),
              (Listed{"1:100", "2:-", "3:500", "4:-", "5:-"}));
    EXPECT_EQ(listed("SELECT article_id, listed_at FROM most_read ORDER BY site_id, position"),
              (Listed{"1:100", "2:-", "3:500", "5:-", "4:200"}));
}

// A database made before 0036 gets the counts related news weighs from the rows already there.
TEST_P(MigratorTest, CountsOfRarityAreMadeFromTheStoriesAlreadyThere) {
    auto lease = with_stories_at(35).acquire();
    ASSERT_FALSE(HasFailure());
    const auto added = lease->execute_script(
        "INSERT INTO tags (id, site_id, slug, name) VALUES (1, 1, 'ports', 'Ports'),"
        "(2, 1, 'rail', 'Rail'), (3, 2, 'ports', 'Ports');"
        "INSERT INTO article_tags (article_id, tag_id, position, listed_at) VALUES "
        "(1, 1, 0, 100), (2, 1, 0, NULL), (3, 1, 0, 500), (3, 2, 1, 500), (5, 2, 0, NULL),"
        "(4, 3, 0, 200);");
    ASSERT_TRUE(added.ok()) << added.error().cause;
    // PostgreSQL's documents hold their terms too (an empty tsvector will do).
    const bool postgres = lease->backend() == "postgres";
    for (const auto& [id, key] : std::vector<std::pair<int, std::string>>{
             {1, "harbour crane"}, {2, "crane"}, {3, ""}, {4, "harbour  ferry"}}) {
        auto indexed = lease->execute(
            postgres ? "INSERT INTO search_documents (article_id, analysis, key_terms, terms) "
                       "VALUES ($1, 1, $2, ''::tsvector)"
                     : "INSERT INTO search_documents (article_id, analysis, key_terms) "
                       "VALUES ($1, 1, $2)",
            {std::int64_t{id}, key});
        ASSERT_TRUE(indexed.ok()) << indexed.error().cause;
    }
    auto upgraded = migrate(*lease, bundled_migrations(lease->backend()));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message << " " << upgraded.error().cause;
    const auto counts = [&](const std::string& sql) {
        return rows_read(*lease, sql, [](const Row& r) {
            return r.text(0) + ":" + std::to_string(r.integer(1));
        });
    };
    using Counts = std::vector<std::string>;
    EXPECT_EQ(counts("SELECT CAST(site_id AS TEXT), stories FROM site_listed_counts ORDER BY 1"),
              (Counts{"1:2", "2:1"}));
    EXPECT_EQ(counts("SELECT CAST(tag_id AS TEXT), stories FROM tag_listed_counts ORDER BY 1"),
              (Counts{"1:2", "2:1", "3:1"}));
    EXPECT_EQ(counts("SELECT term, stories FROM search_term_counts ORDER BY term"),
              (Counts{"crane:2", "ferry:1", "harbour:2"}));
}

// On PostgreSQL, 0037 gives each document already indexed its site, its place in time and the
// lexemes of its headline and of its headline and standfirst (weights A and B of its terms), and
// from then on a document follows its story when the story moves in time or to another site.
// SQLite's index is unchanged by 0037.
TEST_P(MigratorTest, SearchDocumentsAlreadyThereAreKeyedAndSplitByTier) {
    auto lease = with_stories_at(36).acquire();
    ASSERT_FALSE(HasFailure());
    if (lease->backend() != "postgres") GTEST_SKIP() << "SQLite's index is keyed since 0035";
    const auto indexed = lease->execute_script(
        "INSERT INTO search_documents (article_id, analysis, key_terms, terms) VALUES "
        "(1, 1, '', '''harbour'':1A ''crane'':3B,9 ''ferry'':5'),"
        "(2, 1, '', '''draft'':1A'),"
        "(4, 1, '', '''quay'':4')");
    ASSERT_TRUE(indexed.ok()) << indexed.error().cause;
    auto upgraded = migrate(*lease, bundled_migrations(lease->backend()));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message << " " << upgraded.error().cause;
    const auto documents = [&] {
        return rows_read(
            *lease,
            "SELECT article_id, site_id, search_key >> 31, search_key & 2147483647, "
            "CAST(headline_terms AS TEXT), CAST(lead_terms AS TEXT) FROM search_documents "
            "ORDER BY article_id",
            [](const Row& r) {
                return std::to_string(r.integer(0)) + " site " + std::to_string(r.integer(1)) +
                       " at " + std::to_string(r.integer(2)) + " id " +
                       std::to_string(r.integer(3)) + " [" + r.text(4) + "] [" + r.text(5) + "]";
            });
    };
    using Documents = std::vector<std::string>;
    EXPECT_EQ(documents(),
              (Documents{"1 site 1 at 100 id 1 ['harbour':1A] ['crane':3B 'harbour':1A]",
                         "2 site 1 at -4294967296 id 2 ['draft':1A] ['draft':1A]",
                         "4 site 2 at 200 id 4 [] []"}));
    ASSERT_TRUE(lease
                    ->execute_script("UPDATE articles SET first_published_at = 700 WHERE id = 2;"
                                     "UPDATE articles SET site_id = 1 WHERE id = 4;")
                    .ok());
    EXPECT_EQ(documents(),
              (Documents{"1 site 1 at 100 id 1 ['harbour':1A] ['crane':3B 'harbour':1A]",
                         "2 site 1 at 700 id 2 ['draft':1A] ['draft':1A]",
                         "4 site 1 at 200 id 4 [] []"}));
}

// 0039 keys the documents of stories dated before 1970 by their dates (they all had time 0) and
// those of stories never published by the earliest time, in SQLite's index tables as in
// search_documents, and from then on a story moved in time takes the new key.
TEST_P(MigratorTest, SearchKeysOfStoriesBefore1970AndDraftsAreMadeAgain) {
    auto lease = with_stories_at(38).acquire();
    ASSERT_FALSE(HasFailure());
    const bool postgres = lease->backend() == "postgres";
    ASSERT_TRUE(
        lease->execute_script("UPDATE articles SET first_published_at = -1000 WHERE id = 5").ok());
    // The keys as 0037 (PostgreSQL) and 0035 (SQLite) made them: time held to 0 and above.
    for (const auto& [id, key] : std::vector<std::pair<int, std::int64_t>>{
             {1, (std::int64_t{100} << 31) | 1}, {2, 2}, {5, 5}}) {
        auto indexed = lease->execute(
            postgres ? "INSERT INTO search_documents (article_id, analysis, key_terms, terms, "
                       "headline_terms, lead_terms, site_id, search_key) "
                       "VALUES ($1, 1, '', '', '', '', 1, $2)"
                     : "INSERT INTO search_documents (article_id, analysis, key_terms, search_key) "
                       "VALUES ($1, 1, '', $2)",
            {std::int64_t{id}, key});
        ASSERT_TRUE(indexed.ok()) << indexed.error().cause;
        if (postgres) continue;
        for (const char* sql : {"INSERT INTO search_index (rowid, headline) VALUES ($1, 'x')",
                                "INSERT INTO search_index_leads (rowid, headline) VALUES ($1, 'x')",
                                "INSERT INTO search_index_headlines (rowid, headline) "
                                "VALUES ($1, 'x')"}) {
            auto row = lease->execute(sql, {key});
            ASSERT_TRUE(row.ok()) << row.error().cause;
        }
    }
    auto upgraded = migrate(*lease, bundled_migrations(lease->backend()));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message << " " << upgraded.error().cause;

    // Each key read as its time and id; on SQLite each index table's rowids are the same keys.
    const auto keys = [&](const std::string& sql) {
        return rows_read(*lease, sql, [](const Row& r) {
            return std::to_string(r.integer(0) >> 31) + ":" +
                   std::to_string(r.integer(0) & 2147483647);
        });
    };
    using Keys = std::vector<std::string>;
    const auto expect_keys = [&](const Keys& expected) {
        EXPECT_EQ(keys("SELECT search_key FROM search_documents ORDER BY search_key"), expected);
        if (postgres) return;
        for (const char* table : {"search_index", "search_index_leads", "search_index_headlines"})
            EXPECT_EQ(keys(std::string("SELECT rowid FROM ") + table + " ORDER BY rowid"), expected)
                << table;
    };
    expect_keys({"-4294967296:2", "-1000:5", "100:1"});
    ASSERT_TRUE(
        lease->execute_script("UPDATE articles SET first_published_at = -5000 WHERE id = 1").ok());
    expect_keys({"-4294967296:2", "-5000:1", "-1000:5"});
}

// SQLite makes a table again to change a constraint (0012 does so with `articles`): the rows that
// refer to it must come through untouched, and foreign keys must hold afterwards.
TEST(SqliteMigrator, MakingATableAgainKeepsWhatRefersToIt) {
    testing_support::TempDir dir;
    auto opened = open_database("sqlite:" + (dir.path() / "old.db").string(), 1);
    ASSERT_TRUE(opened.ok());
    auto lease = (*opened)->acquire();
    const auto all = bundled_migrations("sqlite");
    ASSERT_GE(all.size(), 12u);
    ASSERT_EQ(all[10].version, 11);
    ASSERT_TRUE(migrate(*lease, all.subspan(0, 11)).ok());
    ASSERT_TRUE(
        lease
            ->execute_script(
                "INSERT INTO networks (id, slug, name) VALUES (1, 'n', 'N');"
                "INSERT INTO sites (id, network_id, slug, name, language, direction, "
                "time_zone, base_url) VALUES (1, 1, 's', 'S', 'en', 'ltr', 'UTC', 'http://s');"
                "INSERT INTO tags (id, site_id, slug, name) VALUES (1, 1, 't', 'T');"
                "INSERT INTO articles (id, site_id, slug, headline, status, "
                "first_published_at, updated_at, created_at) VALUES "
                "(1, 1, 'a', 'A', 'published', 10, 10, 10);"
                "INSERT INTO article_tags (article_id, tag_id, position, listed_at) "
                "VALUES (1, 1, 0, 10);"
                "INSERT INTO comments (site_id, article_id, author_name, email, title, body, "
                "status, "
                "created_at, content_digest) VALUES (1, 1, 'R', 'r@x.example', 'T', 'B', "
                "'approved', 11, 'd');")
            .ok());
    auto upgraded = migrate(*lease, all);
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message << " " << upgraded.error().cause;
    auto kept = lease->query(
        "SELECT a.status, a.revision, (SELECT COUNT(*) FROM article_tags), "
        "(SELECT COUNT(*) FROM comments) FROM articles a");
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 1u);
    EXPECT_EQ(kept->front().text(0), "published");
    EXPECT_EQ(kept->front().integer(1), 1);
    EXPECT_EQ(kept->front().integer(2), 1);
    EXPECT_EQ(kept->front().integer(3), 1);
    // Foreign keys are on again, and the new table's rows still cascade.
    EXPECT_FALSE(lease
                     ->execute("INSERT INTO article_tags (article_id, tag_id, position) "
                               "VALUES (42, 1, 0)")
                     .ok());
    ASSERT_TRUE(lease->execute("DELETE FROM articles WHERE id = 1").ok());
    auto left = lease->query(
        "SELECT (SELECT COUNT(*) FROM article_tags), "
        "(SELECT COUNT(*) FROM comments)");
    ASSERT_TRUE(left.ok());
    EXPECT_EQ(left->front().integer(0), 0);
    EXPECT_EQ(left->front().integer(1), 0);
}

// Checking every reference after an upgrade reads every row that refers to another (4 to 15 s
// at 100,000 stories a site), so only an upgrade that makes a table anew pays for it; the others
// write with foreign keys on, each statement checked. A reference left dangling before the
// upgrade (written here with foreign keys off) tells the two apart: the check finds it and the
// upgrade is refused whole; without a table made anew it is not looked for.
TEST(SqliteMigrator, OnlyAnUpgradeThatMakesATableAnewChecksEveryReference) {
    const auto all = bundled_migrations("sqlite");
    ASSERT_GE(all.size(), 38u);
    ASSERT_EQ(all[27].version, 28);  // 0028 makes wire_sources anew
    ASSERT_EQ(all[28].version, 29);
    const auto dangling_at = [&](const testing_support::TempDir& dir, std::size_t version) {
        auto opened = open_database("sqlite:" + (dir.path() / "d.db").string(), 1);
        EXPECT_TRUE(opened.ok());
        if (!opened.ok()) return std::pair{false, -1};
        auto lease = (*opened)->acquire();
        EXPECT_TRUE(migrate(*lease, all.subspan(0, version)).ok());
        EXPECT_TRUE(lease
                        ->execute_script("PRAGMA foreign_keys=OFF; INSERT INTO tags (id, site_id, "
                                         "slug, name) VALUES (1, 99, 't', 'T'); "
                                         "PRAGMA foreign_keys=ON;")
                        .ok());
        auto upgraded = migrate(*lease, all);
        auto version_now = schema_version(*lease);
        EXPECT_TRUE(version_now.ok());
        // Foreign keys are on after either way.
        EXPECT_FALSE(lease
                         ->execute("INSERT INTO tags (id, site_id, slug, name) "
                                   "VALUES (2, 98, 'u', 'U')")
                         .ok());
        return std::pair{upgraded.ok(), version_now.ok() ? *version_now : -1};
    };
    {
        testing_support::TempDir dir;
        const auto [ok, version] = dangling_at(dir, 27);
        EXPECT_FALSE(ok) << "0028 makes a table anew: every reference is checked";
        EXPECT_EQ(version, 27) << "and the upgrade is refused whole";
    }
    {
        testing_support::TempDir dir;
        const auto [ok, version] = dangling_at(dir, 28);
        EXPECT_TRUE(ok) << "no table made anew after 0028: no reference is read back";
        EXPECT_EQ(version, all.back().version);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::db
