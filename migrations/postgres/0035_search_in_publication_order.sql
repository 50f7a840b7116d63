-- Kept in step with migrations/sqlite/0035, which gives SQLite's FTS5 index its stories in order
-- of publication so that a search stops after the page it shows. PostgreSQL's GIN index has no
-- order to give; its search is unchanged, so this version only records that the schema is at 35.
SELECT 1;
