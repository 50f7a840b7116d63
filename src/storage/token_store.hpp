#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/user.hpp"

namespace dateline::storage {

/// API tokens (migrations/*/0018_create_api_tokens.sql), found by the digest of their secret.
class TokenStore {
  public:
    explicit TokenStore(db::Connection& connection) : c_(connection) {}

    /// Stores a new token; returns its id.
    Result<domain::Id> insert(domain::Id user_id, const std::string& name,
                              const std::string& token_digest, UnixTime now);
    /// The token with this digest, revoked or not (the caller decides), if any.
    Result<std::optional<domain::ApiToken>> by_digest(const std::string& token_digest);
    /// The token with this id, if any.
    Result<std::optional<domain::ApiToken>> by_id(domain::Id id);
    /// An account's tokens, newest first.
    Result<std::vector<domain::ApiToken>> for_user(domain::Id user_id);
    /// Revokes a token that works; false when there is none (or it was revoked already).
    Result<bool> revoke(domain::Id id, UnixTime now);
    /// Records that the token was used at `now`.
    Status touch(domain::Id id, UnixTime now);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
