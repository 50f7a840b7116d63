-- The newsroom's editorial states and revisions. Kept in step with migrations/postgres/0012.
--   review:      written, waiting for an editor
--   unpublished: taken down by an editor; keeps its first publication time should it come back
-- Readers see only listed stories (published, or scheduled once their time has come); the
-- triggers below now name those two states instead of "anything but a draft".
--
-- A CHECK constraint cannot be altered in SQLite: the table is made again, following SQLite's
-- documented procedure (https://sqlite.org/lang_altertable.html#otheralter). The migration runner
-- turns foreign keys off around every migration and checks them before it commits, so dropping
-- the old table cascades to nothing. Triggers that read `articles` are dropped first and made
-- again last, so that renaming the new table finds none pointing at a missing one.

DROP TRIGGER articles_inserted;
DROP TRIGGER articles_updated;
DROP TRIGGER articles_deleted;
DROP TRIGGER article_tags_follow_article;
DROP TRIGGER article_authors_inserted;
DROP TRIGGER article_authors_deleted;

CREATE TABLE articles_new (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    headline TEXT NOT NULL,
    standfirst TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    body_source TEXT NOT NULL DEFAULT '',  -- the Markdown an editor wrote; '' for wire copy
    dateline TEXT NOT NULL DEFAULT '',
    source_credit TEXT NOT NULL DEFAULT '',
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    lead_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
    lead_caption TEXT NOT NULL DEFAULT '',
    lead_credit TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL
        CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'unpublished')),
    first_published_at INTEGER,
    updated_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    external_id TEXT,
    comments_open INTEGER NOT NULL DEFAULT 1,
    revision INTEGER NOT NULL DEFAULT 1,   -- moves on every save: a stale editor's save is refused
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL: imported or loaded
    UNIQUE (site_id, slug),
    UNIQUE (site_id, external_id)
);
INSERT INTO articles_new (id, site_id, slug, headline, standfirst, body_html, body_text, dateline,
                          source_credit, section_id, lead_media_id, lead_caption, lead_credit,
                          status, first_published_at, updated_at, created_at, external_id,
                          comments_open)
SELECT id, site_id, slug, headline, standfirst, body_html, body_text, dateline, source_credit,
       section_id, lead_media_id, lead_caption, lead_credit, status, first_published_at,
       updated_at, created_at, external_id, comments_open
FROM articles;
DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;

CREATE INDEX articles_site_listed ON articles (site_id, first_published_at DESC, id DESC)
    WHERE status IN ('published', 'scheduled');
CREATE INDEX articles_section_listed ON articles (section_id, first_published_at DESC, id DESC)
    WHERE status IN ('published', 'scheduled');
-- The newsroom's list: a site's stories, last changed first; the scheduler's due stories.
CREATE INDEX articles_site_updated ON articles (site_id, updated_at DESC, id DESC);
CREATE INDEX articles_scheduled ON articles (first_published_at) WHERE status = 'scheduled';

CREATE TRIGGER article_tags_follow_article AFTER UPDATE OF status, first_published_at ON articles
BEGIN
    UPDATE article_tags SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
END;
CREATE TRIGGER articles_inserted AFTER INSERT ON articles
    WHEN NEW.status IN ('published', 'scheduled') BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    VALUES ('story', NEW.site_id, NEW.id, NEW.section_id);
END;
CREATE TRIGGER articles_updated AFTER UPDATE ON articles
    WHEN NEW.status IN ('published', 'scheduled') OR OLD.status IN ('published', 'scheduled') BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    VALUES ('story', NEW.site_id, NEW.id, NEW.section_id);
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', OLD.site_id, OLD.id, OLD.section_id WHERE OLD.section_id IS NOT NEW.section_id;
END;
CREATE TRIGGER articles_deleted AFTER DELETE ON articles
    WHEN OLD.status IN ('published', 'scheduled') BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    VALUES ('story', OLD.site_id, OLD.id, OLD.section_id);
END;
CREATE TRIGGER article_authors_inserted AFTER INSERT ON article_authors BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', site_id, id, section_id FROM articles
    WHERE id = NEW.article_id AND status IN ('published', 'scheduled');
END;
CREATE TRIGGER article_authors_deleted AFTER DELETE ON article_authors BEGIN
    INSERT INTO content_changes (scope, site_id, article_id, section_id)
    SELECT 'story', site_id, id, section_id FROM articles
    WHERE id = OLD.article_id AND status IN ('published', 'scheduled');
END;

-- Every save of a story, as it was saved: what an editor lists, reads, compares and restores.
-- `content` is the editable fields as JSON (storage/revision_store.cpp), names rather than ids,
-- so that a revision reads the same after a tag or an author is renamed or removed.
CREATE TABLE article_revisions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    saved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL: an import
    status TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);
