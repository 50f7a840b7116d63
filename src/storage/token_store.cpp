#include "storage/token_store.hpp"

namespace dateline::storage {

namespace {

constexpr const char* token_columns =
    "SELECT id, user_id, name, created_at, last_used_at, revoked_at IS NOT NULL FROM api_tokens ";

domain::ApiToken token_from_row(const db::Row& r) {
    domain::ApiToken t;
    t.id = r.integer(0);
    t.user_id = r.integer(1);
    t.name = r.text(2);
    t.created_at = r.integer(3);
    if (!r.is_null(4)) t.last_used_at = r.integer(4);
    t.revoked = r.integer(5) != 0;
    return t;
}

}  // namespace

Result<domain::Id> TokenStore::insert(domain::Id user_id, const std::string& name,
                                      const std::string& token_digest, UnixTime now) {
    auto rows = c_.query(
        "INSERT INTO api_tokens (user_id, name, token_digest, created_at) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        {user_id, name, token_digest, now});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::optional<domain::ApiToken>> TokenStore::by_digest(const std::string& token_digest) {
    auto rows = c_.query(std::string(token_columns) + "WHERE token_digest = $1", {token_digest});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::ApiToken>{};
    return std::optional<domain::ApiToken>{token_from_row(rows->front())};
}

Result<std::optional<domain::ApiToken>> TokenStore::by_id(domain::Id id) {
    auto rows = c_.query(std::string(token_columns) + "WHERE id = $1", {id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::ApiToken>{};
    return std::optional<domain::ApiToken>{token_from_row(rows->front())};
}

Result<std::vector<domain::ApiToken>> TokenStore::for_user(domain::Id user_id) {
    auto rows =
        c_.query(std::string(token_columns) + "WHERE user_id = $1 ORDER BY id DESC", {user_id});
    if (!rows) return rows.error();
    std::vector<domain::ApiToken> tokens;
    tokens.reserve(rows->size());
    for (const auto& r : *rows) tokens.push_back(token_from_row(r));
    return tokens;
}

Result<bool> TokenStore::revoke(domain::Id id, UnixTime now) {
    auto done = c_.execute(
        "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", {id, now});
    if (!done) return done.error();
    return *done > 0;
}

Status TokenStore::touch(domain::Id id, UnixTime now) {
    auto done = c_.execute("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", {id, now});
    if (!done) return done.error();
    return success();
}

}  // namespace dateline::storage
