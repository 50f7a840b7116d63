#include "app/session_service.hpp"

#include <algorithm>

#include "app/two_step.hpp"
#include "core/utf8.hpp"
#include "crypto/crypto.hpp"
#include "domain/email.hpp"
#include "storage/session_store.hpp"
#include "storage/user_store.hpp"

namespace dateline::app {

namespace {

constexpr std::size_t token_bytes = 32;
constexpr std::size_t max_user_agent_bytes = 256;
// A session's use is written at most this often: every request would be a write otherwise.
constexpr UnixTime touch_every = 60;

const char* const refused = "The e-mail address or the password is not right.";
const char* const time_ran_out =
    "This sign-in has ended (it waited too long, or took too many wrong codes). Sign in again.";

// A hash to check passwords against when the address has no account, so that an unknown address
// takes as long as a known one.
const std::string& stand_in_hash() {
    static const std::string hash = crypto::hash_password(crypto::to_hex(crypto::random_bytes(16)));
    return hash;
}

std::optional<std::string> digest_of(std::string_view token) {
    if (!SessionService::looks_like_token(token)) return std::nullopt;
    return crypto::sha256_hex(token);
}

Error too_many(std::int64_t retry_after_seconds) {
    return app::too_many("Too many attempts to sign in.", retry_after_seconds);
}

// Forbidden, naming the field at fault (the screen shows the message beside it).
Error forbidden_in(std::string message, std::string field) {
    Error e = Error::forbidden(std::move(message));
    e.field = std::move(field);
    return e;
}

// The account's counter is keyed by a digest: the table of counters holds no addresses.
std::string account_key_of(std::string_view email) {
    return crypto::sha256_hex(email);
}

}  // namespace

SessionService::SessionService(db::Database& database, const Clock& clock, SessionPolicy policy)
    : database_(database), clock_(clock), policy_(std::move(policy)), limits_(database, clock) {}

Result<SignedIn> SessionService::sign_in(const SignInAttempt& attempt,
                                         std::string_view previous_token) {
    const auto email = domain::account_email(attempt.email);
    const std::string account_key = account_key_of(email.value_or(attempt.email));
    if (auto checked = check_limits(account_key, attempt.client_address); !checked)
        return checked.error();
    std::optional<domain::User> user;
    std::string hash = stand_in_hash();
    if (email) {
        auto lease = database_.acquire();
        storage::UserStore users(*lease);
        auto found = users.by_email(*email);
        if (!found) return found.error();
        if (*found) {
            auto stored = users.password_hash((*found)->id);
            if (!stored) return stored.error();
            if (*stored) {
                user = std::move(*found);
                hash = std::move(**stored);
            }
        }
    }
    // A password past the limit is never hashed: it cannot be an account's.
    const bool long_enough_to_try = attempt.password.size() <= domain::max_password_bytes;
    const bool matches = long_enough_to_try && crypto::password_matches(hash, attempt.password);
    if (!user || !matches || user->disabled) {
        if (auto counted = count_failure(account_key, attempt.client_address); !counted)
            return counted.error();
        return Error::forbidden(refused);
    }
    // A hash made at an older cost is made again now that the password is at hand.
    std::optional<std::string> rehashed;
    if (crypto::password_hash_outdated(hash)) rehashed = crypto::hash_password(attempt.password);
    const UnixTime now = clock_.now();
    // An account with two-step sign-in gets a session that waits minutes for its code.
    const bool awaiting_code = user->two_step;
    const auto lifetime = awaiting_code ? policy_.code_wait.count() : policy_.absolute.count();
    SignedIn signed_in{std::move(*user), crypto::to_hex(crypto::random_bytes(token_bytes)),
                       now + lifetime, lifetime, awaiting_code};
    std::string agent = attempt.user_agent.substr(0, max_user_agent_bytes);
    agent = to_displayable_utf8(agent);
    const storage::StoredSession stored{crypto::sha256_hex(signed_in.token),
                                        signed_in.user.id,
                                        now,
                                        now,
                                        signed_in.expires_at,
                                        attempt.client_address,
                                        agent,
                                        awaiting_code};
    auto opened = db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        storage::SessionStore sessions(c);
        if (const auto previous = digest_of(previous_token))
            if (auto removed = sessions.remove(*previous); !removed) return removed.error();
        if (rehashed)
            if (auto s = storage::UserStore(c).set_password_hash(signed_in.user.id, *rehashed, now);
                !s)
                return s.error();
        return sessions.insert(stored);
    });
    if (!opened) return opened.error();
    return signed_in;
}

bool SessionService::looks_like_token(std::string_view token) {
    return token.size() == token_bytes * 2 && crypto::from_hex(token).has_value();
}

Status SessionService::check_limits(const std::string& account_key,
                                    const std::string& client_address) {
    for (const auto& [limit, key] : {std::pair{&policy_.account_failures, account_key},
                                     std::pair{&policy_.address_failures, client_address}}) {
        auto state = limits_.peek(*limit, key);
        if (!state) return state.error();
        if (!state->allowed) return too_many(state->retry_after_seconds);
    }
    return success();
}

Status SessionService::count_failure(const std::string& account_key,
                                     const std::string& client_address) {
    for (const auto& [limit, key] : {std::pair{&policy_.account_failures, account_key},
                                     std::pair{&policy_.address_failures, client_address}}) {
        auto counted = limits_.hit(*limit, key);
        if (!counted) return counted.error();
    }
    return success();
}

