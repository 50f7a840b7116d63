-- Kept in step with migrations/postgres/0037, which gives PostgreSQL's search index the order of
-- publication SQLite's FTS5 index has had since 0035. SQLite's index is unchanged, so this
-- version only records that the schema is at 37.
SELECT 1;
