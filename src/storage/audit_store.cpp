#include "storage/audit_store.hpp"

#include <string>

namespace dateline::storage {

Status AuditStore::record(const domain::AuditEntry& e) {
    auto done = c_.execute(
        "INSERT INTO audit_log (at, user_id, actor, action, site_id, article_id, subject, detail) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {e.at, db::nullable(e.actor.user_id), e.actor.name,
         std::string(domain::to_string(e.action)), db::nullable(e.site_id),
         db::nullable(e.article_id), e.subject, e.detail});
    if (!done) return done.error();
    return success();
}

Result<std::vector<domain::AuditEntry>> AuditStore::list(const AuditQuery& q) {
    db::Params params;
    std::string where = "WHERE 1 = 1";
    if (q.site_id) {
        params.emplace_back(*q.site_id);
        where += " AND site_id = $" + std::to_string(params.size());
    }
    if (q.before_id) {
        params.emplace_back(*q.before_id);
        where += " AND id < $" + std::to_string(params.size());
    }
    params.emplace_back(std::int64_t{q.limit});
    auto rows = c_.query(
        "SELECT id, at, user_id, actor, action, site_id, article_id, subject, detail "
        "FROM audit_log " +
            where + " ORDER BY id DESC LIMIT $" + std::to_string(params.size()),
        params);
    if (!rows) return rows.error();
    std::vector<domain::AuditEntry> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) {
        domain::AuditEntry e;
        e.id = r.integer(0);
        e.at = r.integer(1);
        if (!r.is_null(2)) e.actor.user_id = r.integer(2);
        e.actor.name = r.text(3);
        e.action = domain::parse_audit_action(r.text(4)).value_or(domain::AuditAction::ArticleEdit);
        if (!r.is_null(5)) e.site_id = r.integer(5);
        if (!r.is_null(6)) e.article_id = r.integer(6);
        e.subject = r.text(7);
        e.detail = r.text(8);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dateline::storage
