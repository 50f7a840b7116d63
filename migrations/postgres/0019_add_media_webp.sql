-- WebP copies of stored pictures: a picture stored from now on has, beside its JPEG or PNG and
-- their smaller copies, a WebP of each (same name, .webp), which reader pages offer first in a
-- <picture>. Pictures stored before keep serving their JPEG or PNG alone (webp = 0) until
-- `dateline media webp` writes their copies.

ALTER TABLE media ADD COLUMN webp BIGINT NOT NULL DEFAULT 0;
