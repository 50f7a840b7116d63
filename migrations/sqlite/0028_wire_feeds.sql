-- Wire sources may also be feeds and agency endpoints pulled over HTTP(S) on a schedule: `kind`
-- 'url', its address in `location`. What the last pull learnt is kept for the next one: the
-- validators for a conditional request (`etag`, `last_modified`), when the source is next due
-- (`next_poll_at`: a node takes a pull by moving it forward, so that of several nodes one pulls),
-- and the failures in a row that space the pulls out, with the last one's reason for the
-- operator. Kept in step with migrations/postgres/0028.
--
-- A CHECK constraint cannot be altered in SQLite: the table is made again (as 0012 does to
-- `articles`); no trigger reads it, and foreign keys are off around every migration.
CREATE TABLE wire_sources_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('folder', 'url')),
    location TEXT NOT NULL,                 -- the folder's absolute path, or the URL
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    auto_publish INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    poll_seconds INTEGER NOT NULL DEFAULT 60,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    next_poll_at INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
INSERT INTO wire_sources_new (id, name, kind, location, site_id, section_id, auto_publish,
                              created_at)
    SELECT id, name, kind, location, site_id, section_id, auto_publish, created_at
    FROM wire_sources;
DROP TABLE wire_sources;
ALTER TABLE wire_sources_new RENAME TO wire_sources;
