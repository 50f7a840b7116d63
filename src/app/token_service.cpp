#include "app/token_service.hpp"

#include "app/audit_service.hpp"
#include "app/user_service.hpp"
#include "core/utf8.hpp"
#include "crypto/crypto.hpp"
#include "domain/email.hpp"
#include "storage/token_store.hpp"
#include "storage/user_store.hpp"

namespace dateline::app {

namespace {

constexpr std::string_view secret_prefix = "dl_";  // tells secret scanners what it is
constexpr std::size_t secret_bytes = 32;
constexpr std::size_t max_name_characters = 80;
// A token's use is written at most this often: every request would be a write otherwise.
constexpr UnixTime touch_every = 60;

}  // namespace

Result<NewToken> TokenService::create(const std::string& email, const std::string& name,
                                      const domain::Actor& by) {
    const std::string label = name.empty() ? "API" : name;
    if (!is_valid_utf8(label) || count_code_points(label) > max_name_characters ||
        has_ascii_control(label))
        return Error::invalid("A token's name needs 1 to " + std::to_string(max_name_characters) +
                                  " characters of valid UTF-8, without control characters.",
                              "name");
    NewToken made;
    made.secret = std::string(secret_prefix) + crypto::to_hex(crypto::random_bytes(secret_bytes));
    const UnixTime now = clock_.now();
    auto done = db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        auto owner = account_with_email(c, email);
        if (!owner) return owner.error();
        if (owner->disabled)
            return Error::invalid("The account " + owner->email + " is disabled.", "email");
        auto id =
            storage::TokenStore(c).insert(owner->id, label, crypto::sha256_hex(made.secret), now);
        if (!id) return id.error();
        made.token = {*id, owner->id, label, now, std::nullopt, false};
        return record_account_act(c, by, domain::AuditAction::UserTokenAdd, owner->email, label,
                                  now);
    });
    if (!done) return done.error();
    return made;
}

Result<std::vector<domain::ApiToken>> TokenService::list(const std::string& email) {
    auto lease = database_.acquire();
    auto owner = account_with_email(*lease, email);
    if (!owner) return owner.error();
    return storage::TokenStore(*lease).for_user(owner->id);
}

Status TokenService::revoke(domain::Id token_id, const domain::Actor& by,
                            std::optional<domain::Id> only_of) {
    return db::in_transaction<Done>(database_, [&](db::Connection& c) -> Status {
        storage::TokenStore tokens(c);
        auto token = tokens.by_id(token_id);
        if (!token) return token.error();
        const UnixTime now = clock_.now();
        const bool theirs = *token && (!only_of || (*token)->user_id == *only_of);
        auto revoked = theirs ? tokens.revoke(token_id, now) : Result<bool>(false);
        if (!revoked) return revoked.error();
        if (!*revoked)
            return Error::not_found("There is no working token " + std::to_string(token_id) + ".");
        auto owner = storage::UserStore(c).by_id((*token)->user_id);
        if (!owner) return owner.error();
        return record_account_act(c, by, domain::AuditAction::UserTokenRevoke,
                                  *owner ? (*owner)->email : std::string(), (*token)->name, now);
    });
}

Result<std::optional<domain::User>> TokenService::authenticate(std::string_view secret,
                                                               const std::string& client_address) {
    auto state = limits_.peek(api_token_failures, client_address);
    if (!state) return state.error();
    if (!state->allowed)
        return too_many("Too many requests with tokens that are not good.",
                        state->retry_after_seconds);
    auto found = look_up(secret);
    if (found && !*found)
        if (auto counted = limits_.hit(api_token_failures, client_address); !counted)
            return counted.error();
    return found;
}

bool looks_like_api_token(std::string_view secret) {
    const auto hex = secret.substr(std::min(secret.size(), secret_prefix.size()));
    return secret.starts_with(secret_prefix) && hex.size() == secret_bytes * 2 &&
           crypto::from_hex(hex).has_value();
}

Result<std::optional<domain::User>> TokenService::look_up(std::string_view secret) {
    if (!looks_like_api_token(secret)) return std::optional<domain::User>{};
    auto lease = database_.acquire();
    storage::TokenStore tokens(*lease);
    auto token = tokens.by_digest(crypto::sha256_hex(secret));
    if (!token) return token.error();
    if (!*token || (*token)->revoked) return std::optional<domain::User>{};
    auto owner = storage::UserStore(*lease).by_id((*token)->user_id);
    if (!owner) return owner.error();
    if (!*owner || (*owner)->disabled) return std::optional<domain::User>{};
    const UnixTime now = clock_.now();
    if (!(*token)->last_used_at || now - *(*token)->last_used_at >= touch_every)
        if (auto touched = tokens.touch((*token)->id, now); !touched) return touched.error();
    return owner;
}

}  // namespace dateline::app
