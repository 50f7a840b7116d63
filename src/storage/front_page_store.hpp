#pragma once

#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// The editors' order of each site's home page (migrations/*/0030): the stories at its top, the
/// lead first.
class FrontPageStore {
  public:
    explicit FrontPageStore(db::Connection& connection) : c_(connection) {}

    /// The site's chosen stories in order, visible or not.
    Result<std::vector<domain::Id>> top_stories(domain::Id site_id);
    /// Makes the site's order `ids`, from `before` (as top_stories() gave it in this
    /// transaction), writing only the positions that change: each write drops the story's
    /// cached pages and the home page on every node.
    Status set_top_stories(domain::Id site_id, const std::vector<domain::Id>& before,
                           const std::vector<domain::Id>& ids);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
