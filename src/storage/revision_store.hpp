#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"

namespace dateline::storage {

/// One save of an article, as it was saved.
struct ArticleRevision {
    domain::Id article_id = 0;
    std::int64_t revision = 0;
    UnixTime saved_at = 0;
    std::optional<domain::Id> saved_by;  ///< nothing: an import, or an account since removed
    std::string saved_by_name;           ///< the account's name when saved_by is known
    domain::ArticleStatus status = domain::ArticleStatus::Draft;
    /// The editable fields by name (section slug, author and tag names), the body both as its
    /// source and as the sanitized HTML it gave; status and times are not part of it.
    domain::ArticleDraft content;
};

/// Every save of every article, kept with the article (and removed with it).
class RevisionStore {
  public:
    explicit RevisionStore(db::Connection& connection) : c_(connection) {}

    Status record(const ArticleRevision& revision);
    /// The article's revisions, newest first, without their content.
    Result<std::vector<ArticleRevision>> list(domain::Id article_id);
    /// One revision with its content, or nothing.
    Result<std::optional<ArticleRevision>> get(domain::Id article_id, std::int64_t revision);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
