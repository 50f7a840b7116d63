-- State that every node must see alike: rate-limit counters and one-time tokens already used.

CREATE TABLE rate_limit_counters (
    bucket TEXT NOT NULL,            -- what is limited, and for whom: "comment:ip:203.0.113.9"
    window_start BIGINT NOT NULL,   -- Unix seconds at the start of the fixed window
    hits BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TABLE used_tokens (
    token_digest TEXT PRIMARY KEY,   -- SHA-256 of the token, never the token itself
    expires_at BIGINT NOT NULL
);

CREATE INDEX used_tokens_expiry ON used_tokens (expires_at);
