#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/user.hpp"

namespace dateline::storage {

/// An account's keys for two-step sign-in (hex), and the time step of its last code taken.
struct TwoStepKeys {
    std::optional<std::string> key;          ///< in use; none while two-step sign-in is off
    std::optional<std::string> pending_key;  ///< shown for setting up, not yet confirmed
    std::int64_t last_step = 0;
};

/// Newsroom accounts (migrations/*/0009_create_users.sql, 0017 for two-step sign-in). Addresses are
/// stored as given: callers pass them through domain::account_email first.
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

    /// The account's two-step keys; NotFound when there is no such account.
    Result<TwoStepKeys> two_step_keys(domain::Id user_id);
    /// Keeps `key_hex` as the key being set up (replacing an earlier one), the one in use kept.
    Result<bool> set_pending_two_step_key(domain::Id user_id, const std::string& key_hex,
                                          UnixTime now);
    /// Makes the key being set up the one in use, if it is still `key_hex`.
    Result<bool> confirm_two_step_key(domain::Id user_id, const std::string& key_hex, UnixTime now);
    /// Forgets both keys: two-step sign-in is off.
    Result<bool> remove_two_step_keys(domain::Id user_id, UnixTime now);
    /// Records `step` as the last code taken, only if it is later than the last one: false when
    /// it is not (a code used twice, also by two nodes at once).
    Result<bool> use_two_step(domain::Id user_id, std::int64_t step);

  private:
    Result<std::optional<domain::User>> one(const std::string& sql, const db::Params& params);
    Status attach_sites(std::vector<domain::User>& users);

    db::Connection& c_;
};

}  // namespace dateline::storage
