#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// A newsroom session as stored: keyed by the digest of the token its browser holds.
struct StoredSession {
    std::string token_digest;
    domain::Id user_id = 0;
    UnixTime created_at = 0;
    UnixTime last_seen_at = 0;
    UnixTime expires_at = 0;
    std::string client_address;
    std::string user_agent;
    /// Opened by the password of an account that also asks for a code: it opens nothing until
    /// the code is given (migrations/*/0017).
    bool awaiting_code = false;
};

/// Newsroom sessions (migrations/*/0010_create_sessions.sql).
class SessionStore {
  public:
    explicit SessionStore(db::Connection& connection) : c_(connection) {}

    Status insert(const StoredSession& session);
    /// The session with this token digest, if any (expired or not: the caller decides).
    Result<std::optional<StoredSession>> find(const std::string& token_digest);
    /// Records that the session was used at `now`.
    Status touch(const std::string& token_digest, UnixTime now);
    /// Ends one session; false when there was none.
    Result<bool> remove(const std::string& token_digest);
    /// Ends every session of an account; returns how many there were.
    Result<std::int64_t> remove_for_user(domain::Id user_id);
    /// Ends every session of an account but the one with this digest; returns how many.
    Result<std::int64_t> remove_others(domain::Id user_id, const std::string& keep_digest);
    /// Counts a wrong code given for a session awaiting one; returns how many there now are
    /// (0 when the session is gone).
    Result<std::int64_t> count_wrong_code(const std::string& token_digest);
    /// Forgets sessions past their absolute limit, or unused since `idle_before`.
    Result<std::int64_t> purge(UnixTime now, UnixTime idle_before);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
