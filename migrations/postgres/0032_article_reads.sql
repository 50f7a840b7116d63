-- Readers' reads of each story, counted by the serving nodes from the pages they answer (cached
-- or not; robots, prefetches and HEAD requests left out) and added up here by the hour: a
-- story's reads in an hour since the epoch. Nothing about the reader is kept. Hours older than
-- the window of "most read" are forgotten.
--
-- `most_read` holds each site's ranking (section_id 0) and each section's, made again from the
-- last day's reads about once a minute, so that a page reads its list by key rather than adding
-- up reads; a ranking no node has made again for a day (every node stopped counting) is no
-- longer shown. It shows as pages are made again (they stay fresh for half a minute), so neither
-- table emits changes. Kept in step with migrations/sqlite/0032.
CREATE TABLE article_reads (
    hour BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reads BIGINT NOT NULL CHECK (reads > 0),
    PRIMARY KEY (hour, article_id)
);
CREATE INDEX article_reads_article ON article_reads (article_id);
CREATE TABLE most_read (
    site_id BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    section_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reads BIGINT NOT NULL,
    ranked_at BIGINT NOT NULL,                 -- the hour it was made in
    PRIMARY KEY (site_id, section_id, position)
);
CREATE INDEX most_read_article ON most_read (article_id);
