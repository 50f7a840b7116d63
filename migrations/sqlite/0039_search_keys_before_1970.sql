-- A story's search key keeps its time signed, so that stories dated before 1970 (an archive's)
-- keep their order in a search instead of all taking time 0 and ranking by id
-- (storage/search_store.cpp, `key_sql`). Kept in step with migrations/postgres/0039.
--
--   min(max(coalesce(first_published_at, -2^32), -2^32), 2^32 - 1) * 2^31 + id
--
-- Stories never published now take the earliest time, last of all newest first as before. Only
-- the keys of stories dated before 1970 or never published change (both had time 0: their keys
-- were below 2^31).
DROP TRIGGER search_key_follows_article;
CREATE TRIGGER search_key_follows_article AFTER UPDATE OF first_published_at ON articles
    WHEN NEW.first_published_at IS NOT OLD.first_published_at
BEGIN
    UPDATE search_index
        SET rowid = min(max(coalesce(NEW.first_published_at, -4294967296), -4294967296),
                        4294967295) * 2147483648 + NEW.id
        WHERE rowid = (SELECT search_key FROM search_documents WHERE article_id = NEW.id);
    UPDATE search_index_leads
        SET rowid = min(max(coalesce(NEW.first_published_at, -4294967296), -4294967296),
                        4294967295) * 2147483648 + NEW.id
        WHERE rowid = (SELECT search_key FROM search_documents WHERE article_id = NEW.id);
    UPDATE search_index_headlines
        SET rowid = min(max(coalesce(NEW.first_published_at, -4294967296), -4294967296),
                        4294967295) * 2147483648 + NEW.id
        WHERE rowid = (SELECT search_key FROM search_documents WHERE article_id = NEW.id);
    UPDATE search_documents
        SET search_key = min(max(coalesce(NEW.first_published_at, -4294967296), -4294967296),
                             4294967295) * 2147483648 + NEW.id
        WHERE article_id = NEW.id;
END;

-- The documents' keys first: those of time 0 (below 2^31) are the ones that may change, found
-- without reading every story's row (a large archive's whole file). The stories' rows in the
-- index tables then move from their old keys, which were their ids, to the new ones, all below 0.
UPDATE search_documents SET search_key = (
    SELECT min(max(coalesce(a.first_published_at, -4294967296), -4294967296), 4294967295)
           * 2147483648 + a.id
    FROM articles a WHERE a.id = search_documents.article_id)
    WHERE search_key < 2147483648;
UPDATE search_index
    SET rowid = (SELECT search_key FROM search_documents WHERE article_id = search_index.rowid)
    WHERE rowid IN (SELECT article_id FROM search_documents WHERE search_key < 0);
UPDATE search_index_leads
    SET rowid = (SELECT search_key FROM search_documents
                 WHERE article_id = search_index_leads.rowid)
    WHERE rowid IN (SELECT article_id FROM search_documents WHERE search_key < 0);
UPDATE search_index_headlines
    SET rowid = (SELECT search_key FROM search_documents
                 WHERE article_id = search_index_headlines.rowid)
    WHERE rowid IN (SELECT article_id FROM search_documents WHERE search_key < 0);
