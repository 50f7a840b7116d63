-- Each story's related news, chosen when the story is published or changed (app/related_news):
-- the stories that share its tags and key terms, weighted by how close in time they are, best
-- first. A story page reads its list by key, whatever the size of the archive. Kept in step with
-- migrations/postgres/0023.
CREATE TABLE related_stories (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    weight REAL NOT NULL,
    PRIMARY KEY (article_id, related_id)
);
-- A story's list in reading order, and the lists that name a story.
CREATE INDEX related_stories_order ON related_stories (article_id, weight, related_id);
CREATE INDEX related_stories_related ON related_stories (related_id, article_id);

-- A list shows on its story's own page: a change to it drops that page ('article', as the
-- story's comments do).
CREATE TRIGGER related_stories_inserted AFTER INSERT ON related_stories BEGIN
    INSERT INTO content_changes (scope, site_id, article_id)
    SELECT 'article', site_id, id FROM articles WHERE id = NEW.article_id AND status <> 'draft';
END;
CREATE TRIGGER related_stories_updated AFTER UPDATE ON related_stories BEGIN
    INSERT INTO content_changes (scope, site_id, article_id)
    SELECT 'article', site_id, id FROM articles WHERE id = NEW.article_id AND status <> 'draft';
END;
CREATE TRIGGER related_stories_deleted AFTER DELETE ON related_stories BEGIN
    INSERT INTO content_changes (scope, site_id, article_id)
    SELECT 'article', site_id, id FROM articles WHERE id = OLD.article_id AND status <> 'draft';
END;
