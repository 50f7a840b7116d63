-- Reader comments, pre-moderated: nothing shows before a moderator approves it.

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
    author_name TEXT NOT NULL,
    email TEXT,                              -- NULL once erased on the reader's request
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    held_reason TEXT NOT NULL DEFAULT '',    -- why it looks like spam: 'links', ...
    content_digest TEXT NOT NULL,            -- SHA-256 of article, name and text: duplicates
    created_at INTEGER NOT NULL,
    moderated_at INTEGER
);

CREATE INDEX comments_article ON comments (article_id, status, created_at);
CREATE INDEX comments_status ON comments (status, created_at);
CREATE INDEX comments_email ON comments (email);
CREATE INDEX comments_digest ON comments (content_digest);

-- Where comments are open: per site (with limits and an automatic closing age) and per article.
ALTER TABLE sites ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sites ADD COLUMN comments_close_after_days INTEGER NOT NULL DEFAULT 0;  -- 0: never
ALTER TABLE sites ADD COLUMN comment_name_max INTEGER NOT NULL DEFAULT 80;
ALTER TABLE sites ADD COLUMN comment_title_max INTEGER NOT NULL DEFAULT 120;
ALTER TABLE sites ADD COLUMN comment_body_max INTEGER NOT NULL DEFAULT 1500;
ALTER TABLE articles ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1;
