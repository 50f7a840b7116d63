#include "app/audit_service.hpp"

#include "storage/audit_store.hpp"

namespace dateline::app {

Result<std::vector<domain::AuditEntry>> AuditService::read(const domain::User& reader,
                                                           const AuditPage& page) {
    if (reader.disabled || reader.role != domain::Role::Admin)
        return Error::forbidden("Only an administrator reads the audit log.");
    auto lease = database_.acquire();
    return storage::AuditStore(*lease).list({page.site_id, page.before_id, page.limit});
}

}  // namespace dateline::app
