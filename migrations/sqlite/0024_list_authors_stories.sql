-- Author pages (`/<site>/authors/<slug>/`) list an author's stories newest first, a page at a
-- time, as tag pages do: the byline link carries the story's publication time while it is
-- listed (NULL otherwise), so that a page walks an index from "now" backwards and stops after
-- the rows it shows, whatever the author's output. Written with the byline
-- (storage/article_store.cpp) and kept up to date here. Kept in step with
-- migrations/postgres/0024.
ALTER TABLE article_authors ADD COLUMN listed_at INTEGER;
UPDATE article_authors SET listed_at = (
    SELECT a.first_published_at FROM articles a
    WHERE a.id = article_authors.article_id AND a.status IN ('published', 'scheduled'));
CREATE INDEX article_authors_listed ON article_authors (author_id, listed_at DESC, article_id DESC)
    WHERE listed_at IS NOT NULL;

CREATE TRIGGER article_authors_follow_article AFTER UPDATE OF status, first_published_at ON articles
BEGIN
    UPDATE article_authors SET listed_at =
        CASE WHEN NEW.status IN ('published', 'scheduled') THEN NEW.first_published_at END
    WHERE article_id = NEW.id;
END;
