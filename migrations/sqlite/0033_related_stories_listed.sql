-- A related story's publication time while it is listed (NULL otherwise), kept on the list's row,
-- as bylines and tag links keep their story's (0007, 0024): a story page reads its related list
-- from one index and stops after the stories it shows. It looked each related story up to see
-- whether it was still listed, and SQLite keeps `status` and `first_published_at` after the
-- story's three bodies, so each look followed their overflow pages (docs/performance.md).
-- Written with the list (storage/related_store.cpp) and kept up to date here. Kept in step with
-- migrations/postgres/0033.

-- Only a new weight changes what a list shows on its story's page (0023): the column below
-- follows changes that reach that page through the related story itself.
DROP TRIGGER related_stories_updated;
CREATE TRIGGER related_stories_updated AFTER UPDATE OF weight ON related_stories BEGIN
    INSERT INTO content_changes (scope, site_id, article_id)
    SELECT 'article', site_id, id FROM articles WHERE id = NEW.article_id AND status <> 'draft';
END;

ALTER TABLE related_stories ADD COLUMN related_listed_at INTEGER;
UPDATE related_stories SET related_listed_at = (
    SELECT a.first_published_at FROM articles a
    WHERE a.id = related_stories.related_id AND a.status IN ('published', 'scheduled'));
DROP INDEX related_stories_order;
CREATE INDEX related_stories_order
    ON related_stories (article_id, weight, related_id, related_listed_at);

CREATE TRIGGER related_stories_follow_article AFTER UPDATE OF status, first_published_at ON articles
BEGIN
    UPDATE related_stories SET related_listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE related_id = NEW.id;
END;
