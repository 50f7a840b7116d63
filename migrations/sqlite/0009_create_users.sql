-- Newsroom accounts: who signs in, with which role, on which sites. The e-mail address is the
-- account's name, kept in lower case (domain::account_email). Passwords are kept only as
-- Argon2id hashes in the PHC string format. An account is disabled, never deleted, so that
-- what it did stays attributed.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'moderator')),
    password_hash TEXT NOT NULL,
    disabled_at INTEGER,                        -- NULL while the account may sign in
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- The sites an account works on; an admin works on every site without rows here.
CREATE TABLE user_sites (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, site_id)
);
