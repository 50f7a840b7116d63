-- A site's stories without a section have a folder of their own (`/<site>/news/`): a listing of
-- them, newest first, walks this index from "now" backwards as the others walk theirs. (The
-- section listing index holds them too, under NULL, but PostgreSQL does not take "IS NULL" as
-- an equality that leaves the rest of the index in order.) Kept in step with
-- migrations/sqlite/0025.
CREATE INDEX articles_sectionless_listed ON articles (site_id, first_published_at DESC, id DESC)
    WHERE status IN ('published', 'scheduled') AND section_id IS NULL;
