-- A story's search key keeps its time signed, so that stories dated before 1970 (an archive's)
-- keep their order in a search instead of all taking time 0 and ranking by id
-- (storage/search_store.cpp, `key_sql`). Kept in step with migrations/sqlite/0039.
--
--   LEAST(GREATEST(COALESCE(first_published_at, -2^32), -2^32), 2^32 - 1) * 2^31 + id
--
-- Stories never published now take the earliest time, last of all newest first as before. Only
-- the keys of stories dated before 1970 or never published change (both had time 0: their keys
-- were below 2^31).
CREATE OR REPLACE FUNCTION search_documents_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_documents SET
        site_id = NEW.site_id,
        search_key = LEAST(GREATEST(COALESCE(NEW.first_published_at, -4294967296), -4294967296),
                           4294967295) * 2147483648 + NEW.id
        WHERE article_id = NEW.id;
    RETURN NULL;
END $$;

UPDATE search_documents d SET
    search_key = LEAST(GREATEST(COALESCE(a.first_published_at, -4294967296), -4294967296),
                       4294967295) * 2147483648 + a.id
    FROM articles a
    WHERE a.id = d.article_id AND d.search_key < 2147483648;
