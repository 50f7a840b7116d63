#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/audit.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// A token just made: its secret goes to whoever asked, once, and is kept nowhere.
struct NewToken {
    domain::ApiToken token;
    std::string secret;  ///< "dl_" and 64 hex digits (256 random bits)
};

/// API tokens: machines act through /api/v1 as an account, with its role and sites (the same
/// checks as the newsroom's screens, in the same services). Only the SHA-256 of a secret is
/// stored. Making and revoking one is recorded in the audit log.
class TokenService {
  public:
    TokenService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    /// A new token for the account with this address, named `name` (what it is for: 1 to 80
    /// characters, "API" when empty). NotFound for no such account, Invalid for a disabled one or
    /// a bad name (field "name").
    Result<NewToken> create(const std::string& email, const std::string& name,
                            const domain::Actor& by = domain::Actor::system("command line"));
    /// An account's tokens, newest first (revoked ones too).
    Result<std::vector<domain::ApiToken>> list(const std::string& email);
    /// Revokes a token: at once, on every node. NotFound when there is no such working token, or
    /// (with `only_of`) when it is not that account's: an account revokes only its own.
    Status revoke(domain::Id token_id,
                  const domain::Actor& by = domain::Actor::system("command line"),
                  std::optional<domain::Id> only_of = std::nullopt);
    /// The account a presented secret acts as: nothing for an unknown or revoked token or a
    /// disabled account. Its use is recorded at most once a minute.
    Result<std::optional<domain::User>> authenticate(std::string_view secret);

  private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace dateline::app
