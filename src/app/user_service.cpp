#include "app/user_service.hpp"

#include "core/utf8.hpp"
#include "crypto/crypto.hpp"
#include "domain/email.hpp"
#include "storage/audit_store.hpp"
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
    domain::AuditEntry entry;
    entry.at = now;
    entry.actor = by;
    entry.action = action;
    entry.subject = account.email;
    entry.detail = std::move(detail);
    return storage::AuditStore(c).record(entry);
}

Result<domain::User> existing(storage::UserStore& users, const std::string& email) {
    auto address = valid_email(email);
    if (!address) return address.error();
    auto found = users.by_email(*address);
    if (!found) return found.error();
    if (!*found) return Error::not_found("There is no account with the address " + *address + ".");
    return std::move(**found);
}

}  // namespace

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
            auto user = existing(users, email);
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
        auto user = existing(users, email);
        if (!user) return user.error();
        const UnixTime now = clock_.now();
        auto changed = users.set_password_hash(user->id, hash, now);
        if (!changed) return changed.error();
        return record(c, by, domain::AuditAction::UserPassword, *user, "", now);
    });
}

}  // namespace dateline::app
