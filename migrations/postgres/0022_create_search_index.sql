-- The search index. Dateline analyses the text (search/analyzer.hpp) and writes each story's
-- terms as a tsvector literal (headline weight A, standfirst and tags B, the rest D), which no
-- text search configuration touches again; queries are tsquery literals built the same way.
CREATE TABLE search_documents (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analysis INTEGER NOT NULL,
    terms TSVECTOR NOT NULL
);
CREATE INDEX search_documents_terms ON search_documents USING GIN (terms);
