-- Reader pages cost the same whatever the size of the archive: every listing walks an index from
-- "now" backwards and stops after the rows it shows. Kept in step with migrations/postgres/0007.
--
-- "Listed" means published or scheduled; a listed story is visible once its publication time has
-- come. The old indexes put status before the time, so "newest listed first" had to sort every
-- listed row of the site. These partial indexes hold listed stories only, in reading order.
DROP INDEX articles_site_published;
DROP INDEX articles_section_published;
CREATE INDEX articles_site_listed ON articles (site_id, first_published_at DESC, id DESC)
    WHERE status IN ('published', 'scheduled');
CREATE INDEX articles_section_listed ON articles (section_id, first_published_at DESC, id DESC)
    WHERE status IN ('published', 'scheduled');

-- A tag's stories in reading order without visiting each article: the story's publication time
-- while it is listed, NULL otherwise. Written with the tag (storage/article_store.cpp) and kept
-- up to date here when the story's status or time changes.
ALTER TABLE article_tags ADD COLUMN listed_at INTEGER;
UPDATE article_tags SET listed_at = (
    SELECT a.first_published_at FROM articles a
    WHERE a.id = article_tags.article_id AND a.status IN ('published', 'scheduled'));
CREATE INDEX article_tags_listed ON article_tags (tag_id, listed_at DESC, article_id DESC)
    WHERE listed_at IS NOT NULL;
CREATE TRIGGER article_tags_follow_article AFTER UPDATE OF status, first_published_at ON articles
BEGIN
    UPDATE article_tags SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
END;

-- A story's approved comments, newest first, a page at a time: the id breaks ties in the index
-- too, so that no page sorts the story's comments.
DROP INDEX comments_article;
CREATE INDEX comments_article ON comments (article_id, status, created_at DESC, id DESC);