Result<std::optional<domain::User>> SessionService::awaiting_code(std::string_view token) {
    const auto digest = digest_of(token);
    if (!digest) return std::optional<domain::User>{};
    auto lease = database_.acquire();
    auto found = storage::SessionStore(*lease).find(*digest);
    if (!found) return found.error();
    if (!*found || !(*found)->awaiting_code || (*found)->expires_at <= clock_.now())
        return std::optional<domain::User>{};
    auto user = storage::UserStore(*lease).by_id((*found)->user_id);
    if (!user) return user.error();
    if (!*user || (*user)->disabled) return std::optional<domain::User>{};
    return user;
}

Result<SignedIn> SessionService::confirm_code(std::string_view token, std::string_view code,
                                              const std::string& client_address) {
    auto user = awaiting_code(token);
    if (!user) return user.error();
    if (!*user) return forbidden_in(time_ran_out, "session");
    const std::string account_key = account_key_of((*user)->email);
    if (auto checked = check_limits(account_key, client_address); !checked) return checked.error();
    auto attempt = limits_.hit(policy_.code_attempts, account_key);
    if (!attempt) return attempt.error();
    if (!attempt->allowed) return too_many(attempt->retry_after_seconds);
    const UnixTime now = clock_.now();
    const std::string digest = crypto::sha256_hex(token);
    SignedIn signed_in{std::move(**user), crypto::to_hex(crypto::random_bytes(token_bytes)),
                       now + policy_.absolute.count(), policy_.absolute.count()};
    enum class Outcome { Opened, WrongCode, Gone } outcome = Outcome::Gone;
    auto opened = db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        auto found = storage::SessionStore(c).find(digest);
        if (!found) return found.error();
        if (!*found) return success();  // taken by another request meanwhile
        auto took = take_two_step_code(c, signed_in.user.id, code, now);
        if (!took) return took.error();
        storage::SessionStore sessions(c);
        if (!*took) {
            outcome = Outcome::WrongCode;
            auto wrong = sessions.count_wrong_code(digest);
            if (!wrong) return wrong.error();
            if (*wrong < policy_.wrong_codes_per_session) return success();
            outcome = Outcome::Gone;  // too many for one password: it must be given again
            auto removed = sessions.remove(digest);
            if (!removed) return removed.error();
            return success();
        }
        outcome = Outcome::Opened;
        if (auto removed = sessions.remove(digest); !removed) return removed.error();
        storage::StoredSession full = **found;
        full.token_digest = crypto::sha256_hex(signed_in.token);
        full.created_at = now;
        full.last_seen_at = now;
        full.expires_at = signed_in.expires_at;
        full.awaiting_code = false;
        return sessions.insert(full);
    });
    if (!opened) return opened.error();
    if (outcome == Outcome::Gone) {
        if (auto counted = count_failure(account_key, client_address); !counted)
            return counted.error();
        return forbidden_in(time_ran_out, "session");
    }
    if (outcome == Outcome::WrongCode) {
        if (auto counted = count_failure(account_key, client_address); !counted)
            return counted.error();
        return forbidden_in("The code is not right, or was used already.", "code");
    }
    return signed_in;
}

Result<std::optional<ActiveSession>> SessionService::session(std::string_view token) {
    const auto digest = digest_of(token);
    if (!digest) return std::optional<ActiveSession>{};
    const UnixTime now = clock_.now();
    auto lease = database_.acquire();
    storage::SessionStore sessions(*lease);
    auto found = sessions.find(*digest);
    if (!found) return found.error();
    if (!*found) return std::optional<ActiveSession>{};
    const auto& s = **found;
    auto user = storage::UserStore(*lease).by_id(s.user_id);
    if (!user) return user.error();
    if (s.awaiting_code) return std::optional<ActiveSession>{};  // opens nothing yet
    const bool ended = s.expires_at <= now || s.last_seen_at + policy_.idle.count() <= now ||
                       !*user || (*user)->disabled;
    if (ended) {
        if (auto removed = sessions.remove(*digest); !removed) return removed.error();
        return std::optional<ActiveSession>{};
    }
    if (now - s.last_seen_at >= touch_every)
        if (auto touched = sessions.touch(*digest, now); !touched) return touched.error();
    return std::optional<ActiveSession>{
        ActiveSession{std::move(**user), s.created_at, s.expires_at}};
}

Status SessionService::sign_out(std::string_view token) {
    const auto digest = digest_of(token);
    if (!digest) return success();
    auto lease = database_.acquire();
    auto removed = storage::SessionStore(*lease).remove(*digest);
    if (!removed) return removed.error();
    return success();
}

Result<std::int64_t> SessionService::sign_out_everywhere(domain::Id user_id) {
    auto lease = database_.acquire();
    return storage::SessionStore(*lease).remove_for_user(user_id);
}

std::string SessionService::new_form_token() {
    return crypto::to_hex(crypto::random_bytes(token_bytes));
}

std::string SessionService::form_token_for(std::string_view session_token) {
    return crypto::to_hex(crypto::hmac_sha256(session_token, "dateline newsroom forms"));
}

bool SessionService::form_token_matches(std::string_view expected, std::string_view presented) {
    return !expected.empty() && crypto::equal_in_constant_time(expected, presented);
}

Status SessionService::purge() {
    const UnixTime now = clock_.now();
    auto lease = database_.acquire();
    auto purged = storage::SessionStore(*lease).purge(now, now - policy_.idle.count());
    if (!purged) return purged.error();
    return success();
}

}  // namespace dateline::app
