-- A search, and related news' choice of candidates, read about the page they show instead of
-- every story that matches (storage/search_store.cpp). Kept in step with
-- migrations/sqlite/0037.
--
-- GIN gives its matches in no order, so ranking the newest meant fetching and sorting every
-- match, and a match in the headline or standfirst was told by reading the whole document back
-- (weights are not in the index): 30 ms for related news' candidates at 8,626 stories a site.
-- Now each document also keeps:
--   site_id, search_key  its site and its place in time, as SQLite's index keys it (0035):
--                        (min(max(first_published_at, 0), 2^32 - 1) << 31) | id;
--   headline_terms       the headline's lexemes (weight A of terms);
--   lead_terms           the headline's and standfirst's (weights A and B of terms);
-- and the three tsvectors share a GIN index with the site and the key beside them (btree_gin),
-- so that "these words, on this site, among its newest stories" is answered inside the index,
-- and each tier of a match is a plain match that needs no second look at the row.
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE search_documents
    ADD COLUMN site_id BIGINT,
    ADD COLUMN search_key BIGINT,
    ADD COLUMN headline_terms TSVECTOR,
    ADD COLUMN lead_terms TSVECTOR;
UPDATE search_documents d SET
    site_id = a.site_id,
    search_key = (LEAST(GREATEST(COALESCE(a.first_published_at, 0), 0), 4294967295) << 31) | a.id,
    headline_terms = ts_filter(d.terms, '{a}'),
    lead_terms = ts_filter(d.terms, '{a,b}')
    FROM articles a WHERE a.id = d.article_id;
ALTER TABLE search_documents
    ALTER COLUMN site_id SET NOT NULL,
    ALTER COLUMN search_key SET NOT NULL,
    ALTER COLUMN headline_terms SET NOT NULL,
    ALTER COLUMN lead_terms SET NOT NULL;

-- One index for them all: given a statement's conditions on one index, the planner makes one
-- scan of them all, where with an index per tier it could pick another tier's index for the site
-- alone and read every story of the site. Without a pending list (fastupdate off): every search
-- read the whole list of entries not yet merged, about 0.9 ms each at 868 of them, where a story
-- is saved a few times an hour.
DROP INDEX search_documents_terms;
CREATE INDEX search_documents_tiers ON search_documents
    USING GIN (headline_terms, lead_terms, terms, site_id, search_key) WITH (fastupdate = off);

-- Publishing, scheduling, calling off or moving a story moves its document without indexing it
-- again.
CREATE FUNCTION search_documents_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_documents SET
        site_id = NEW.site_id,
        search_key = (LEAST(GREATEST(COALESCE(NEW.first_published_at, 0), 0), 4294967295) << 31)
                     | NEW.id
        WHERE article_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER search_documents_follow_article
    AFTER UPDATE OF first_published_at, site_id ON articles
    FOR EACH ROW
    WHEN (NEW.first_published_at IS DISTINCT FROM OLD.first_published_at
          OR NEW.site_id IS DISTINCT FROM OLD.site_id)
    EXECUTE FUNCTION search_documents_follow_article();
