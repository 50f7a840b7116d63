#include "app/comment_intake.hpp"

#include <algorithm>

#include "core/ip_address.hpp"

namespace dateline::app {

using Outcome = IntakeResult::Outcome;
using CheckOutcome = CheckResult::Outcome;

Result<std::string> CommentIntake::check_answer(const CommentForm& form, std::string_view context,
                                                IntakeResult& result) {
    auto& errors = result.errors;
    const UnixTime now = clock_.now();
    const auto started =
        form.started.empty() ? std::nullopt : check_.verify_started(form.started, context);
    if (started) result.started_at = *started;
    CheckResult check;
    std::string passed_by;
    if (!form.solution.empty()) {
        check = check_.verify_solution(form.solution);
    } else if (!form.question_token.empty()) {
        check = check_.verify_answer(form.question_token, form.answer);
        passed_by = "question";
    } else {
        errors.push_back({"check", "required"});
        return passed_by;
    }
    if (check.outcome == CheckOutcome::Expired) {
        errors.push_back({"check", "expired"});
        return passed_by;
    }
    // A genuine challenge or question is burnt by its first answer, right or wrong, so that
    // neither a solution can be replayed nor a question guessed at.
    bool first_use = false;
    if (!check.replay_key.empty()) {
        auto used = limits_.use_once(check.replay_key, check.expires_at);
        if (!used) return used.error();
        first_use = *used;
    }
    // Only a passed check vouches for when the reader started: a wrong answer to a question
    // cannot be told from a forged question, whose time is whatever its sender wrote.
    if (check.passed() && first_use)
        result.started_at =
            result.started_at == 0 ? check.issued_at : std::min(result.started_at, check.issued_at);
    if (!check.passed()) {
        errors.push_back({"check", "wrong"});
    } else if (!first_use) {
        errors.push_back({"check", "used"});
    } else if (now - result.started_at < options_.min_fill_time.count()) {
        errors.push_back({"form", "too_fast"});
    }
    return passed_by;
}

Result<IntakeResult> CommentIntake::take(const domain::Site& site, const domain::Article& article,
                                         const CommentForm& form, std::string_view client_address) {
    IntakeResult result;
    if (!CommentService::open_for_comments(site, article, clock_.now())) {
        result.outcome = Outcome::Closed;
        return result;
    }
    const std::string network = ip_network(client_address);
    for (const auto& [limit, key] : {std::pair{&options_.per_address, client_address},
                                     std::pair{&options_.per_subnet, std::string_view(network)}}) {
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
    const std::string context = std::to_string(article.id) + "|" + network;
    auto passed_by = check_answer(form, context, result);
    if (!passed_by) return passed_by.error();
    if (result.started_at > 0)
        result.started_note = check_.sign_started(result.started_at, context);
    if (!result.errors.empty()) return result;

    Screening screening;
    screening.reason = *passed_by;
    if (!form.honeypot.empty()) {
        screening.spam = true;
        screening.reason = "honeypot";
    }
    auto stored = comments_.submit(site, article, form.draft, screening);
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
