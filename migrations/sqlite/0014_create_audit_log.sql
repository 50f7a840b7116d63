-- The audit log: who did what, to what, when, in the newsroom and at the console (publishing,
-- unpublishing, editing after publication, corrections, moderation, accounts). Kept in step with
-- migrations/postgres/0014. Rows are appended in the transaction of the act they record and
-- never changed; they name the actor as it was (an account may later be renamed or disabled)
-- and keep no foreign key to sites or stories, which may go while the record stays.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    site_id INTEGER,
    article_id INTEGER,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_site ON audit_log (site_id, id);
