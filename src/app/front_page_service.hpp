#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "domain/audit.hpp"
#include "domain/site.hpp"
#include "domain/user.hpp"
#include "storage/front_page_store.hpp"

namespace dateline::app {

/// The editors' order of a site's home page: the stories they put at its top, the lead first.
/// Readers see each while it is visible, in this order, and the newest stories after them
/// (ReaderService::front_page).
class FrontPageService {
  public:
    /// The lead and the four stories beside it.
    static constexpr std::size_t top_count = 5;

    FrontPageService(db::Database& database, const Clock& clock)
        : database_(database), clock_(clock) {}

    /// The site's chosen stories in order, visible or not, as cards.
    Result<std::vector<domain::Article>> top_stories(const domain::Site& site);

    /// Makes the site's top stories these, named by slug, in order. Invalid (nothing changed)
    /// for more than top_count, a story named twice, a slug the site has no story for, or a story
    /// readers cannot see and will not (a draft, one in review, an unpublished one); a scheduled
    /// story may be placed, and leads from its time on. Recorded in the audit log when the order
    /// changes.
    Status set_top_stories(const domain::Site& site, const std::vector<std::string>& slugs,
                           const domain::Actor& by);
    /// The same for a newsroom account: Forbidden for anyone who may not publish on the site
    /// (domain::may_publish: an enabled admin, or an editor of the site).
    Status set_top_stories(const domain::User& user, const domain::Site& site,
                           const std::vector<std::string>& slugs);

    /// The longest a banner stays up, and the longest its line.
    static constexpr int max_breaking_hours = 48;
    static constexpr std::size_t max_breaking_text = 140;  ///< code points

    /// The site's breaking-news banner while readers see it: up, before its time, its story
    /// visible.
    Result<std::optional<storage::BreakingNews>> breaking(const domain::Site& site);
    /// Puts up the site's banner, linking to its story `slug` and reading `text` (the story's
    /// headline when empty), for `hours`; it replaces the site's banner, if any. Forbidden for
    /// anyone who may not publish on the site; Invalid on `story` (no such story, or one readers
    /// cannot see now), `text` (too long) or `hours` (not 1 to max_breaking_hours). Recorded.
    Status set_breaking(const domain::User& user, const domain::Site& site, const std::string& slug,
                        const std::string& text, int hours);
    /// Takes the site's banner down (nothing to do without one). Forbidden as set_breaking.
    Status clear_breaking(const domain::User& user, const domain::Site& site);

  private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace dateline::app
