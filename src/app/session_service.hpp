#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/shared_limits.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// How long sessions last and how many failed sign-ins are let through.
struct SessionPolicy {
    /// A session unused this long ends (an editor away from the desk).
    std::chrono::seconds idle{60 * 60};
    /// A session ends this long after sign-in however much it is used (about a shift).
    std::chrono::seconds absolute{12 * 60 * 60};
    /// Failed sign-ins let through per account, and per client address, in each window.
    RateLimit account_failures{"sign-in-account", 5, std::chrono::seconds{15 * 60}};
    RateLimit address_failures{"sign-in-address", 20, std::chrono::seconds{15 * 60}};
    /// How long a password stays good for the code that must follow it (two-step accounts).
    std::chrono::seconds code_wait{5 * 60};
    /// Codes tried per account in each window, right or wrong, counted before they are checked
    /// (so that requests side by side, on any node, cannot try more).
    RateLimit code_attempts{"sign-in-code", 10, std::chrono::seconds{15 * 60}};
    /// Wrong codes a session awaiting one takes; then it ends and the password is asked again.
    std::int64_t wrong_codes_per_session = 3;
};

/// What someone typed at the sign-in form, and where from.
struct SignInAttempt {
    std::string email;
    std::string password;
    std::string client_address;
    std::string user_agent;
};

/// A session just opened: the token goes to the browser (in a cookie) and nowhere else.
struct SignedIn {
    domain::User user;
    std::string token;
    UnixTime expires_at = 0;
    std::int64_t lifetime_seconds = 0;  ///< from now until expires_at
    /// The account asks for a code after its password: the session opens nothing until
    /// confirm_code takes one (within SessionPolicy::code_wait).
    bool awaiting_code = false;
};

/// A session a request presented, still valid.
struct ActiveSession {
    domain::User user;
    UnixTime created_at = 0;
    UnixTime expires_at = 0;
};

/// Newsroom sign-in and sessions, shared by every node through the database. Tokens are 256
/// random bits; only their SHA-256 is stored.
class SessionService {
  public:
    SessionService(db::Database& database, const Clock& clock, SessionPolicy policy = {});

    /// Checks an address and password and opens a new session (ending `previous_token`'s, if
    /// any: the token changes at every sign-in, so one planted before it is worth nothing).
    /// Forbidden, with one message for an unknown address, a wrong password and a disabled
    /// account, so that the answer tells nothing about which accounts exist (an unknown address
    /// costs the same hash as a known one). RateLimited after too many failures for the account
    /// or the address, before the password is even checked.
    Result<SignedIn> sign_in(const SignInAttempt& attempt, std::string_view previous_token = {});
    /// Whether `token` has the shape of a session's token (64 hex digits), before any lookup.
    static bool looks_like_token(std::string_view token);
    /// The account whose password opened this session, when the session is still waiting for
    /// its code (nothing otherwise: unknown, ended, or open already).
    Result<std::optional<domain::User>> awaiting_code(std::string_view token);
    /// Takes the code from the account's authenticator app for a session awaiting it, and opens
    /// a session in its place (a new token). Forbidden for a wrong code or one used already,
    /// counted as a failed sign-in; RateLimited after too many codes tried for the account;
    /// Forbidden with field "session" when there is no session awaiting a code (its time ran out,
    /// or it took too many wrong codes: sign in again).
    Result<SignedIn> confirm_code(std::string_view token, std::string_view code,
                                  const std::string& client_address);
    /// The session this token opened, if it is still valid (not past its absolute or idle limit,
    /// its account enabled, not awaiting a code); its use is recorded (at most once a minute,
    /// to spare writes).
    Result<std::optional<ActiveSession>> session(std::string_view token);
    /// Ends the session of this token (nothing happens for an unknown one).
    Status sign_out(std::string_view token);
    /// Ends every session of the account (a lost laptop); returns how many there were.
    Result<std::int64_t> sign_out_everywhere(domain::Id user_id);
    /// Forgets ended sessions.
    Status purge();

    /// Tokens that forms carry against cross-site request forgery. Before sign-in, a random one,
    /// which the browser also holds in a cookie (the form's copy must match it); once signed
    /// in, one derived from the session's token (HMAC-SHA-256), so that nothing is stored and a
    /// form is good for its session only.
    static std::string new_form_token();
    static std::string form_token_for(std::string_view session_token);
    /// Whether `presented` is `expected` (compared in constant time); never for an empty one.
    static bool form_token_matches(std::string_view expected, std::string_view presented);

  private:
    Status check_limits(const std::string& account_key, const std::string& client_address);
    Status count_failure(const std::string& account_key, const std::string& client_address);

    db::Database& database_;
    const Clock& clock_;
    SessionPolicy policy_;
    SharedLimits limits_;
};

}  // namespace dateline::app
