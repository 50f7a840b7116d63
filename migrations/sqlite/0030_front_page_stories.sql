-- The editors' order of a site's home page: the stories they put at its top, the lead first.
-- Readers see them in this order, each while it is visible (a draft, an embargoed or an
-- unpublished story is skipped), with the newest stories after them. Placing or removing a story
-- changes its pages, the home page and its section's ('story' changes, as a byline does).
-- Kept in step with migrations/postgres/0030.
CREATE TABLE front_page_stories (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (site_id, position),
    UNIQUE (site_id, article_id)
);
CREATE TRIGGER front_page_stories_inserted AFTER INSERT ON front_page_stories BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', site_id, id, section_id FROM articles
    WHERE id = NEW.article_id AND status <> 'draft';
END;
CREATE TRIGGER front_page_stories_deleted AFTER DELETE ON front_page_stories BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', site_id, id, section_id FROM articles
    WHERE id = OLD.article_id AND status <> 'draft';
END;
