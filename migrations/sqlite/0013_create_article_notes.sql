-- Public notes on stories: corrections and updates, each with its time, shown to readers under
-- the story for good. Kept in step with migrations/postgres/0013. Adding a note moves the
-- story's last update in the same transaction, and that change of `articles` is what drops the
-- story's cached pages (0012's triggers).
CREATE TABLE article_notes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('correction', 'update')),
    body TEXT NOT NULL,
    noted_at INTEGER NOT NULL,
    noted_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX article_notes_article ON article_notes (article_id, noted_at, id);
