-- A search reads its index newest first and stops after the page it shows, instead of ranking
-- every story that matches (storage/search_store.cpp). Kept in step with
-- migrations/postgres/0035.
--
-- FTS5 gives its matches in rowid order, so a story's rows in the index now have as rowid its
-- search key: its publication time, then its id, in one integer
--   (min(max(first_published_at, 0), 2^32 - 1) << 31) | id
-- (`key_of_a` in storage/search_store.cpp writes the same; ids stay below 2^31). A story never
-- published has time 0 and comes last. search_documents keeps each story's key, so that its rows
-- can be found again when the story goes or moves in time.
--
-- A match in the headline ranks first, then one in the headline or summary, then the rest
-- (0022): each tier gets a table of its own, read newest first in turn, because a column filter
-- on one table still walks every story holding the term.
ALTER TABLE search_documents ADD COLUMN search_key INTEGER;
UPDATE search_documents SET search_key = (
    SELECT (min(max(coalesce(a.first_published_at, 0), 0), 4294967295) << 31) | a.id
    FROM articles a WHERE a.id = search_documents.article_id);

DELETE FROM search_index WHERE rowid NOT IN (SELECT article_id FROM search_documents);
UPDATE search_index SET rowid = (
    SELECT d.search_key FROM search_documents d WHERE d.article_id = search_index.rowid);

CREATE VIRTUAL TABLE search_index_leads USING fts5(
    headline, summary,
    tokenize = "ascii tokenchars '!#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);
INSERT INTO search_index_leads (rowid, headline, summary)
    SELECT rowid, headline, summary FROM search_index;
CREATE VIRTUAL TABLE search_index_headlines USING fts5(
    headline,
    tokenize = "ascii tokenchars '!#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);
INSERT INTO search_index_headlines (rowid, headline) SELECT rowid, headline FROM search_index;

DROP TRIGGER search_documents_removed;
CREATE TRIGGER search_documents_removed AFTER DELETE ON search_documents
BEGIN
    DELETE FROM search_index WHERE rowid = old.search_key;
    DELETE FROM search_index_leads WHERE rowid = old.search_key;
    DELETE FROM search_index_headlines WHERE rowid = old.search_key;
END;

-- Publishing, scheduling or calling off a story moves it in time without indexing it again.
CREATE TRIGGER search_key_follows_article AFTER UPDATE OF first_published_at ON articles
    WHEN NEW.first_published_at IS NOT OLD.first_published_at
BEGIN
    UPDATE search_index
        SET rowid = (min(max(coalesce(NEW.first_published_at, 0), 0), 4294967295) << 31) | NEW.id
        WHERE rowid = (SELECT search_key FROM search_documents WHERE article_id = NEW.id);
    UPDATE search_index_leads
        SET rowid = (min(max(coalesce(NEW.first_published_at, 0), 0), 4294967295) << 31) | NEW.id
        WHERE rowid = (SELECT search_key FROM search_documents WHERE article_id = NEW.id);
    UPDATE search_index_headlines
        SET rowid = (min(max(coalesce(NEW.first_published_at, 0), 0), 4294967295) << 31) | NEW.id
        WHERE rowid = (SELECT search_key FROM search_documents WHERE article_id = NEW.id);
    UPDATE search_documents
        SET search_key = (min(max(coalesce(NEW.first_published_at, 0), 0), 4294967295) << 31)
                         | NEW.id
        WHERE article_id = NEW.id;
END;
