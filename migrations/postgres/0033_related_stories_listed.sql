-- A related story's publication time while it is listed (NULL otherwise), kept on the list's row,
-- as bylines and tag links keep their story's (0007, 0024): a story page reads its related list
-- from one index and stops after the stories it shows, instead of looking each related story up
-- to see whether it is still listed. Written with the list (storage/related_store.cpp) and kept
-- up to date here. Kept in step with migrations/sqlite/0033.

-- Only a new weight changes what a list shows on its story's page (0023): the column below
-- follows changes that reach that page through the related story itself.
DROP TRIGGER related_stories_changed ON related_stories;
CREATE TRIGGER related_stories_changed AFTER INSERT OR UPDATE OF weight OR DELETE
    ON related_stories FOR EACH ROW EXECUTE FUNCTION dateline_notify_related_change();

ALTER TABLE related_stories ADD COLUMN related_listed_at BIGINT;
UPDATE related_stories r SET related_listed_at = a.first_published_at
    FROM articles a WHERE a.id = r.related_id AND a.status IN ('published', 'scheduled');
DROP INDEX related_stories_order;
CREATE INDEX related_stories_order
    ON related_stories (article_id, weight, related_id, related_listed_at);

CREATE FUNCTION related_stories_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE related_stories SET related_listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE related_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER related_stories_follow_article AFTER UPDATE OF status, first_published_at
    ON articles FOR EACH ROW EXECUTE FUNCTION related_stories_follow_article();
