#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// A site's settings that admins change while the network runs, beyond what network.json gave
/// it when it was made: for now its comments (open or not, closing after days, the fields'
/// limits). Each change is an admin's act, recorded in the audit log in the same transaction, and
/// reaches every node within a second: a change to a site is a change to the network, so every
/// node reloads its sites and drops their cached pages (db::ContentChange::Network).
class SiteService {
  public:
    SiteService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    /// Sets the comment settings of the site with this slug: Forbidden for anyone but an enabled
    /// admin, NotFound for no such site, Invalid on the field that breaks a rule
    /// (domain::comment_settings_problem). The audit entry says what changed; settings equal to
    /// the site's change nothing and record nothing.
    Result<domain::Site> set_comment_settings(const domain::User& user,
                                              const std::string& site_slug,
                                              const domain::CommentSettings& settings);

  private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace dateline::app
