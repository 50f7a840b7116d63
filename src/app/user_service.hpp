#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/audit.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// A new account as an admin (or `dateline user add`) describes it.
struct NewUser {
    std::string email;
    std::string name;  ///< empty: the address's part before the @
    domain::Role role = domain::Role::Author;
    std::vector<std::string> site_slugs;  ///< required, except for an admin (every site)
};

/// Newsroom accounts: creating them, listing them, disabling them, setting their passwords.
/// Each change is recorded in the audit log, by `by` (the console's commands by default).
/// Every failure is an Error with a message for the person at the keyboard and the field at
/// fault ("email", "name", "role", "site", "password"); nothing is half-written.
class UserService {
  public:
    UserService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    /// Creates an account with this password (hashed with Argon2id; never stored as given).
    /// Invalid: a malformed address, name or password (domain::password_problem), sites for an
    /// admin or none for another role; NotFound: an unknown site; Conflict: the address is taken.
    Result<domain::User> add(const NewUser& user, const std::string& password,
                             const domain::Actor& by = domain::Actor::system("command line"));
    /// Every account, by address.
    Result<std::vector<domain::User>> list();
    /// Stops an account from signing in (enable: lets it again). NotFound when there is none.
    Result<domain::User> set_disabled(
        const std::string& email, bool disabled,
        const domain::Actor& by = domain::Actor::system("command line"));
    /// Sets an account's password. NotFound when there is no such account.
    Status reset_password(const std::string& email, const std::string& password,
                          const domain::Actor& by = domain::Actor::system("command line"));

  private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace dateline::app
