-- The newsroom's editorial states and revisions. Kept in step with migrations/sqlite/0012.
--   review:      written, waiting for an editor
--   unpublished: taken down by an editor; keeps its first publication time should it come back
-- Readers see only listed stories (published, or scheduled once their time has come); the
-- notifications below now name those two states instead of "anything but a draft".

ALTER TABLE articles DROP CONSTRAINT articles_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_status_check
    CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'unpublished'));
ALTER TABLE articles ADD COLUMN body_source TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN created_by BIGINT REFERENCES users(id) ON DELETE SET NULL;

CREATE INDEX articles_site_updated ON articles (site_id, updated_at DESC, id DESC);
CREATE INDEX articles_scheduled ON articles (first_published_at) WHERE status = 'scheduled';

CREATE OR REPLACE FUNCTION dateline_notify_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' AND NEW.status IN ('published', 'scheduled')
       OR TG_OP = 'UPDATE' AND OLD.status IN ('published', 'scheduled') THEN
        PERFORM pg_notify('dateline_content', 'story:' || NEW.site_id || ':' || NEW.id || ':' ||
                                              coalesce(NEW.section_id, 0));
    END IF;
    -- Gone, or moved to another section: the old section's listing showed it.
    IF TG_OP = 'DELETE' AND OLD.status IN ('published', 'scheduled')
       OR TG_OP = 'UPDATE' AND OLD.status IN ('published', 'scheduled')
          AND OLD.section_id IS DISTINCT FROM NEW.section_id THEN
        PERFORM pg_notify('dateline_content', 'story:' || OLD.site_id || ':' || OLD.id || ':' ||
                                              coalesce(OLD.section_id, 0));
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dateline_notify_article_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    story articles%ROWTYPE;
BEGIN
    SELECT * INTO story FROM articles
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END
          AND status IN ('published', 'scheduled');
    IF FOUND THEN
        PERFORM pg_notify('dateline_content', 'story:' || story.site_id || ':' || story.id || ':' ||
                                              coalesce(story.section_id, 0));
    END IF;
    RETURN NULL;
END
$$;

-- Every save of a story, as it was saved: what an editor lists, reads, compares and restores.
-- `content` is the editable fields as JSON (storage/revision_store.cpp), names rather than ids,
-- so that a revision reads the same after a tag or an author is renamed or removed.
CREATE TABLE article_revisions (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    saved_at BIGINT NOT NULL,
    saved_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);
