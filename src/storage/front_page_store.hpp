#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// A site's breaking-news banner (migrations/*/0031), with what a page needs of its story.
struct BreakingNews {
    domain::Id article_id = 0;
    std::string text;
    UnixTime until = 0;  ///< shown before this moment
    // The story, to link it and to know whether readers may see it.
    std::string slug;
    std::string section_slug;  ///< empty: none
    std::string headline;
    domain::ArticleStatus status = domain::ArticleStatus::Draft;
    UnixTime first_published_at = 0;
};

/// The editors' order of each site's home page (migrations/*/0030): the stories at its top, the
/// lead first; and its breaking-news banner.
class FrontPageStore {
  public:
    explicit FrontPageStore(db::Connection& connection) : c_(connection) {}

    /// The site's chosen stories in order, visible or not.
    Result<std::vector<domain::Id>> top_stories(domain::Id site_id);
    /// The chosen stories readers may see at `now`, in order: the home page's, decided by the
    /// rows as they are now, not by any card kept of them.
    Result<std::vector<domain::Id>> visible_top_stories(domain::Id site_id, UnixTime now);
    /// Makes the site's order `ids`, from `before` (as top_stories() gave it in this
    /// transaction), writing only the positions that change: each write drops the story's
    /// cached pages and the home page on every node.
    Status set_top_stories(domain::Id site_id, const std::vector<domain::Id>& before,
                           const std::vector<domain::Id>& ids);

    /// The site's banner, shown or past, if it has one.
    Result<std::optional<BreakingNews>> breaking(domain::Id site_id);
    Status set_breaking(domain::Id site_id, domain::Id article_id, const std::string& text,
                        UnixTime until);
    /// Takes the site's banner down; false when it had none.
    Result<bool> clear_breaking(domain::Id site_id);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
