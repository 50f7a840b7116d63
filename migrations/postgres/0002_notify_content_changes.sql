-- Every change to the content, whoever makes it, notifies the channel the nodes LISTEN on, so each
-- node drops its cached pages and site settings (db/change_watcher.hpp). Statement-level
-- triggers: one notification per statement, delivered at commit, collapsed within a transaction.

CREATE FUNCTION dateline_notify_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dateline_content', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER networks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON networks
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER sites_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER site_social_links_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_social_links
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER sections_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sections
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER tags_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tags
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER authors_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authors
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER media_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER articles_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER article_authors_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_authors
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
CREATE TRIGGER article_tags_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_tags
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change();
