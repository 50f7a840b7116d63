#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/audit.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// Which lines of the audit log to read, newest first.
struct AuditPage {
    std::optional<domain::Id> site_id;
    std::optional<domain::Id> before_id;  ///< the page after the one that ended at this entry
    int limit = 100;
};

/// Records an act on a newsroom account (its address is the subject) in the caller's
/// transaction, as the services that change accounts, their sign-in and their tokens do.
Status record_account_act(db::Connection& c, const domain::Actor& by, domain::AuditAction action,
                          const std::string& email, std::string detail, UnixTime now);

/// Reading the audit log, which the services write in the transactions of the acts it records.
/// Only an enabled admin reads it: Forbidden for anyone else.
class AuditService {
  public:
    explicit AuditService(db::Database& database) : database_(database) {}

    Result<std::vector<domain::AuditEntry>> read(const domain::User& reader, const AuditPage& page);

  private:
    db::Database& database_;
};

}  // namespace dateline::app
