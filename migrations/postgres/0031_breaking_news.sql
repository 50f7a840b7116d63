-- A site's breaking-news banner: one line across the top of every page of the site, linking to
-- the story, until a time the editor chose. Setting or taking it down changes every page of the
-- site ('site'); a story that readers can no longer see (unpublished, back to a draft, deleted)
-- takes its banner down with it. Kept in step with migrations/sqlite/0031.
CREATE TABLE breaking_news (
    site_id BIGINT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    shown_until BIGINT NOT NULL
);
CREATE INDEX breaking_news_article ON breaking_news (article_id);
CREATE TRIGGER breaking_news_changed AFTER INSERT OR UPDATE OR DELETE ON breaking_news
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_site_row_change();

CREATE FUNCTION dateline_withdraw_breaking_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM breaking_news WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER breaking_news_story_withdrawn AFTER UPDATE OF status ON articles FOR EACH ROW
    WHEN (NEW.status NOT IN ('published', 'scheduled'))
    EXECUTE FUNCTION dateline_withdraw_breaking_news();
