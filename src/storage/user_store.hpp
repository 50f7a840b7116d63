#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/user.hpp"

namespace dateline::storage {

/// Newsroom accounts (migrations/*/0009_create_users.sql). Addresses are stored as given:
/// callers pass them through domain::account_email first.
class UserStore {
  public:
    explicit UserStore(db::Connection& connection) : c_(connection) {}

    /// Stores a new account and its sites; returns its id. Conflict when the address is taken.
    Result<domain::Id> insert(const domain::User& user, const std::string& password_hash,
                              UnixTime now);
    /// The account with this address, with its sites, if any.
    Result<std::optional<domain::User>> by_email(const std::string& email);
    /// The account with this id, with its sites, if any.
    Result<std::optional<domain::User>> by_id(domain::Id id);
    /// The stored password hash of an account, if it exists.
    Result<std::optional<std::string>> password_hash(domain::Id user_id);
    /// Every account with its sites, by address.
    Result<std::vector<domain::User>> list();
    /// Replaces an account's password hash; false when there is no such account.
    Result<bool> set_password_hash(domain::Id user_id, const std::string& hash, UnixTime now);
    /// Disables (or enables again) an account; false when there is no such account.
    Result<bool> set_disabled(domain::Id user_id, bool disabled, UnixTime now);

  private:
    Result<std::optional<domain::User>> one(const std::string& sql, const db::Params& params);
    Status attach_sites(std::vector<domain::User>& users);

    db::Connection& c_;
};

}  // namespace dateline::storage
