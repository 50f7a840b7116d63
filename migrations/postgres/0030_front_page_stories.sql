-- The editors' order of a site's home page: the stories they put at its top, the lead first.
-- Readers see them in this order, each while it is visible (a draft, an embargoed or an
-- unpublished story is skipped), with the newest stories after them. Placing or removing a story
-- changes its pages, the home page and its section's ('story' changes, as a byline does).
-- Kept in step with migrations/sqlite/0030.
CREATE TABLE front_page_stories (
    site_id BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (site_id, position),
    UNIQUE (site_id, article_id)
);
CREATE TRIGGER front_page_stories_changed AFTER INSERT OR DELETE ON front_page_stories
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_article_link_change();
