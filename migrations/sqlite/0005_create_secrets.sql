-- Secrets every node of the network shares, such as the key that signs security checks.
-- Created by the first node that needs one; never shown, never sent to a client.

CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,      -- hex
    created_at INTEGER NOT NULL
);
