-- A site's breaking-news banner: one line across the top of every page of the site, linking to
-- the story, until a time the editor chose. Setting or taking it down changes every page of the
-- site ('site'); a story that readers can no longer see (unpublished, back to a draft, deleted)
-- takes its banner down with it. Kept in step with migrations/postgres/0031.
CREATE TABLE breaking_news (
    site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    shown_until INTEGER NOT NULL
);
CREATE INDEX breaking_news_article ON breaking_news (article_id);
CREATE TRIGGER breaking_news_inserted AFTER INSERT ON breaking_news
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
CREATE TRIGGER breaking_news_updated AFTER UPDATE ON breaking_news
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
CREATE TRIGGER breaking_news_deleted AFTER DELETE ON breaking_news
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', OLD.site_id); END;
CREATE TRIGGER breaking_news_story_withdrawn AFTER UPDATE OF status ON articles
    WHEN NEW.status NOT IN ('published', 'scheduled')
    BEGIN DELETE FROM breaking_news WHERE article_id = NEW.id; END;
