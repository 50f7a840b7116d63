-- A site may show the Hijri date (Umm al-Qura) beside the Gregorian one on its articles, as many
-- Arabic newspapers do. Kept in step with migrations/sqlite/0029.
ALTER TABLE sites ADD COLUMN hijri_dates BIGINT NOT NULL DEFAULT 0;
