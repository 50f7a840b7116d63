-- Each story's related news, chosen when the story is published or changed (app/related_news):
-- the stories that share its tags and key terms, weighted by how close in time they are, best
-- first. A story page reads its list by key, whatever the size of the archive. Kept in step with
-- migrations/sqlite/0023.
CREATE TABLE related_stories (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    weight DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, related_id)
);
-- A story's list in reading order, and the lists that name a story.
CREATE INDEX related_stories_order ON related_stories (article_id, weight, related_id);
CREATE INDEX related_stories_related ON related_stories (related_id, article_id);

-- A list shows on its story's own page: a change to it drops that page (article:<site>:<story>,
-- as the story's comments do).
CREATE FUNCTION dateline_notify_related_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    story articles%ROWTYPE;
BEGIN
    SELECT * INTO story FROM articles
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
    IF FOUND AND story.status <> 'draft' THEN
        PERFORM pg_notify('dateline_content', 'article:' || story.site_id || ':' || story.id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER related_stories_changed AFTER INSERT OR UPDATE OR DELETE ON related_stories
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_related_change();
