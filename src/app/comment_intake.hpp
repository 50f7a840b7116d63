#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "app/comment_service.hpp"
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
};

/// The guards in front of CommentService::submit.
struct IntakeOptions {
    RateLimit per_address{"comment:address", 10, std::chrono::seconds(600)};
    RateLimit per_network{"comment:network", 1000, std::chrono::seconds(600)};
    /// Less time than this between fetching the security check and sending is a robot's pace.
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
};

/// Takes reader comments in through every guard: open article, rate limits per address and for
/// the whole network, field rules, the publishing terms, the security check (each answer usable
/// once), the minimum fill time, then the honeypot, and stores what passes, durably, before
/// saying it was received. A repeated submission of a stored comment counts as received.
class CommentIntake {
  public:
    CommentIntake(CommentService& comments, SharedLimits& limits, const SecurityCheck& check,
                  const Clock& clock, IntakeOptions options = {})
        : comments_(comments), limits_(limits), check_(check), clock_(clock), options_(options) {}

    /// Errors are failures to reach the database (Unavailable, Internal); a reader's mistakes
    /// come back as an Invalid outcome with every broken rule.
    Result<IntakeResult> take(const domain::Site& site, const domain::Article& article,
                              const CommentForm& form, std::string_view client_address);

    const SecurityCheck& security_check() const { return check_; }

  private:
    Status check_answer(const CommentForm& form, std::vector<domain::FieldError>& errors);

    CommentService& comments_;
    SharedLimits& limits_;
    const SecurityCheck& check_;
    const Clock& clock_;
    IntakeOptions options_;
};

}  // namespace dateline::app
