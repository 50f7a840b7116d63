-- Whether the search index is current, answered without reading the stories: a serving node
-- asks at start-up (SearchStore::any_stale), and the walk that finds what to index read every
-- story's row to learn that nothing was missing, which mapped the whole database file into the
-- process. Documents by analysis: those made by another analysis are two short ranges of it,
-- and it is the smallest thing to count the documents in.
CREATE INDEX search_documents_analysis ON search_documents (analysis);
