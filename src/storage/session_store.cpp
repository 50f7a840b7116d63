#include "storage/session_store.hpp"

namespace dateline::storage {

Status SessionStore::insert(const StoredSession& s) {
    auto done = c_.execute(
        "INSERT INTO sessions (token_digest, user_id, created_at, last_seen_at, expires_at, "
        "client_address, user_agent, awaiting_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {s.token_digest, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.client_address,
         s.user_agent, std::int64_t{s.awaiting_code ? 1 : 0}});
    if (!done) return done.error();
    return success();
}

Result<std::optional<StoredSession>> SessionStore::find(const std::string& token_digest) {
    auto rows = c_.query(
        "SELECT token_digest, user_id, created_at, last_seen_at, expires_at, client_address, "
        "user_agent, awaiting_code FROM sessions WHERE token_digest = $1",
        {token_digest});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<StoredSession>{};
    const auto& r = rows->front();
    return std::optional<StoredSession>{StoredSession{r.text(0), r.integer(1), r.integer(2),
                                                      r.integer(3), r.integer(4), r.text(5),
                                                      r.text(6), r.integer(7) != 0}};
}

Status SessionStore::touch(const std::string& token_digest, UnixTime now) {
    auto done = c_.execute("UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2",
                           {now, token_digest});
    if (!done) return done.error();
    return success();
}

Result<bool> SessionStore::remove(const std::string& token_digest) {
    auto done = c_.execute("DELETE FROM sessions WHERE token_digest = $1", {token_digest});
    if (!done) return done.error();
    return *done > 0;
}

Result<std::int64_t> SessionStore::remove_for_user(domain::Id user_id) {
    return c_.execute("DELETE FROM sessions WHERE user_id = $1", {user_id});
}

Result<std::int64_t> SessionStore::remove_others(domain::Id user_id,
                                                 const std::string& keep_digest) {
    return c_.execute("DELETE FROM sessions WHERE user_id = $1 AND token_digest <> $2",
                      {user_id, keep_digest});
}

Result<std::int64_t> SessionStore::count_wrong_code(const std::string& token_digest) {
    auto rows = c_.query(
        "UPDATE sessions SET code_failures = code_failures + 1 WHERE token_digest = $1 "
        "RETURNING code_failures",
        {token_digest});
    if (!rows) return rows.error();
    return rows->empty() ? 0 : rows->front().integer(0);
}

Result<std::int64_t> SessionStore::purge(UnixTime now, UnixTime idle_before) {
    return c_.execute("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2",
                      {now, idle_before});
}

}  // namespace dateline::storage
