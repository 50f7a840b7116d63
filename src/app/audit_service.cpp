#include "app/audit_service.hpp"

#include "storage/audit_store.hpp"

namespace dateline::app {

Status record_account_act(db::Connection& c, const domain::Actor& by, domain::AuditAction action,
                          const std::string& email, std::string detail, UnixTime now) {
    domain::AuditEntry entry;
    entry.at = now;
    entry.actor = by;
    entry.action = action;
    entry.subject = email;
    entry.detail = std::move(detail);
    return storage::AuditStore(c).record(entry);
}

Result<std::vector<domain::AuditEntry>> AuditService::read(const domain::User& reader,
                                                           const AuditPage& page) {
    if (reader.disabled || reader.role != domain::Role::Admin)
        return Error::forbidden("Only an administrator reads the audit log.");
    auto lease = database_.acquire();
    return storage::AuditStore(*lease).list({page.site_id, page.before_id, page.limit});
}

}  // namespace dateline::app
