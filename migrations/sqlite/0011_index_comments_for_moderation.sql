-- The newsroom's moderation queue, newest first, walks an index in reading order and stops after
-- a page: by status (the id breaks ties of time, so no sort is left, not even of ties), or by
-- time alone for every status. Without them, every comment of the network was read and sorted.

DROP INDEX comments_status;
CREATE INDEX comments_status ON comments (status, created_at, id);
CREATE INDEX comments_created ON comments (created_at, id);
