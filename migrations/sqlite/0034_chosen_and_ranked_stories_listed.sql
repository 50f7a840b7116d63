-- A chosen story's and a ranked story's publication time while it is listed (NULL otherwise),
-- kept on the front page's and the most-read ranking's rows as related lists keep theirs (0033):
-- the home page and the section pages read which of them show without looking each story up,
-- which on SQLite followed its three bodies' overflow pages to `status` (docs/performance.md).
-- Written with the rows (storage/front_page_store.cpp, storage/readership_store.cpp) and kept up
-- to date here. Kept in step with migrations/postgres/0034.

-- A chosen story shows on its own site's front page only (0030).
ALTER TABLE front_page_stories ADD COLUMN listed_at INTEGER;
UPDATE front_page_stories SET listed_at = (
    SELECT a.first_published_at FROM articles a
    WHERE a.id = front_page_stories.article_id AND a.site_id = front_page_stories.site_id
      AND a.status IN ('published', 'scheduled'));

ALTER TABLE most_read ADD COLUMN listed_at INTEGER;
UPDATE most_read SET listed_at = (
    SELECT a.first_published_at FROM articles a
    WHERE a.id = most_read.article_id AND a.status IN ('published', 'scheduled'));

CREATE TRIGGER front_page_stories_follow_article
AFTER UPDATE OF status, first_published_at, site_id ON articles BEGIN
    UPDATE front_page_stories SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled')
              AND NEW.site_id = front_page_stories.site_id
             THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
END;
CREATE TRIGGER most_read_follow_article AFTER UPDATE OF status, first_published_at ON articles
BEGIN
    UPDATE most_read SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
END;
