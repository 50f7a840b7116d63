-- A chosen story's and a ranked story's publication time while it is listed (NULL otherwise),
-- kept on the front page's and the most-read ranking's rows as related lists keep theirs (0033):
-- the home page and the section pages read which of them show without looking each story up
-- (docs/performance.md). Written with the rows (storage/front_page_store.cpp,
-- storage/readership_store.cpp) and kept up to date here. Kept in step with
-- migrations/sqlite/0034.

-- A chosen story shows on its own site's front page only (0030).
ALTER TABLE front_page_stories ADD COLUMN listed_at BIGINT;
UPDATE front_page_stories f SET listed_at = a.first_published_at
    FROM articles a
    WHERE a.id = f.article_id AND a.site_id = f.site_id
      AND a.status IN ('published', 'scheduled');

ALTER TABLE most_read ADD COLUMN listed_at BIGINT;
UPDATE most_read m SET listed_at = a.first_published_at
    FROM articles a WHERE a.id = m.article_id AND a.status IN ('published', 'scheduled');

CREATE FUNCTION front_page_stories_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE front_page_stories SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled')
              AND NEW.site_id = front_page_stories.site_id
             THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER front_page_stories_follow_article
    AFTER UPDATE OF status, first_published_at, site_id ON articles
    FOR EACH ROW EXECUTE FUNCTION front_page_stories_follow_article();

CREATE FUNCTION most_read_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE most_read SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER most_read_follow_article AFTER UPDATE OF status, first_published_at ON articles
    FOR EACH ROW EXECUTE FUNCTION most_read_follow_article();
