#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::app {

/// At most `max_hits` per `window` for each key (an address, a network, an account).
struct RateLimit {
    std::string name;  ///< what is limited: "comment", "sign-in"
    std::int64_t max_hits = 0;
    std::chrono::seconds window{60};
};

/// What a hit was told.
struct RateDecision {
    bool allowed = true;
    std::int64_t retry_after_seconds = 0;  ///< when refused: until the window ends
};

/// The refusal of a hit that a limit turned away: `what` ("Too many attempts to sign in."),
/// then when trying again may work, in minutes.
Error too_many(std::string_view what, std::int64_t retry_after_seconds);

/// Rate limits and one-time tokens shared by every node of the network: they live in the
/// database, counted in fixed windows aligned on the clock, each hit and each use one atomic
/// statement, committed without waiting for the disk (db::RelaxedCommits). A node that restarts
/// forgets nothing (a machine that crashes may forget the last moments), and a client gains
/// nothing by spreading its requests over several nodes.
class SharedLimits {
  public:
    SharedLimits(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    /// Counts one hit of `key` against `limit`.
    Result<RateDecision> hit(const RateLimit& limit, std::string_view key);
    /// Whether one more hit of `key` would be allowed, without counting one: for limits that
    /// count failures only (sign-in), checked before the attempt and hit after a failure.
    Result<RateDecision> peek(const RateLimit& limit, std::string_view key);

    /// Uses a one-time token (a security-check solution, a sign-in link) that is valid until
    /// `expires_at`: true the first time, false on every later use, on any node. Only a digest
    /// of the token is stored.
    Result<bool> use_once(std::string_view token, UnixTime expires_at);

    /// Forgets tokens an hour after they expired and windows older than a day.
    Status purge();

  private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace dateline::app
