-- The counts related news weighs rarity by (app/related_news.cpp), kept as stories change rather
-- than counted at each save: counting a site's listed stories, a tag's, and the stories naming a
-- term walked rows in proportion to the archive, so publishing slowed as the archive grew
-- (docs/performance.md). Kept in step with migrations/postgres/0036.

-- A site's listed stories that have a publication time.
CREATE TABLE site_listed_counts (
    site_id INTEGER PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    stories INTEGER NOT NULL
);
INSERT INTO site_listed_counts (site_id, stories)
    SELECT site_id, COUNT(*) FROM articles
    WHERE status IN ('published', 'scheduled') AND first_published_at IS NOT NULL
    GROUP BY site_id;

CREATE TRIGGER site_listed_counts_article_inserted AFTER INSERT ON articles
WHEN NEW.status IN ('published', 'scheduled') AND NEW.first_published_at IS NOT NULL
BEGIN
    INSERT INTO site_listed_counts (site_id, stories) VALUES (NEW.site_id, 1)
        ON CONFLICT (site_id) DO UPDATE SET stories = stories + 1;
END;
CREATE TRIGGER site_listed_counts_article_changed
AFTER UPDATE OF status, first_published_at, site_id ON articles
BEGIN
    UPDATE site_listed_counts SET stories = stories - 1
        WHERE site_id = OLD.site_id AND OLD.status IN ('published', 'scheduled')
          AND OLD.first_published_at IS NOT NULL;
    INSERT INTO site_listed_counts (site_id, stories)
        SELECT NEW.site_id, 1 WHERE NEW.status IN ('published', 'scheduled')
          AND NEW.first_published_at IS NOT NULL
        ON CONFLICT (site_id) DO UPDATE SET stories = stories + 1;
END;
CREATE TRIGGER site_listed_counts_article_deleted AFTER DELETE ON articles
WHEN OLD.status IN ('published', 'scheduled') AND OLD.first_published_at IS NOT NULL
BEGIN
    UPDATE site_listed_counts SET stories = stories - 1 WHERE site_id = OLD.site_id;
END;

-- A tag's listed stories: its article_tags rows with a listed time (0007 keeps them).
CREATE TABLE tag_listed_counts (
    tag_id INTEGER PRIMARY KEY REFERENCES tags (id) ON DELETE CASCADE,
    stories INTEGER NOT NULL
);
INSERT INTO tag_listed_counts (tag_id, stories)
    SELECT tag_id, COUNT(*) FROM article_tags WHERE listed_at IS NOT NULL GROUP BY tag_id;

CREATE TRIGGER tag_listed_counts_tag_inserted AFTER INSERT ON article_tags
WHEN NEW.listed_at IS NOT NULL
BEGIN
    INSERT INTO tag_listed_counts (tag_id, stories) VALUES (NEW.tag_id, 1)
        ON CONFLICT (tag_id) DO UPDATE SET stories = stories + 1;
END;
CREATE TRIGGER tag_listed_counts_tag_changed AFTER UPDATE OF listed_at, tag_id ON article_tags
WHEN (OLD.listed_at IS NULL) <> (NEW.listed_at IS NULL) OR OLD.tag_id <> NEW.tag_id
BEGIN
    UPDATE tag_listed_counts SET stories = stories - 1
        WHERE tag_id = OLD.tag_id AND OLD.listed_at IS NOT NULL;
    INSERT INTO tag_listed_counts (tag_id, stories)
        SELECT NEW.tag_id, 1 WHERE NEW.listed_at IS NOT NULL
        ON CONFLICT (tag_id) DO UPDATE SET stories = stories + 1;
END;
CREATE TRIGGER tag_listed_counts_tag_deleted AFTER DELETE ON article_tags
WHEN OLD.listed_at IS NOT NULL
BEGIN
    UPDATE tag_listed_counts SET stories = stories - 1 WHERE tag_id = OLD.tag_id;
END;

-- How many indexed stories name a term among their key terms (search_documents.key_terms, split
-- at spaces). A trigger cannot split the text, so storage/search_store.cpp keeps these with each
-- story's document; the stories' rows are never deleted but with their site.
CREATE TABLE search_term_counts (
    term TEXT PRIMARY KEY,
    stories INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO search_term_counts (term, stories)
    WITH RECURSIVE split (article_id, term, rest) AS (
        SELECT article_id, '', key_terms || ' ' FROM search_documents
        UNION ALL
        SELECT article_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
        FROM split WHERE rest <> ''
    )
    SELECT term, COUNT(DISTINCT article_id) FROM split WHERE term <> '' GROUP BY term;
