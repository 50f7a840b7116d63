#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "app/comment_service.hpp"
#include "app/local_limits.hpp"
#include "app/security_check.hpp"
#include "app/shared_limits.hpp"
#include "core/result.hpp"
#include "domain/comment.hpp"

namespace dateline::app {

/// What a reader's browser sent with the comment form, decoded but not yet trusted.
struct CommentForm {
    domain::CommentDraft draft;
    bool terms_accepted = false;
    std::string honeypot;        ///< a field people never see: only robots fill it in
    std::string solution;        ///< the security-check widget's payload
    std::string question_token;  ///< the fallback question, when one was asked
    std::string answer;
    std::string started;  ///< SecurityCheck::sign_started() note from a form shown again
};

/// What a security check for comments on `article` is bound to (SecurityCheck's `context`).
std::string comment_check_context(domain::Id article);

/// The guards in front of CommentService::submit. Each limit is counted twice: in this node's
/// memory for every attempt, before anything else, and in the database, shared by every node,
/// for the attempts whose security answer is genuine.
struct IntakeOptions {
    RateLimit per_address{"comment:address", 10, std::chrono::seconds(600)};
    /// Per IP network (the address's /24 or /64), so that a robot cannot dodge the per-address
    /// limit by walking through its addresses.
    RateLimit per_subnet{"comment:subnet", 50, std::chrono::seconds(600)};
    /// Less time than this between the first security check and sending is a robot's pace.
    std::chrono::seconds min_fill_time{3};
};

/// What became of a submission.
struct IntakeResult {
    enum class Outcome { Received, Invalid, Limited, Closed };
    Outcome outcome = Outcome::Invalid;
    /// Invalid: every rule broken, by field: the comment's fields (domain::field_errors), then
    /// "terms" ("required"), "check" ("required", "wrong", "expired", "used") and "form"
    /// ("too_fast").
    std::vector<domain::FieldError> errors;
    std::int64_t retry_after_seconds = 0;  ///< Limited: until the window ends
    /// When the reader began, as far as a passed check vouches (0: unknown), and the signed note
    /// of it (SecurityCheck::sign_started, bound to the article and the reader's network) that
    /// the form shown again carries forward.
    UnixTime started_at = 0;
    std::string started_note;
};

/// How many submissions ended each way since start, for metrics; `failed`: the database could
/// not be reached.
struct IntakeCounts {
    std::uint64_t received = 0;
    std::uint64_t invalid = 0;
    std::uint64_t limited = 0;
    std::uint64_t closed = 0;
    std::uint64_t failed = 0;
};

/// Takes reader comments in through every guard, cheapest first, so that refused attempts cost
/// little: the limits per address and per IP network in memory (every attempt counts, so
/// refused ones cost their sender too), the open article, field rules, the publishing terms, the
/// security answer's signature and expiry (an HMAC; nothing is written for a forged, stale or
/// missing answer), then the same limits in the database, shared by every node, the answer
/// used once on every node, the minimum fill time and the honeypot; what passes is stored,
/// durably, before it is said to be received. A repeated submission of a stored comment counts as
/// received.
class CommentIntake {
  public:
    CommentIntake(CommentService& comments, SharedLimits& limits, const SecurityCheck& check,
                  const Clock& clock, IntakeOptions options = {})
        : comments_(comments),
          limits_(limits),
          check_(check),
          clock_(clock),
          options_(std::move(options)),
          local_address_(options_.per_address, clock),
          local_subnet_(options_.per_subnet, clock) {}

    /// `client_address` must be canonical (core/ip_address.hpp). Errors are failures to reach
    /// the database (Unavailable, Internal); a reader's mistakes come back as an Invalid outcome
    /// with every broken rule.
    Result<IntakeResult> take(const domain::Site& site, const domain::Article& article,
                              const CommentForm& form, std::string_view client_address);

    IntakeCounts counts() const;

  private:
    Result<IntakeResult> screen(const domain::Site& site, const domain::Article& article,
                                const CommentForm& form, std::string_view client_address);
    /// Counts an attempt against the limit per address, then per network; the first refusal.
    RateDecision count_in_memory(std::string_view address, std::string_view network);
    Result<RateDecision> count_in_database(std::string_view address, std::string_view network);

    CommentService& comments_;
    SharedLimits& limits_;
    const SecurityCheck& check_;
    const Clock& clock_;
    IntakeOptions options_;
    LocalLimits local_address_;
    LocalLimits local_subnet_;
    struct {
        std::atomic<std::uint64_t> received{0}, invalid{0}, limited{0}, closed{0}, failed{0};
    } counts_;
};

}  // namespace dateline::app
