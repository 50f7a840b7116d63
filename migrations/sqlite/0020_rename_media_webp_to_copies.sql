-- Which copies of a stored picture are on disk beside it, as a level, each level having those
-- below it: 0 the picture and its smaller copies for srcset, 1 also a WebP of each, 2 also its
-- crops for sharing and search results (16:9, 4:3 and 1:1). The column said only "WebP" (0 or 1),
-- so it keeps its values; `dateline media copies` brings older pictures to the last level.

ALTER TABLE media RENAME COLUMN webp TO copies;
