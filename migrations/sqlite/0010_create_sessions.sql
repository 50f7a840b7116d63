-- Newsroom sessions, in the database so that every node knows them. The browser holds a random
-- token; only its SHA-256 is kept here, so that a copy of this table opens no session. A session
-- ends at expires_at (its absolute limit), after a time without use (last_seen_at), at sign-out,
-- or when its account signs out everywhere or is disabled.

CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    client_address TEXT NOT NULL,           -- where it was opened from, for the account's owner
    user_agent TEXT NOT NULL                -- what it was opened with (at most 256 bytes)
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX sessions_seen ON sessions (last_seen_at);  -- purge: both limits by index
