-- An agency's embargo travels with the story made from its item: whoever publishes the story,
-- it is scheduled for the embargo at the earliest (ArticleService), so no page, feed, sitemap,
-- API answer or export shows it sooner. Kept in step with migrations/postgres/0027.
ALTER TABLE articles ADD COLUMN embargoed_until INTEGER;
