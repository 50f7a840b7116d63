#include "db/migrator.hpp"

#include <string>

namespace dateline::db {

Result<int> migrate(Connection& c, std::span<const Migration> migrations) {
    if (auto s = c.execute_script(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        !s)
        return s.error();
    auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows) return rows.error();
    const auto current = rows->front().integer(0);
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (current > newest)
        return Error::invalid("The database is at schema version " + std::to_string(current) +
                              ", newer than this program knows (" + std::to_string(newest) +
                              "). Upgrade Dateline.");
    int applied = 0;
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        if (auto s = c.begin_write(); !s) return s.error();
        auto done = c.execute_script(m.sql);
        if (done) {
            auto recorded =
                c.execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                          {std::int64_t{m.version}, std::string(m.name)});
            if (!recorded) done = recorded.error();
        }
        if (done) done = c.commit();
        if (!done) {
            (void)c.rollback();
            Error e = done.error();
            e.message = "Migration " + std::string(m.name) + " failed: " + e.message;
            return e;
        }
        ++applied;
    }
    return applied;
}

}  // namespace dateline::db
