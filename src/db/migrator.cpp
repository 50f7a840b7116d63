#include "db/migrator.hpp"

#include <string>

#include "core/ascii.hpp"

namespace dateline::db {

namespace {

// Any constant will do: it only has to be the same for every Dateline process.
constexpr const char* postgres_migration_lock = "SELECT pg_advisory_xact_lock(7461293)";

// Whether a SQLite migration makes a table anew (drops one, renames one into its place): the only
// change that needs foreign keys off. A mention in a comment only costs the slower, safe path.
bool makes_a_table_anew(std::string_view sql) {
    return contains_ignoring_ascii_case(sql, "drop table") ||
           contains_ignoring_ascii_case(sql, "rename to");
}

// Whether any migration the database lacks makes a table anew, as far as a look without the
// lock tells. Under the lock the database can only have moved on, so what is then applied is
// among these.
bool pending_make_a_table_anew(Connection& c, std::span<const Migration> migrations) {
    int version = 0;  // no schema_migrations yet: a new database, every migration pending
    if (auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        version = static_cast<int>(rows->front().integer(0));
    for (const auto& m : migrations)
        if (m.version > version && makes_a_table_anew(m.sql)) return true;
    return false;
}

}  // namespace

Result<int> migrate(Connection& c, std::span<const Migration> migrations) {
    // One transaction, taken with the write lock before the version is read: two processes
    // starting together (init and serve, two nodes) apply each migration once, the second one
    // finding the work done. SQLite's BEGIN IMMEDIATE is that lock; PostgreSQL needs an advisory
    // lock since DDL alone does not serialise the version check.
    //
    // SQLite alters some things (a CHECK constraint, a column's type) only by making the table
    // again, which must not cascade to the rows that refer to it: its documented procedure turns
    // foreign keys off (outside any transaction, where the pragma has effect) and checks them all
    // before committing. That check reads every row that refers to another (4 to 15 s at
    // 100,000 stories a site), so only migrations that make a table anew take it; the others run
    // with foreign keys on, each statement checked as it writes. PostgreSQL alters tables in place.
    const bool keys_off = c.backend() == "sqlite" && pending_make_a_table_anew(c, migrations);
    if (keys_off)
        if (auto s = c.execute_script("PRAGMA foreign_keys=OFF"); !s) return s.error();
    auto restore_foreign_keys = [&] {
        if (keys_off) (void)c.execute_script("PRAGMA foreign_keys=ON");
    };
    if (auto s = c.begin_write(); !s) {
        restore_foreign_keys();
        return s.error();
    }
    auto fail = [&](Error e) -> Result<int> {
        (void)c.rollback();
        restore_foreign_keys();
        return e;
    };
    if (c.backend() == "postgres") {
        if (auto locked = c.query(postgres_migration_lock); !locked) return fail(locked.error());
        // A reader's statement gives up after the connection's timeout (db/postgres_database.cpp);
        // a migration rewrites whole tables and must finish, or every start fails the same way.
        if (auto s = c.execute("SET LOCAL statement_timeout = 0"); !s) return fail(s.error());
    }
    if (auto s = c.execute_script(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        !s)
        return fail(s.error());
    auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows) return fail(rows.error());
    const auto current = rows->front().integer(0);
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (current > newest)
        return fail(Error::invalid("The database is at schema version " + std::to_string(current) +
                                   ", newer than this program knows (" + std::to_string(newest) +
                                   "). Upgrade Dateline."));
    int applied = 0;
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        auto done = c.execute_script(m.sql);
        if (done) {
            auto recorded =
                c.execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                          {std::int64_t{m.version}, std::string(m.name)});
            if (!recorded) done = recorded.error();
        }
        if (!done) {
            Error e = done.error();
            e.message = "Migration " + std::string(m.name) + " failed: " + e.message;
            return fail(e);
        }
        ++applied;
    }
    if (keys_off && applied > 0) {
        auto broken = c.query("PRAGMA foreign_key_check");
        if (!broken) return fail(broken.error());
        if (!broken->empty())
            return fail(Error::internal("The migrations left rows of " + broken->front().text(0) +
                                        " referring to rows that do not exist."));
    }
    if (auto committed = c.commit(); !committed) return fail(committed.error());
    restore_foreign_keys();
    return applied;
}

Result<int> schema_version(Connection& c) {
    auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows) return rows.error();
    return static_cast<int>(rows->front().integer(0));
}

Status check_schema(Connection& c) {
    const auto migrations = bundled_migrations(c.backend());
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    auto current = schema_version(c);
    if (!current)
        return Error::unavailable("The database cannot be read.",
                                  current.error().message + " (" + current.error().cause + ")");
    if (*current != newest)
        return Error::unavailable("The database is at schema version " + std::to_string(*current) +
                                  ", this program's is " + std::to_string(newest) + ".");
    return success();
}

}  // namespace dateline::db
