#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/shared_limits.hpp"
#include "app/two_step.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/audit.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// The account with this address (in any case, with spaces around): Invalid for a malformed
/// address, NotFound when there is none. For the services that act on an account named by it.
Result<domain::User> account_with_email(db::Connection& c, const std::string& email);

/// A new account as an admin (or `dateline user add`) describes it.
struct NewUser {
    std::string email;
    std::string name;  ///< empty: the address's part before the @
    domain::Role role = domain::Role::Author;
    std::vector<std::string> site_slugs;  ///< required, except for an admin (every site)
};

/// Newsroom accounts: creating them, listing them, disabling them, setting their passwords,
/// turning their two-step sign-in on and off.
/// Each change is recorded in the audit log, by `by` (the console's commands by default).
/// Every failure is an Error with a message for the person at the keyboard and the field at
/// fault ("email", "name", "role", "site", "password"); nothing is half-written.
class UserService {
  public:
    UserService(db::Database& database, const Clock& clock)
        : database_(database), clock_(clock), limits_(database, clock) {}

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

    /// A new key for the account's authenticator app, kept as the one being set up (replacing an
    /// earlier one); a key in use stays so until confirm_two_step. `issuer` labels it in the app.
    Result<TwoStepSetup> begin_two_step(const domain::User& account, std::string_view issuer);
    /// The key being set up, shown again (after a wrong code); nothing when there is none.
    Result<std::optional<TwoStepSetup>> pending_two_step(const domain::User& account,
                                                         std::string_view issuer);
    /// Turns two-step sign-in on with the key being set up, once `code` from it is right, and
    /// ends the account's other sessions (opened by the password alone), all but
    /// `keep_session`'s (the token of the session that asks, if any). Invalid (field "code") for
    /// a wrong code; NotFound when nothing is being set up; RateLimited after too many wrong
    /// codes. Audited.
    Status confirm_two_step(const domain::User& account, std::string_view code,
                            std::string_view keep_session = {});
    /// Turns two-step sign-in off; `code` must be a current one from the key in use (whoever
    /// holds the session alone cannot). Invalid (field "code"), RateLimited as above. Audited.
    Status remove_two_step(const domain::User& account, std::string_view code);
    /// Turns two-step sign-in off for an account whose phone is lost, and ends its sessions
    /// (`dateline user reset-two-step`). NotFound when there is no such account. Audited.
    Status reset_two_step(const std::string& email,
                          const domain::Actor& by = domain::Actor::system("command line"));

  private:
    /// Checks a code and does what it allows, in one transaction: true when the code was right
    /// and the work is done, false for a wrong code (nothing written).
    using CodeAct = std::function<Result<bool>(db::Connection&, UnixTime now)>;
    /// Runs `act` behind the limit on wrong codes, and counts a wrong one.
    Status with_code(const domain::User& account, const CodeAct& act);

    db::Database& database_;
    const Clock& clock_;
    SharedLimits limits_;
};

}  // namespace dateline::app
