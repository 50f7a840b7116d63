-- Two-step sign-in: a code from an authenticator app (RFC 6238) after the password, for the
-- accounts that turn it on. totp_key is the key the account's app shares (hex), NULL while the
-- account signs in with its password alone; totp_pending_key is a key shown for setting up and
-- not yet confirmed with a code; totp_last_step is the time step of the last code taken, so that
-- a code is good only once. A session opened by the password of such an account is
-- awaiting_code: it opens nothing until the code is given, and lasts minutes; code_failures
-- counts the wrong codes given for it (a few, and it ends: the password must be given again). Kept in step with
-- migrations/sqlite/0017.
ALTER TABLE users ADD COLUMN totp_key TEXT;
ALTER TABLE users ADD COLUMN totp_pending_key TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN awaiting_code INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN code_failures INTEGER NOT NULL DEFAULT 0;
