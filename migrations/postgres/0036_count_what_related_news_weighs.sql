-- The counts related news weighs rarity by (app/related_news.cpp), kept as stories change rather
-- than counted at each save: counting a site's listed stories, a tag's, and the stories naming a
-- term walked rows in proportion to the archive, so publishing slowed as the archive grew
-- (docs/performance.md). Writers of stories take the write turn (storage/article_store.cpp), so
-- these rows are never updated by two transactions at once. Kept in step with
-- migrations/sqlite/0036.

-- A site's listed stories that have a publication time.
CREATE TABLE site_listed_counts (
    site_id BIGINT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    stories BIGINT NOT NULL
);
INSERT INTO site_listed_counts (site_id, stories)
    SELECT site_id, COUNT(*) FROM articles
    WHERE status IN ('published', 'scheduled') AND first_published_at IS NOT NULL
    GROUP BY site_id;

CREATE FUNCTION site_listed_counts_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('published', 'scheduled')
       AND OLD.first_published_at IS NOT NULL THEN
        UPDATE site_listed_counts SET stories = stories - 1 WHERE site_id = OLD.site_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('published', 'scheduled')
       AND NEW.first_published_at IS NOT NULL THEN
        INSERT INTO site_listed_counts (site_id, stories) VALUES (NEW.site_id, 1)
            ON CONFLICT (site_id) DO UPDATE SET stories = site_listed_counts.stories + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER site_listed_counts_follow_article
    AFTER INSERT OR DELETE OR UPDATE OF status, first_published_at, site_id ON articles
    FOR EACH ROW EXECUTE FUNCTION site_listed_counts_follow_article();

-- A tag's listed stories: its article_tags rows with a listed time (0007 keeps them).
CREATE TABLE tag_listed_counts (
    tag_id BIGINT PRIMARY KEY REFERENCES tags (id) ON DELETE CASCADE,
    stories BIGINT NOT NULL
);
INSERT INTO tag_listed_counts (tag_id, stories)
    SELECT tag_id, COUNT(*) FROM article_tags WHERE listed_at IS NOT NULL GROUP BY tag_id;

CREATE FUNCTION tag_listed_counts_follow_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.listed_at IS NOT NULL THEN
        UPDATE tag_listed_counts SET stories = stories - 1 WHERE tag_id = OLD.tag_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.listed_at IS NOT NULL THEN
        INSERT INTO tag_listed_counts (tag_id, stories) VALUES (NEW.tag_id, 1)
            ON CONFLICT (tag_id) DO UPDATE SET stories = tag_listed_counts.stories + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tag_listed_counts_follow_tag
    AFTER INSERT OR DELETE OR UPDATE OF listed_at, tag_id ON article_tags
    FOR EACH ROW EXECUTE FUNCTION tag_listed_counts_follow_tag();

-- How many indexed stories name a term among their key terms (search_documents.key_terms, split
-- at spaces), kept with each story's document by storage/search_store.cpp as on SQLite, where a
-- trigger cannot split the text.
CREATE TABLE search_term_counts (
    term TEXT PRIMARY KEY,
    stories BIGINT NOT NULL
);
INSERT INTO search_term_counts (term, stories)
    SELECT term, COUNT(DISTINCT d.article_id)
    FROM search_documents d, regexp_split_to_table(d.key_terms, ' ') AS term
    WHERE term <> '' GROUP BY term;
