-- The wire desk: the agencies' sources (a folder their drops land in) and every item they sent,
-- one row per version, newest first in the queue. An item is kept as read (`content`, JSON: every
-- field Dateline takes from it), its picture copied into the data directory's wire folder, so
-- that an editor may use it long after the file has gone. A version already received is not
-- received twice, whichever source brings it. Kept in step with migrations/postgres/0026.
CREATE TABLE wire_sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('folder')),
    location TEXT NOT NULL,                 -- the folder's absolute path
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    auto_publish INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE wire_items (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES wire_sources(id) ON DELETE SET NULL,
    guid TEXT NOT NULL,
    version TEXT NOT NULL,                  -- '' when the agency numbers no versions
    format TEXT NOT NULL,                   -- what it was read as: 'ninjs 3.1'
    language TEXT NOT NULL,
    headline TEXT NOT NULL,
    urgency INTEGER,
    embargoed_until INTEGER,
    status TEXT NOT NULL CHECK (status IN ('usable', 'withheld', 'canceled')),
    version_created INTEGER,
    received_at INTEGER NOT NULL,
    content TEXT NOT NULL,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    UNIQUE (guid, version)
);

CREATE INDEX wire_items_received ON wire_items (received_at DESC, id DESC);
CREATE INDEX wire_items_source ON wire_items (source_id, received_at DESC, id DESC);
