#include "app/user_service.hpp"

#include "app/audit_service.hpp"
#include "core/utf8.hpp"
#include "crypto/crypto.hpp"
#include "crypto/totp.hpp"
#include "domain/email.hpp"
#include "storage/session_store.hpp"
#include "storage/site_store.hpp"
#include "storage/user_store.hpp"

namespace dateline::app {

namespace {

Result<std::string> valid_email(const std::string& email) {
    auto normalized = domain::account_email(email);
    if (!normalized) return Error::invalid("This is not a usable e-mail address.", "email");
    return std::move(*normalized);
}

Status valid_password(const std::string& password) {
    const auto problem = domain::password_problem(password);
    if (!problem) return success();
    if (*problem == "too_short")
        return Error::invalid("A password needs at least " +
                                  std::to_string(domain::min_password_characters) + " characters.",
                              "password");
    if (*problem == "too_long")
        return Error::invalid(
            "A password may have at most " + std::to_string(domain::max_password_bytes) + " bytes.",
            "password");
    return Error::invalid("A password may not hold control characters or invalid UTF-8.",
                          "password");
}

Status record(db::Connection& c, const domain::Actor& by, domain::AuditAction action,
              const domain::User& account, std::string detail, UnixTime now) {
    return record_account_act(c, by, action, account.email, std::move(detail), now);
}

}  // namespace

Result<domain::User> account_with_email(db::Connection& c, const std::string& email) {
    auto address = valid_email(email);
    if (!address) return address.error();
    auto found = storage::UserStore(c).by_email(*address);
    if (!found) return found.error();
    if (!*found) return Error::not_found("There is no account with the address " + *address + ".");
    return std::move(**found);
}

Result<domain::User> UserService::add(const NewUser& draft, const std::string& password,
                                      const domain::Actor& by) {
    domain::User user;
    auto email = valid_email(draft.email);
    if (!email) return email.error();
    user.email = std::move(*email);
    user.name = draft.name.empty() ? user.email.substr(0, user.email.find('@')) : draft.name;
    if (!is_valid_utf8(user.name) ||
        count_code_points(user.name) > domain::max_user_name_characters ||
        user.name.find_first_not_of(' ') == std::string::npos || has_ascii_control(user.name))
        return Error::invalid("A name needs 1 to " +
                                  std::to_string(domain::max_user_name_characters) +
                                  " characters of valid UTF-8, without control characters.",
                              "name");
    user.role = draft.role;
    const bool admin = user.role == domain::Role::Admin;
    if (admin && !draft.site_slugs.empty())
        return Error::invalid("An admin works on every site: give no sites.", "site");
    if (!admin && draft.site_slugs.empty())
        return Error::invalid("Give the sites this account works on.", "site");
    if (auto s = valid_password(password); !s) return s.error();
    // Hashed before the transaction: it takes tens of milliseconds, and holds no lock.
    const std::string hash = crypto::hash_password(password);
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::User>(
        database_, [&](db::Connection& c) -> Result<domain::User> {
            auto sites = storage::SiteStore(c).sites();
            if (!sites) return sites.error();
            for (const auto& slug : draft.site_slugs) {
                const auto* site = [&]() -> const domain::Site* {
                    for (const auto& s : *sites)
                        if (s.slug == slug) return &s;
                    return nullptr;
                }();
                if (!site) {
                    Error e = Error::not_found("There is no site '" + slug + "'.");
                    e.field = "site";
                    return e;
                }
                user.site_ids.push_back(site->id);
            }
            auto id = storage::UserStore(c).insert(user, hash, now);
            if (!id) return id.error();
            user.id = *id;
            user.created_at = now;
            std::string where;
            for (const auto& slug : draft.site_slugs)
                where += (where.empty() ? " on " : ", ") + slug;
            if (auto kept = record(c, by, domain::AuditAction::UserAdd, user,
                                   std::string(domain::to_string(user.role)) + where, now);
                !kept)
                return kept.error();
            return user;
        });
}

Result<std::vector<domain::User>> UserService::list() {
    auto lease = database_.acquire();
    return storage::UserStore(*lease).list();
}

Result<domain::User> UserService::set_disabled(const std::string& email, bool disabled,
                                               const domain::Actor& by) {
    return db::in_transaction<domain::User>(
        database_, [&](db::Connection& c) -> Result<domain::User> {
            storage::UserStore users(c);
            auto user = account_with_email(c, email);
            if (!user) return user.error();
            const UnixTime now = clock_.now();
            auto changed = users.set_disabled(user->id, disabled, now);
            if (!changed) return changed.error();
            user->disabled = disabled;
            if (auto kept = record(
                    c, by,
                    disabled ? domain::AuditAction::UserDisable : domain::AuditAction::UserEnable,
                    *user, "", now);
                !kept)
                return kept.error();
            return user;
        });
}

Status UserService::reset_password(const std::string& email, const std::string& password,
                                   const domain::Actor& by) {
    if (auto s = valid_password(password); !s) return s.error();
    const std::string hash = crypto::hash_password(password);
    return db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        storage::UserStore users(c);
        auto user = account_with_email(c, email);
        if (!user) return user.error();
        const UnixTime now = clock_.now();
        auto changed = users.set_password_hash(user->id, hash, now);
        if (!changed) return changed.error();
        return record(c, by, domain::AuditAction::UserPassword, *user, "", now);
    });
}

