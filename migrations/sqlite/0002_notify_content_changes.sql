-- Kept in step with migrations/postgres/0002. SQLite needs no triggers to tell a node that the
-- content changed: `PRAGMA data_version` moves whenever another connection commits
-- (db/change_watcher.hpp), so this version only records that the schema is at 2.
SELECT 1;
