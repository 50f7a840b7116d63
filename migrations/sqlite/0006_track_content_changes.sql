-- What changed in the content, so that each node drops only the pages a change touches
-- (db/change_watcher.hpp). `PRAGMA data_version` alone moves on every commit, rate-limit counters
-- and spent tokens included, and says nothing of what changed. Kept in step with
-- migrations/postgres/0006, which sends the same scopes as notifications.
--   network: the network, its sites and their sections: every page, and the sites reloaded
--   site:    a story of the site came, went or changed: the site's pages
--   article: the comments shown under one story: that story's pages

CREATE TABLE content_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL CHECK (scope IN ('network', 'site', 'article')),
    site_id INTEGER,
    article_id INTEGER,
    changed_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE INDEX content_changes_age ON content_changes (changed_at);

CREATE TRIGGER networks_inserted AFTER INSERT ON networks
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER networks_updated AFTER UPDATE ON networks
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER networks_deleted AFTER DELETE ON networks
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER sites_inserted AFTER INSERT ON sites
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER sites_updated AFTER UPDATE ON sites
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER sites_deleted AFTER DELETE ON sites
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER site_social_links_inserted AFTER INSERT ON site_social_links
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER site_social_links_updated AFTER UPDATE ON site_social_links
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER site_social_links_deleted AFTER DELETE ON site_social_links
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER sections_inserted AFTER INSERT ON sections
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER sections_updated AFTER UPDATE ON sections
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER sections_deleted AFTER DELETE ON sections
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;

-- A story readers can see (anything but a draft) came, went or changed.
CREATE TRIGGER articles_inserted AFTER INSERT ON articles WHEN NEW.status <> 'draft'
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
CREATE TRIGGER articles_updated AFTER UPDATE ON articles
    WHEN NEW.status <> 'draft' OR OLD.status <> 'draft'
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
CREATE TRIGGER articles_deleted AFTER DELETE ON articles WHEN OLD.status <> 'draft'
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', OLD.site_id); END;
CREATE TRIGGER article_authors_inserted AFTER INSERT ON article_authors BEGIN
    INSERT INTO content_changes (scope, site_id)
    SELECT 'site', site_id FROM articles WHERE id = NEW.article_id AND status <> 'draft'; END;
CREATE TRIGGER article_authors_deleted AFTER DELETE ON article_authors BEGIN
    INSERT INTO content_changes (scope, site_id)
    SELECT 'site', site_id FROM articles WHERE id = OLD.article_id AND status <> 'draft'; END;
CREATE TRIGGER article_tags_inserted AFTER INSERT ON article_tags BEGIN
    INSERT INTO content_changes (scope, site_id)
    SELECT 'site', site_id FROM articles WHERE id = NEW.article_id AND status <> 'draft'; END;
CREATE TRIGGER article_tags_deleted AFTER DELETE ON article_tags BEGIN
    INSERT INTO content_changes (scope, site_id)
    SELECT 'site', site_id FROM articles WHERE id = OLD.article_id AND status <> 'draft'; END;
-- New tags, authors and pictures show only once a story uses them; renamed ones show at once.
CREATE TRIGGER tags_updated AFTER UPDATE ON tags
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
CREATE TRIGGER tags_deleted AFTER DELETE ON tags
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', OLD.site_id); END;
CREATE TRIGGER authors_updated AFTER UPDATE ON authors
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
CREATE TRIGGER authors_deleted AFTER DELETE ON authors
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', OLD.site_id); END;
CREATE TRIGGER media_updated AFTER UPDATE ON media
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;
CREATE TRIGGER media_deleted AFTER DELETE ON media
    BEGIN INSERT INTO content_changes (scope) VALUES ('network'); END;

-- Only approved comments show: a pending one, or a rejected one, changes no page.
CREATE TRIGGER comments_inserted AFTER INSERT ON comments WHEN NEW.status = 'approved'
    BEGIN INSERT INTO content_changes (scope, site_id, article_id)
          VALUES ('article', NEW.site_id, NEW.article_id); END;
CREATE TRIGGER comments_updated AFTER UPDATE ON comments
    WHEN NEW.status = 'approved' OR OLD.status = 'approved'
    BEGIN INSERT INTO content_changes (scope, site_id, article_id)
          VALUES ('article', NEW.site_id, NEW.article_id); END;
CREATE TRIGGER comments_deleted AFTER DELETE ON comments WHEN OLD.status = 'approved'
    BEGIN INSERT INTO content_changes (scope, site_id, article_id)
          VALUES ('article', OLD.site_id, OLD.article_id); END;
