-- Every change to the content, whoever makes it, notifies the channel the nodes LISTEN on, so each
-- node drops its cached pages and site settings (db/change_watcher.hpp). Statement-level
-- triggers: one notification per statement, delivered at commit, collapsed within a transaction.

CREATE FUNCTION dateline_notify_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dateline_content', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    content_table TEXT;
BEGIN
    FOREACH content_table IN ARRAY ARRAY['networks', 'sites', 'site_social_links', 'sections', 'tags',
                                         'authors', 'media', 'articles', 'article_authors',
                                         'article_tags']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_content_change()',
                       content_table || '_changed', content_table);
    END LOOP;
END
$$;
