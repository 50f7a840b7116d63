#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "storage/search_store.hpp"

namespace dateline::app {

/// What of a story search reads, as plain text.
struct SearchableText {
    std::string headline;
    std::string standfirst;
    std::vector<std::string> tags;
    std::string dateline;
    std::string body;  ///< the body's text, no markup
    std::vector<std::string> bylines;
    std::string source_credit;
};

SearchableText searchable_text(const domain::Article& article);

/// The story's search document: its text analysed in its site's language.
storage::SearchDocument search_document(const SearchableText& text, std::string_view language);

/// Indexes a story in the caller's transaction (what ArticleService does as it saves one).
Status index_story(db::Connection& connection, domain::Id id, const SearchableText& text,
                   std::string_view language);

/// How far indexing has gone: `done` stories of `total`.
using IndexProgress = std::function<void(std::int64_t done, std::int64_t total)>;

/// Brings the search index in line with the stories, and chooses their related news as it goes
/// (RelatedNews): after an upgrade (a new analysis, or stories written before there was an
/// index), after a copy between databases, or on demand. Works in batches, each in a
/// transaction of its own, so readers and writers carry on.
class SearchIndexer {
  public:
    SearchIndexer(db::Database& database, const Clock& clock)
        : database_(database), clock_(clock) {}

    /// Whether indexing chooses the stories' related news again, or keeps the lists they have
    /// (a copy's, copied with their rows).
    enum class RelatedLists { Choose, Keep };
    /// Indexes every story again, whatever the index holds. Returns how many.
    Result<std::int64_t> rebuild(const IndexProgress& progress = {},
                                 RelatedLists lists = RelatedLists::Choose);
    /// Indexes up to `limit` stories that the index lacks or holds by an older analysis, in
    /// transactions of `catch_up_transaction`: a serving node's background catching up. Each
    /// call walks on from where the last one stopped. Returns how many it indexed; 0 once a walk
    /// from the first story found nothing left (or left nothing another node had not done).
    Result<std::int64_t> catch_up(int limit);

    static constexpr int batch_size = 200;
    /// How many stories catch_up indexes in one transaction, in the stories' write turn.
    static constexpr int catch_up_transaction = 25;

  private:
    /// Indexes these stories in one transaction.
    Status index(const std::vector<domain::Id>& ids, RelatedLists lists);
    /// Indexes those of `candidates` still stale, in one transaction in the write turn. Returns
    /// how many.
    Result<std::int64_t> index_still_stale(const std::vector<domain::Id>& candidates);
    /// Indexes these stories in the caller's transaction, which holds the stories' write turn.
    Status index_in(db::Connection& c, const std::vector<domain::Id>& ids, RelatedLists lists);

    db::Database& database_;
    const Clock& clock_;
    domain::Id walked_to_ = 0;  // where catch_up's walk goes on from (one caller at a time)
};

}  // namespace dateline::app
