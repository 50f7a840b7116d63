-- A story and its translations on sister sites share a translation group (the id of one of
-- them; NULL: none), at most one story a site. Kept in step with migrations/postgres/0015.
-- Linking changes the stories' rows, which drops their cached pages (0012's triggers).
ALTER TABLE articles ADD COLUMN translation_group INTEGER;
CREATE UNIQUE INDEX articles_translation_group ON articles (translation_group, site_id)
    WHERE translation_group IS NOT NULL;
