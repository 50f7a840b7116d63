-- Notifications say what changed, so that each node drops only the pages a change touches
-- (db/change_watcher.hpp); a pending comment, which no reader sees, no longer notifies at all.
-- Kept in step with migrations/sqlite/0006. The payload is the scope:
--   network                 the network, its sites and their sections: every page, sites reloaded
--   site:<site>             a story of the site came, went or changed: the site's pages
--   article:<site>:<story>  the comments shown under one story: that story's pages
-- Notifications are delivered at commit; identical ones within a transaction are sent once.

DO $$
DECLARE
    content_table TEXT;
BEGIN
    FOREACH content_table IN ARRAY ARRAY['networks', 'sites', 'site_social_links', 'sections', 'tags',
                                         'authors', 'media', 'articles', 'article_authors',
                                         'article_tags', 'comments']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', content_table || '_changed', content_table);
    END LOOP;
END
$$;
DROP FUNCTION dateline_notify_content_change();

CREATE FUNCTION dateline_notify_network_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dateline_content', 'network');
    RETURN NULL;
END
$$;

-- A story readers can see (anything but a draft) came, went or changed.
CREATE FUNCTION dateline_notify_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' AND NEW.status <> 'draft' THEN
        PERFORM pg_notify('dateline_content', 'site:' || NEW.site_id);
    ELSIF TG_OP <> 'INSERT' AND OLD.status <> 'draft' THEN
        PERFORM pg_notify('dateline_content', 'site:' || OLD.site_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION dateline_notify_article_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    site BIGINT;
BEGIN
    SELECT site_id INTO site FROM articles
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END
          AND status <> 'draft';
    IF site IS NOT NULL THEN
        PERFORM pg_notify('dateline_content', 'site:' || site);
    END IF;
    RETURN NULL;
END
$$;

-- Renamed or removed tags and authors show at once; new ones only once a story uses them.
CREATE FUNCTION dateline_notify_site_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dateline_content',
                      'site:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.site_id ELSE NEW.site_id END);
    RETURN NULL;
END
$$;

-- Only approved comments show: a pending one, or a rejected one, changes no page.
CREATE FUNCTION dateline_notify_comment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN
        PERFORM pg_notify('dateline_content', 'article:' || NEW.site_id || ':' || NEW.article_id);
    ELSIF TG_OP <> 'INSERT' AND OLD.status = 'approved' THEN
        PERFORM pg_notify('dateline_content', 'article:' || OLD.site_id || ':' || OLD.article_id);
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    content_table TEXT;
BEGIN
    FOREACH content_table IN ARRAY ARRAY['networks', 'sites', 'site_social_links', 'sections']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION dateline_notify_network_change()',
                       content_table || '_changed', content_table);
    END LOOP;
    FOREACH content_table IN ARRAY ARRAY['networks', 'sites', 'site_social_links', 'sections', 'tags',
                                         'authors', 'media', 'articles', 'article_authors',
                                         'article_tags', 'comments']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_network_change()',
                       content_table || '_truncated', content_table);
    END LOOP;
END
$$;

CREATE TRIGGER articles_changed AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_article_change();
CREATE TRIGGER article_authors_changed AFTER INSERT OR DELETE ON article_authors
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_article_link_change();
CREATE TRIGGER article_tags_changed AFTER INSERT OR DELETE ON article_tags
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_article_link_change();
CREATE TRIGGER tags_changed AFTER UPDATE OR DELETE ON tags
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_site_row_change();
CREATE TRIGGER authors_changed AFTER UPDATE OR DELETE ON authors
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_site_row_change();
CREATE TRIGGER media_changed AFTER UPDATE OR DELETE ON media
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_network_change();
CREATE TRIGGER comments_changed AFTER INSERT OR UPDATE OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_comment_change();
