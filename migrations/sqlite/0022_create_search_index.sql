-- The search index. Dateline analyses the text (search/analyzer.hpp) and writes each story's
-- terms separated by spaces; the tokenizer only splits them there: every ASCII punctuation mark
-- is a token character ("u.s", "o'neill" stay whole), and a term holds no '"' or space.
-- Positions need `detail=full` (the default): quoted phrases are matched by them.
CREATE VIRTUAL TABLE search_index USING fts5(
    headline, summary, body,
    tokenize = "ascii tokenchars '!#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);

-- Which stories are indexed and by which analysis, so that a newer analysis re-indexes the rest;
-- and each story's key terms (search/key_terms.hpp, separated by spaces), which related news
-- compares.
CREATE TABLE search_documents (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analysis INTEGER NOT NULL,
    key_terms TEXT NOT NULL DEFAULT ''
);

-- A virtual table knows no foreign keys: its rows go with their article's.
CREATE TRIGGER search_documents_removed AFTER DELETE ON search_documents
BEGIN
    DELETE FROM search_index WHERE rowid = old.article_id;
END;
