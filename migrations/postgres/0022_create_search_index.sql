-- The search index. Dateline analyses the text (search/analyzer.hpp) and writes each story's
-- terms as a tsvector literal (headline weight A, standfirst and tags B, the rest D), which no
-- text search configuration touches again; queries are tsquery literals built the same way.
-- `analysis`: which analysis made the terms (a newer one re-indexes the rest); `key_terms`: the
-- story's key terms (search/key_terms.hpp, separated by spaces), which related news compares.
CREATE TABLE search_documents (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analysis INTEGER NOT NULL,
    terms TSVECTOR NOT NULL,
    key_terms TEXT NOT NULL DEFAULT ''
);
CREATE INDEX search_documents_terms ON search_documents USING GIN (terms);
