#include "app/comment_intake.hpp"

namespace dateline::app {

using Outcome = IntakeResult::Outcome;

Status CommentIntake::check_answer(const CommentForm& form,
                                   std::vector<domain::FieldError>& errors) {
    CheckResult check;
    if (!form.solution.empty())
        check = check_.verify_solution(form.solution);
    else if (!form.question_token.empty())
        check = check_.verify_answer(form.question_token, form.answer);
    else {
        errors.push_back({"check", "required"});
        return success();
    }
    using CheckOutcome = CheckResult::Outcome;
    if (check.outcome == CheckOutcome::Expired) {
        errors.push_back({"check", "expired"});
        return success();
    }
    // A genuine challenge or question is burnt by its first answer, right or wrong, so that
    // neither a solution can be replayed nor a question guessed at.
    bool first_use = false;
    if (!check.token.empty()) {
        auto used = limits_.use_once(check.token, check.expires_at);
        if (!used) return used.error();
        first_use = *used;
    }
    if (!check.passed()) {
        errors.push_back({"check", "wrong"});
    } else if (!first_use) {
        errors.push_back({"check", "used"});
    } else if (clock_.now() - check.issued_at < options_.min_fill_time.count()) {
        errors.push_back({"form", "too_fast"});
    }
    return success();
}

Result<IntakeResult> CommentIntake::take(const domain::Site& site, const domain::Article& article,
                                         const CommentForm& form, std::string_view client_address) {
    IntakeResult result;
    if (!CommentService::open_for_comments(site, article, clock_.now())) {
        result.outcome = Outcome::Closed;
        return result;
    }
    for (const auto& [limit, key] : {std::pair{&options_.per_address, client_address},
                                     std::pair{&options_.per_network, std::string_view("all")}}) {
        auto decision = limits_.hit(*limit, key);
        if (!decision) return decision.error();
        if (!decision->allowed) {
            result.outcome = Outcome::Limited;
            result.retry_after_seconds = decision->retry_after_seconds;
            return result;
        }
    }
    result.errors = domain::field_errors(form.draft, site.comment_limits);
    if (!form.terms_accepted) result.errors.push_back({"terms", "required"});
    if (auto checked = check_answer(form, result.errors); !checked) return checked.error();
    if (!result.errors.empty()) return result;

    auto stored =
        comments_.submit(site, article, form.draft, form.honeypot.empty() ? "" : "honeypot");
    if (!stored) {
        const Error& e = stored.error();
        if (e.code == ErrorCode::Conflict) {
            result.outcome = Outcome::Received;  // the same comment, sent again: already kept
            return result;
        }
        if (e.code == ErrorCode::Forbidden) {
            result.outcome = Outcome::Closed;
            return result;
        }
        return e;
    }
    result.outcome = Outcome::Received;
    return result;
}

}  // namespace dateline::app
