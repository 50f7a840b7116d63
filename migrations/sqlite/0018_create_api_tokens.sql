-- API tokens: machines do the newsroom's work through /api/v1 as the account a token was made
-- for, with that account's role and sites. A token is shown once when made; only its SHA-256 is
-- kept here, so that a copy of this table opens nothing. A token works until it is revoked, and
-- not while its account is disabled; a revoked one stays listed, so that what it did stays
-- attributed. Kept in
-- step with migrations/postgres/0018.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_digest TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,                   -- NULL until first used (written at most once a minute)
    revoked_at INTEGER                      -- NULL while it works
);

CREATE INDEX api_tokens_user ON api_tokens (user_id, id);
