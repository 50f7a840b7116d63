#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/shared_limits.hpp"
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

/// Whether `secret` has the shape of an API token ("dl_" and 64 hex digits), before any lookup.
bool looks_like_api_token(std::string_view secret);

/// Failed token checks let through per client address in each window. A 256-bit secret cannot
/// be guessed, but each wrong one costs a lookup, and a client sending them is misconfigured or
/// hostile: it is told to wait (429) before it costs more.
inline const RateLimit api_token_failures{"api-token-address", 20, std::chrono::seconds{15 * 60}};

/// API tokens: machines act through /api/v1 as an account, with its role and sites (the same
/// checks as the newsroom's screens, in the same services). Only the SHA-256 of a secret is
/// stored. Making and revoking one is recorded in the audit log.
class TokenService {
  public:
    TokenService(db::Database& database, const Clock& clock)
        : database_(database), clock_(clock), limits_(database, clock) {}

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
    /// disabled account, which counts as a failure of `client_address`. Its use is recorded at
    /// most once a minute. RateLimited, before the secret is looked up, once the address has
    /// failed api_token_failures' number of times in the window, on any node.
    Result<std::optional<domain::User>> authenticate(std::string_view secret,
                                                     const std::string& client_address);

  private:
    Result<std::optional<domain::User>> look_up(std::string_view secret);

    db::Database& database_;
    const Clock& clock_;
    SharedLimits limits_;
};

}  // namespace dateline::app