namespace {

// Wrong codes let through per account in each window, when turning two-step sign-in on or off.
const RateLimit two_step_code_failures{"two-step-code", 5, std::chrono::seconds{15 * 60}};

Error wrong_code() {
    return Error::invalid("The code is not right. Type the six digits your app shows now.", "code");
}

}  // namespace

Status UserService::with_code(const domain::User& account, const CodeAct& act) {
    const std::string key = std::to_string(account.id);
    auto state = limits_.peek(two_step_code_failures, key);
    if (!state) return state.error();
    if (!state->allowed)
        return Error::rate_limited("Too many wrong codes. Try again in a few minutes.",
                                   state->retry_after_seconds);
    bool right = false;
    auto done = db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        auto acted = act(c, clock_.now());
        if (!acted) return acted.error();
        right = *acted;
        return success();
    });
    if (!done) return done.error();
    if (right) return success();
    if (auto counted = limits_.hit(two_step_code_failures, key); !counted) return counted.error();
    return wrong_code();
}

Result<TwoStepSetup> UserService::begin_two_step(const domain::User& account,
                                                 std::string_view issuer) {
    const std::string key = crypto::random_bytes(crypto::totp_key_bytes);
    auto lease = database_.acquire();
    auto kept = storage::UserStore(*lease).set_pending_two_step_key(account.id, crypto::to_hex(key),
                                                                    clock_.now());
    if (!kept) return kept.error();
    if (!*kept) return Error::not_found("There is no such account.");
    return two_step_setup(key, issuer, account.email);
}

Result<std::optional<TwoStepSetup>> UserService::pending_two_step(const domain::User& account,
                                                                  std::string_view issuer) {
    auto lease = database_.acquire();
    auto keys = storage::UserStore(*lease).two_step_keys(account.id);
    if (!keys) return keys.error();
    const auto key = keys->pending_key ? crypto::from_hex(*keys->pending_key) : std::nullopt;
    if (!key) return std::optional<TwoStepSetup>{};
    return std::optional<TwoStepSetup>{two_step_setup(*key, issuer, account.email)};
}

Status UserService::confirm_two_step(const domain::User& account, std::string_view code,
                                     std::string_view keep_session) {
    return with_code(account, [&](db::Connection& c, UnixTime now) -> Result<bool> {
        storage::UserStore users(c);
        auto keys = users.two_step_keys(account.id);
        if (!keys) return keys.error();
        if (!keys->pending_key) return Error::not_found("Nothing is being set up: start again.");
        const auto key = crypto::from_hex(*keys->pending_key);
        const auto step = key ? crypto::totp_match(*key, code, now, keys->last_step) : std::nullopt;
        if (!step) return false;
        // The step first: a code taken meanwhile (a second click) writes nothing.
        auto used = users.use_two_step(account.id, *step);
        if (!used) return used.error();
        if (!*used) return false;
        auto confirmed = users.confirm_two_step_key(account.id, *keys->pending_key, now);
        if (!confirmed) return confirmed.error();
        if (!*confirmed)  // an error, so that the step taken above is rolled back
            return Error::conflict("The setup changed meanwhile: start again.", "code");
        // Whoever signed in with the password alone (a thief, perhaps) is signed out.
        auto ended = storage::SessionStore(c).remove_others(
            account.id, keep_session.empty() ? std::string() : crypto::sha256_hex(keep_session));
        if (!ended) return ended.error();
        if (auto kept = record(c, domain::Actor::of(account), domain::AuditAction::UserTwoStep,
                               account, "on", now);
            !kept)
            return kept.error();
        return true;
    });
}

Status UserService::remove_two_step(const domain::User& account, std::string_view code) {
    return with_code(account, [&](db::Connection& c, UnixTime now) -> Result<bool> {
        auto taken = take_two_step_code(c, account.id, code, now);
        if (!taken || !*taken) return taken;
        auto removed = storage::UserStore(c).remove_two_step_keys(account.id, now);
        if (!removed) return removed.error();
        if (auto kept = record(c, domain::Actor::of(account), domain::AuditAction::UserTwoStep,
                               account, "off", now);
            !kept)
            return kept.error();
        return true;
    });
}

Status UserService::reset_two_step(const std::string& email, const domain::Actor& by) {
    return db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        storage::UserStore users(c);
        auto user = account_with_email(c, email);
        if (!user) return user.error();
        const UnixTime now = clock_.now();
        auto removed = users.remove_two_step_keys(user->id, now);
        if (!removed) return removed.error();
        auto ended = storage::SessionStore(c).remove_for_user(user->id);
        if (!ended) return ended.error();
        return record(c, by, domain::AuditAction::UserTwoStep, *user, "reset", now);
    });
}

}  // namespace dateline::app
