-- A story and its translations on sister sites share a translation group (the id of one of
-- them; NULL: none), at most one story a site. Kept in step with migrations/sqlite/0015.
-- Linking changes the stories' rows, which notifies the nodes (0012's notifications).
ALTER TABLE articles ADD COLUMN translation_group BIGINT;
CREATE UNIQUE INDEX articles_translation_group ON articles (translation_group, site_id)
    WHERE translation_group IS NOT NULL;
