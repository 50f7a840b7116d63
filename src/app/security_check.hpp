#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::app {

/// How hard the security check is. The reader's browser tries counters from zero until one
/// derives the challenge's key; each try is one PBKDF2 derivation of `iterations` rounds.
struct SecurityCheckOptions {
    std::uint32_t difficulty = 2000;  ///< the counter is drawn from [difficulty/2, difficulty]
    std::uint32_t iterations = 1000;
    std::chrono::seconds lifetime{1800};  ///< how long a challenge or question may be answered
};

/// What a check said of an answer.
struct CheckResult {
    enum class Outcome { Passed, Expired, Invalid, Wrong };
    Outcome outcome = Outcome::Invalid;
    /// Names the challenge or question whenever it was genuine (also when answered wrongly), so
    /// the caller can burn it with SharedLimits::use_once: each may be answered once.
    std::string replay_key;
    /// When it was handed out: its signed expiry less the lifetime, so every node must be
    /// configured with the same lifetime (it is a constant).
    UnixTime issued_at = 0;
    UnixTime expires_at = 0;

    bool passed() const { return outcome == Outcome::Passed; }
};

/// A question for readers whose browser runs no JavaScript: "what is A plus B?", answered in
/// digits. The token carries the answer's HMAC, so the server keeps nothing per question.
struct CheckQuestion {
    int first = 0;
    int second = 0;
    std::string token;
};

/// The comment form's security check: the ALTCHA proof-of-work protocol (version 2 challenges:
/// PBKDF2/SHA-256, parameters signed with HMAC-SHA-256 over their canonical JSON, the derived
/// key signed so that verifying costs one HMAC), and an accessible text question as the fallback.
/// Stateless: every node holding the network's secret verifies what any node issued.
class SecurityCheck {
  public:
    /// `secret`: the network's shared key (at least 32 bytes).
    SecurityCheck(std::string_view secret, const Clock& clock, SecurityCheckOptions options = {});

    /// A fresh challenge as the widget fetches it: {"parameters":{...},"signature":"..."}.
    /// `context` (the article it is for) is signed with it: a solution passes only there, so
    /// that solutions cannot be farmed on one story and spent on another.
    std::string challenge_json(std::string_view context) const;
    /// Checks the widget's payload (base64 of {"challenge":{...},"solution":{...}}) for a
    /// challenge issued for `context`. Costs no more than an HMAC or two and touches nothing
    /// shared, so it may come before any write.
    CheckResult verify_solution(std::string_view payload, std::string_view context) const;

    /// A fresh question, bound to `context` like a challenge.
    CheckQuestion question(std::string_view context) const;
    /// Checks a reader's answer (ASCII or Arabic-Indic digits) to a question asked for
    /// `context`.
    CheckResult verify_answer(std::string_view token, std::string_view answer,
                              std::string_view context) const;

    /// A signed note of when a reader started on the form, carried by the form shown again after
    /// a mistake, so that the minimum fill time counts from the first check, not the last.
    /// `context` (the article and the reader's network) binds the note to where it was earned.
    std::string sign_started(UnixTime started_at, std::string_view context) const;
    /// The time in a note from sign_started() for the same context; nothing when forged, made
    /// for another context, in the future or older than the lifetime.
    std::optional<UnixTime> verify_started(std::string_view note, std::string_view context) const;

    static constexpr std::size_t max_payload_bytes = 4096;

  private:
    std::string signature_key_;
    std::string derived_key_key_;
    std::string question_key_;
    std::string started_key_;
    const Clock& clock_;
    SecurityCheckOptions options_;
};

/// The network's security-check secret, made on first use and shared by every node through the
/// database.
Result<std::string> load_security_secret(db::Database& database, const Clock& clock);

}  // namespace dateline::app
