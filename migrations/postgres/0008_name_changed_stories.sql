-- A change names the story, section and tags it touched, so that a node drops the pages that show
-- them instead of every page of the site: publishing a story during breaking news leaves the long
-- tail of other stories' pages cached. Kept in step with migrations/sqlite/0008. New payloads:
--   story:<site>:<story>:<section>  a listed story came, went or changed (section 0: none): the
--                                   pages showing it, the site's home and its section's listing
--   tag:<site>:<tag>                a listed story joined or left a tag: the tag's listing
-- (network, site:<site> and article:<site>:<story> keep their meaning from 0006.)

CREATE OR REPLACE FUNCTION dateline_notify_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' AND NEW.status <> 'draft'
       OR TG_OP = 'UPDATE' AND OLD.status <> 'draft' THEN
        PERFORM pg_notify('dateline_content', 'story:' || NEW.site_id || ':' || NEW.id || ':' ||
                                              coalesce(NEW.section_id, 0));
    END IF;
    -- Gone, or moved to another section: the old section's listing showed it.
    IF TG_OP = 'DELETE' AND OLD.status <> 'draft'
       OR TG_OP = 'UPDATE' AND OLD.status <> 'draft' AND OLD.section_id IS DISTINCT FROM NEW.section_id THEN
        PERFORM pg_notify('dateline_content', 'story:' || OLD.site_id || ':' || OLD.id || ':' ||
                                              coalesce(OLD.section_id, 0));
    END IF;
    RETURN NULL;
END
$$;

-- A byline shows on the story's card and page.
CREATE OR REPLACE FUNCTION dateline_notify_article_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    story articles%ROWTYPE;
BEGIN
    SELECT * INTO story FROM articles
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END
          AND status <> 'draft';
    IF FOUND THEN
        PERFORM pg_notify('dateline_content', 'story:' || story.site_id || ':' || story.id || ':' ||
                                              coalesce(story.section_id, 0));
    END IF;
    RETURN NULL;
END
$$;

-- A listed story joined or left a tag (listed_at, 0007, says whether it is listed).
CREATE FUNCTION dateline_notify_tag_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tag_site BIGINT;
    tag BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.tag_id ELSE NEW.tag_id END;
BEGIN
    IF TG_OP = 'INSERT' AND NEW.listed_at IS NULL OR TG_OP = 'DELETE' AND OLD.listed_at IS NULL
       OR TG_OP = 'UPDATE' AND NEW.listed_at IS NOT DISTINCT FROM OLD.listed_at THEN
        RETURN NULL;
    END IF;
    SELECT site_id INTO tag_site FROM tags WHERE id = tag;
    IF FOUND THEN
        PERFORM pg_notify('dateline_content', 'tag:' || tag_site || ':' || tag);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER article_tags_changed ON article_tags;
CREATE TRIGGER article_tags_changed AFTER INSERT OR DELETE OR UPDATE OF listed_at ON article_tags
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_tag_link_change();

-- Saving a story "ensures" its tags and authors with an upsert that rewrites the row unchanged;
-- only a real rename shows on every page of the site.
DROP TRIGGER tags_changed ON tags;
CREATE TRIGGER tags_changed AFTER DELETE ON tags
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_site_row_change();
CREATE TRIGGER tags_renamed AFTER UPDATE ON tags FOR EACH ROW
    WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.slug IS DISTINCT FROM OLD.slug)
    EXECUTE FUNCTION dateline_notify_site_row_change();
DROP TRIGGER authors_changed ON authors;
CREATE TRIGGER authors_changed AFTER DELETE ON authors
    FOR EACH ROW EXECUTE FUNCTION dateline_notify_site_row_change();
CREATE TRIGGER authors_renamed AFTER UPDATE ON authors FOR EACH ROW
    WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.slug IS DISTINCT FROM OLD.slug
          OR NEW.role IS DISTINCT FROM OLD.role)
    EXECUTE FUNCTION dateline_notify_site_row_change();
