#include "storage/user_store.hpp"

#include <unordered_map>

namespace dateline::storage {

using domain::Id;
using domain::User;

namespace {

constexpr const char* user_columns =
    "SELECT id, email, name, role, disabled_at IS NOT NULL, created_at, totp_key IS NOT NULL "
    "FROM users ";

User user_from_row(const db::Row& r) {
    User u;
    u.id = r.integer(0);
    u.email = r.text(1);
    u.name = r.text(2);
    // The table's CHECK admits only known roles; the least powerful one is the safe reading.
    u.role = domain::parse_role(r.text(3)).value_or(domain::Role::Author);
    u.disabled = r.integer(4) != 0;
    u.created_at = r.integer(5);
    u.two_step = r.integer(6) != 0;
    return u;
}

}  // namespace

Result<Id> UserStore::insert(const User& user, const std::string& password_hash, UnixTime now) {
    auto rows = c_.query(
        "INSERT INTO users (email, name, role, password_hash, disabled_at, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, NULL, $5, $5) ON CONFLICT (email) DO NOTHING "
        "RETURNING id",
        {user.email, user.name, std::string(domain::to_string(user.role)), password_hash, now});
    if (!rows) return rows.error();
    if (rows->empty())
        return Error::conflict("There is already an account with this e-mail address.", "email");
    const Id id = rows->front().integer(0);
    for (const Id site : user.site_ids) {
        auto added = c_.execute(
            "INSERT INTO user_sites (user_id, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            {id, site});
        if (!added) return added.error();
    }
    return id;
}

Result<std::optional<User>> UserStore::by_email(const std::string& email) {
    return one(std::string(user_columns) + "WHERE email = $1", {email});
}

Result<std::optional<User>> UserStore::by_id(Id id) {
    return one(std::string(user_columns) + "WHERE id = $1", {id});
}

Result<std::optional<User>> UserStore::one(const std::string& sql, const db::Params& params) {
    auto rows = c_.query(sql, params);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<User>{};
    std::vector<User> users{user_from_row(rows->front())};
    if (auto s = attach_sites(users); !s) return s.error();
    return std::optional<User>{std::move(users.front())};
}

Result<std::optional<std::string>> UserStore::password_hash(Id user_id) {
    auto rows = c_.query("SELECT password_hash FROM users WHERE id = $1", {user_id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<std::string>{};
    return std::optional<std::string>{rows->front().text(0)};
}

Result<std::vector<User>> UserStore::list() {
    auto rows = c_.query(std::string(user_columns) + "ORDER BY email");
    if (!rows) return rows.error();
    std::vector<User> users;
    users.reserve(rows->size());
    for (const auto& r : *rows) users.push_back(user_from_row(r));
    if (auto s = attach_sites(users); !s) return s.error();
    return users;
}

Result<bool> UserStore::set_password_hash(Id user_id, const std::string& hash, UnixTime now) {
    auto changed = c_.execute("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3",
                              {hash, now, user_id});
    if (!changed) return changed.error();
    return *changed > 0;
}

Result<bool> UserStore::set_disabled(Id user_id, bool disabled, UnixTime now) {
    auto changed = c_.execute("UPDATE users SET disabled_at = $1, updated_at = $2 WHERE id = $3",
                              {disabled ? db::Value(now) : db::Value(nullptr), now, user_id});
    if (!changed) return changed.error();
    return *changed > 0;
}

Status UserStore::attach_sites(std::vector<User>& users) {
    if (users.empty()) return success();
    // One account's sites by key; for a list (a newsroom's handful), every link at once.
    auto rows = users.size() == 1
                    ? c_.query(
                          "SELECT user_id, site_id FROM user_sites WHERE user_id = $1 "
                          "ORDER BY site_id",
                          {users.front().id})
                    : c_.query("SELECT user_id, site_id FROM user_sites ORDER BY user_id, site_id");
    if (!rows) return rows.error();
    std::unordered_map<Id, User*> by_id;
    for (auto& u : users) by_id[u.id] = &u;
    for (const auto& r : *rows)
        if (const auto it = by_id.find(r.integer(0)); it != by_id.end())
            it->second->site_ids.push_back(r.integer(1));
    return success();
}

Result<TwoStepKeys> UserStore::two_step_keys(Id user_id) {
    auto rows = c_.query(
        "SELECT totp_key, totp_pending_key, totp_last_step FROM users WHERE id = $1", {user_id});
    if (!rows) return rows.error();
    if (rows->empty()) return Error::not_found("There is no such account.");
    const auto& r = rows->front();
    TwoStepKeys keys;
    if (!r.is_null(0)) keys.key = r.text(0);
    if (!r.is_null(1)) keys.pending_key = r.text(1);
    keys.last_step = r.integer(2);
    return keys;
}

Result<bool> UserStore::set_pending_two_step_key(Id user_id, const std::string& key_hex,
                                                 UnixTime now) {
    auto done = c_.execute("UPDATE users SET totp_pending_key = $2, updated_at = $3 WHERE id = $1",
                           {user_id, key_hex, now});
    if (!done) return done.error();
    return *done > 0;
}

Result<bool> UserStore::confirm_two_step_key(Id user_id, const std::string& key_hex, UnixTime now) {
    auto done = c_.execute(
        "UPDATE users SET totp_key = totp_pending_key, totp_pending_key = NULL, updated_at = $3 "
        "WHERE id = $1 AND totp_pending_key = $2",
        {user_id, key_hex, now});
    if (!done) return done.error();
    return *done > 0;
}

Result<bool> UserStore::remove_two_step_keys(Id user_id, UnixTime now) {
    auto done = c_.execute(
        "UPDATE users SET totp_key = NULL, totp_pending_key = NULL, updated_at = $2 WHERE id = $1",
        {user_id, now});
    if (!done) return done.error();
    return *done > 0;
}

Result<bool> UserStore::use_two_step(Id user_id, std::int64_t step) {
    auto done =
        c_.execute("UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2",
                   {user_id, step});
    if (!done) return done.error();
    return *done > 0;
}

}  // namespace dateline::storage
