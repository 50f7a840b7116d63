-- A site may show the Hijri date (Umm al-Qura) beside the Gregorian one on its articles, as many
-- Arabic newspapers do. Kept in step with migrations/postgres/0029.
ALTER TABLE sites ADD COLUMN hijri_dates INTEGER NOT NULL DEFAULT 0;
