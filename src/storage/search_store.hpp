#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// A story as the search index keeps it: the analysed terms of each of its parts, in order
/// (search::terms). A match in the headline ranks a story above one in its summary, which ranks
/// it above one in the body.
struct SearchDocument {
    std::vector<std::string> headline;
    std::vector<std::string> summary;  ///< the standfirst and the tags
    std::vector<std::string> body;     ///< the dateline, the body, the byline, the credit
    /// What the story is about (search::key_terms), kept beside the index for related news.
    std::vector<std::string> key;
};

/// What a search asks for, in analysed terms: every phrase of `required` (its terms one after
/// the other within one part; a phrase of one term is a word) and none of `excluded`.
struct SearchTerms {
    std::vector<std::vector<std::string>> required;
    std::vector<std::vector<std::string>> excluded;
};

/// The search index of the stories, one SQL text per backend: SQLite's FTS5 (a table whose
/// tokenizer splits at spaces only) and PostgreSQL's tsvector (written as a literal), both
/// indexing the terms Dateline's analysis made, so that both find the same stories and rank them
/// alike. Positions run across the parts with a gap between them, so that a phrase never spans
/// two; both index a story's first `max_positions` positions (PostgreSQL's limit).
class SearchStore {
  public:
    explicit SearchStore(db::Connection& connection) : c_(connection) {}

    /// Indexes the article (replacing what was indexed of it) as made by analysis `analysis`.
    Status put(domain::Id article_id, const SearchDocument& document, int analysis);

    /// Up to `limit` articles, in id order after `after_id`, that the index lacks or holds as made
    /// by an analysis other than `analysis`: what indexing must catch up with.
    Result<std::vector<domain::Id>> stale(int analysis, domain::Id after_id, int limit);
    /// Whether any article is stale by that definition, answered from indexes alone (the
    /// documents by analysis, and counts of the articles and the documents, which the articles
    /// hold): a start-up's check, where stale() reads every article to find none.
    Result<bool> any_stale(int analysis);
    /// Those of `ids` that are still stale, by key: a few lookups, where stale() walks the
    /// archive.
    Result<std::vector<domain::Id>> still_stale(int analysis, const std::vector<domain::Id>& ids);

    /// A page of the site's visible stories that match `terms` (which must require something),
    /// best first: all the required phrases in the headline, then all in the headline and
    /// summary, then the rest; newest first within each (by publication, then id). `limit` from
    /// `offset`. On SQLite it reads about `offset + limit` matches of each tier it needs, newest
    /// first, whatever the archive holds; on PostgreSQL, the matches among the site's newest
    /// stories, in windows (16 times the stories asked for, then larger ones sized by what the
    /// last held) until one holds them, or all the site's matches when a window finds none,
    /// would pass the largest size, or would cost more than reading them all.
    Result<std::vector<domain::Id>> find(domain::Id site_id, UnixTime now, const SearchTerms& terms,
                                         int limit, int offset);

    /// Up to `limit` of the site's visible stories whose headline, standfirst or tags hold any
    /// of `terms`, newest first (by publication, then id): the candidates for a story's related
    /// news. Read as find() reads a tier.
    Result<std::vector<domain::Id>> newest_with_any(domain::Id site_id, UnixTime now,
                                                    const std::vector<std::string>& terms,
                                                    int limit);
    /// How many indexed stories name each of `terms` among their key terms (a term none names:
    /// 0): the rarity of a story's key terms. Kept as documents are put (search_term_counts), so
    /// each costs one lookup whatever the archive holds.
    Result<std::map<std::string, std::int64_t>> frequencies(const std::vector<std::string>& terms);
    /// The key terms kept for these stories (none for a story not indexed).
    Result<std::map<domain::Id, std::vector<std::string>>> key_terms(
        const std::vector<domain::Id>& ids);

    static constexpr std::size_t max_positions = 16383;

  private:
    // Moves the counts of search_term_counts from the key terms `before` (as stored, joined with
    // spaces) to those `after`.
    Status recount_terms(const std::string& before, const std::vector<std::string>& after);

    db::Connection& c_;
};

}  // namespace dateline::storage
