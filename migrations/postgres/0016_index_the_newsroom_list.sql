-- The newsroom's list walks one site at a time in the order it shows (last changed first) and
-- stops at its page: with a state ("in review") or an author ("only mine", an author's own list)
-- these indexes keep that walk to the matching rows instead of the site's whole archive. Kept in
-- step with migrations/sqlite/0016.
CREATE INDEX articles_site_status_updated ON articles (site_id, status, updated_at DESC, id DESC);
CREATE INDEX articles_site_author_updated ON articles (site_id, created_by, updated_at DESC, id DESC);
