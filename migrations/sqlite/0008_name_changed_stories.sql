-- A change names the story, section and tags it touched, so that a node drops the pages that show
-- them instead of every page of the site: publishing a story during breaking news leaves the long
-- tail of other stories' pages cached. Kept in step with migrations/postgres/0008.
--   story:   a listed story came, went or changed: the pages showing it (its own, listings and
--            related news that carry its card), the site's home and its section's listing
--   tag:     a listed story joined or left a tag: the tag's listing
-- (network, site and article keep their meaning from 0006.)

DROP TRIGGER articles_inserted;
DROP TRIGGER articles_updated;
DROP TRIGGER articles_deleted;
DROP TRIGGER article_authors_inserted;
DROP TRIGGER article_authors_deleted;
DROP TRIGGER article_tags_inserted;
DROP TRIGGER article_tags_deleted;

-- The scopes are a CHECK constraint: the table is made again (its rows live an hour at most, and
-- nodes read it from the start after an upgrade).
DROP TABLE content_changes;
CREATE TABLE content_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL CHECK (scope IN ('network', 'site', 'story', 'tag', 'article')),
    site_id INTEGER,
    article_id INTEGER,
    section_id INTEGER,
    tag_id INTEGER,
    changed_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX content_changes_age ON content_changes (changed_at);

-- A story readers can see (anything but a draft) came, went or changed; moved to another section,
-- it leaves the old section's listing too.
CREATE TRIGGER articles_inserted AFTER INSERT ON articles WHEN NEW.status <> 'draft' BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    VALUES ('story', NEW.site_id, NEW.id, NEW.section_id);
END;
CREATE TRIGGER articles_updated AFTER UPDATE ON articles
    WHEN NEW.status <> 'draft' OR OLD.status <> 'draft' BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    VALUES ('story', NEW.site_id, NEW.id, NEW.section_id);
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', OLD.site_id, OLD.id, OLD.section_id WHERE OLD.section_id IS NOT NEW.section_id;
END;
CREATE TRIGGER articles_deleted AFTER DELETE ON articles WHEN OLD.status <> 'draft' BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    VALUES ('story', OLD.site_id, OLD.id, OLD.section_id);
END;

-- A byline shows on the story's card and page.
CREATE TRIGGER article_authors_inserted AFTER INSERT ON article_authors BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', site_id, id, section_id FROM articles
    WHERE id = NEW.article_id AND status <> 'draft';
END;
CREATE TRIGGER article_authors_deleted AFTER DELETE ON article_authors BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', site_id, id, section_id FROM articles
    WHERE id = OLD.article_id AND status <> 'draft';
END;

-- A listed story joined or left a tag (listed_at, 0007, says whether it is listed).
CREATE TRIGGER article_tags_inserted AFTER INSERT ON article_tags WHEN NEW.listed_at IS NOT NULL
BEGIN
    INSERT INTO content_changes (scope, site_id, tag_id)
    SELECT 'tag', site_id, NEW.tag_id FROM tags WHERE id = NEW.tag_id;
END;
CREATE TRIGGER article_tags_deleted AFTER DELETE ON article_tags WHEN OLD.listed_at IS NOT NULL
BEGIN
    INSERT INTO content_changes (scope, site_id, tag_id)
    SELECT 'tag', site_id, OLD.tag_id FROM tags WHERE id = OLD.tag_id;
END;
CREATE TRIGGER article_tags_listed AFTER UPDATE OF listed_at ON article_tags
    WHEN NEW.listed_at IS NOT OLD.listed_at BEGIN
    INSERT INTO content_changes (scope, site_id, tag_id)
    SELECT 'tag', site_id, NEW.tag_id FROM tags WHERE id = NEW.tag_id;
END;

-- Saving a story "ensures" its tags and authors with an upsert that rewrites the row unchanged;
-- only a real rename shows on every page of the site.
DROP TRIGGER tags_updated;
CREATE TRIGGER tags_updated AFTER UPDATE ON tags
    WHEN NEW.name IS NOT OLD.name OR NEW.slug IS NOT OLD.slug
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
DROP TRIGGER authors_updated;
CREATE TRIGGER authors_updated AFTER UPDATE ON authors
    WHEN NEW.name IS NOT OLD.name OR NEW.slug IS NOT OLD.slug OR NEW.role IS NOT OLD.role
    BEGIN INSERT INTO content_changes (scope, site_id) VALUES ('site', NEW.site_id); END;
