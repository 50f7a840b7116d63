#pragma once

#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// One story in another's related news, and how related (larger: more).
struct RelatedEntry {
    domain::Id id = 0;
    double weight = 0;
    friend bool operator==(const RelatedEntry&, const RelatedEntry&) = default;
};

/// The related news chosen for each story (app/related_news.hpp). Story pages read them through
/// ArticleStore::related.
class RelatedStore {
  public:
    explicit RelatedStore(db::Connection& connection) : c_(connection) {}

    /// The story's list, best first (weight, then the larger id).
    Result<std::vector<RelatedEntry>> list(domain::Id article_id);
    /// Makes the story's list `after`, from `before` (as list() gave it in this transaction),
    /// writing only what differs: each write drops the story's cached page on every node.
    Status update(domain::Id article_id, const std::vector<RelatedEntry>& before,
                  const std::vector<RelatedEntry>& after);
    /// Up to `limit` stories whose lists name this one, newest (largest id) first.
    Result<std::vector<domain::Id>> listing(domain::Id related_id, int limit);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
