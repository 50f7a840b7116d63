-- Wire sources may also be feeds and agency endpoints pulled over HTTP(S) on a schedule: `kind`
-- 'url', its address in `location`. What the last pull learnt is kept for the next one: the
-- validators for a conditional request (`etag`, `last_modified`), when the source is next due
-- (`next_poll_at`: a node takes a pull by moving it forward, so that of several nodes one pulls),
-- and the failures in a row that space the pulls out, with the last one's reason for the
-- operator. Kept in step with migrations/sqlite/0028.
ALTER TABLE wire_sources DROP CONSTRAINT wire_sources_kind_check;
ALTER TABLE wire_sources ADD CONSTRAINT wire_sources_kind_check CHECK (kind IN ('folder', 'url'));
ALTER TABLE wire_sources ADD COLUMN poll_seconds BIGINT NOT NULL DEFAULT 60;
ALTER TABLE wire_sources ADD COLUMN etag TEXT NOT NULL DEFAULT '';
ALTER TABLE wire_sources ADD COLUMN last_modified TEXT NOT NULL DEFAULT '';
ALTER TABLE wire_sources ADD COLUMN next_poll_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE wire_sources ADD COLUMN failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE wire_sources ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
