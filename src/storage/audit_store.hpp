#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/audit.hpp"

namespace dateline::storage {

/// Which lines of the audit log to read: newest first, from before an entry, of one site.
struct AuditQuery {
    std::optional<domain::Id> site_id;
    std::optional<domain::Id> before_id;  ///< the next page starts below this entry
    int limit = 100;
};

/// The audit log: appended to in the transaction of the act it records, never changed.
class AuditStore {
  public:
    explicit AuditStore(db::Connection& connection) : c_(connection) {}

    Status record(const domain::AuditEntry& entry);
    Result<std::vector<domain::AuditEntry>> list(const AuditQuery& query);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
