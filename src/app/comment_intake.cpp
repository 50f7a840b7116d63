#include "app/comment_intake.hpp"

#include <algorithm>

#include "core/ip_address.hpp"

namespace dateline::app {

using Outcome = IntakeResult::Outcome;
using CheckOutcome = CheckResult::Outcome;

std::string comment_check_context(domain::Id article) {
    return "article:" + std::to_string(article);
}

// An attempt the address limit refused does not count against the network as well.
RateDecision CommentIntake::count_in_memory(std::string_view address, std::string_view network) {
    const auto by_address = local_address_.hit(address);
    return by_address.allowed ? local_subnet_.hit(network) : by_address;
}

Result<RateDecision> CommentIntake::count_in_database(std::string_view address,
                                                      std::string_view network) {
    auto by_address = limits_.hit(options_.per_address, address);
    if (!by_address || !by_address->allowed) return by_address;
    return limits_.hit(options_.per_subnet, network);
}

Result<IntakeResult> CommentIntake::take(const domain::Site& site, const domain::Article& article,
                                         const CommentForm& form, std::string_view client_address) {
    auto taken = screen(site, article, form, client_address);
    auto& counter = !taken                                ? counts_.failed
                    : taken->outcome == Outcome::Received ? counts_.received
                    : taken->outcome == Outcome::Invalid  ? counts_.invalid
                    : taken->outcome == Outcome::Limited  ? counts_.limited
                                                          : counts_.closed;
    counter.fetch_add(1, std::memory_order_relaxed);
    return taken;
}

IntakeCounts CommentIntake::counts() const {
    const auto read = [](const std::atomic<std::uint64_t>& n) {
        return n.load(std::memory_order_relaxed);
    };
    return {read(counts_.received), read(counts_.invalid), read(counts_.limited),
            read(counts_.closed), read(counts_.failed)};
}

Result<IntakeResult> CommentIntake::screen(const domain::Site& site, const domain::Article& article,
                                           const CommentForm& form,
                                           std::string_view client_address) {
    IntakeResult result;
    auto limited = [&](const RateDecision& d) {
        result.outcome = Outcome::Limited;
        result.retry_after_seconds = d.retry_after_seconds;
        return result;
    };
    const std::string network = ip_network(client_address);
    // Every attempt counts, in memory, before anything else: refused ones cost their sender too.
    if (const auto in_memory = count_in_memory(client_address, network); !in_memory.allowed)
        return limited(in_memory);
    if (!CommentService::open_for_comments(site, article, clock_.now())) {
        result.outcome = Outcome::Closed;
        return result;
    }
    auto& errors = result.errors;
    errors = domain::field_errors(form.draft, site.comment_limits);
    if (!form.terms_accepted) errors.push_back({"terms", "required"});

    const std::string context = comment_check_context(article.id);
    const std::string started_context = context + "|" + network;
    if (!form.started.empty())
        result.started_at = check_.verify_started(form.started, started_context).value_or(0);
    auto answered = [&]() {
        if (result.started_at > 0)
            result.started_note = check_.sign_started(result.started_at, started_context);
        return result;
    };
    CheckResult check;
    std::string passed_by;
    if (!form.solution.empty()) {
        check = check_.verify_solution(form.solution, context);
    } else if (!form.question_token.empty()) {
        check = check_.verify_answer(form.question_token, form.answer, context);
        passed_by = "question";
    } else {
        errors.push_back({"check", "required"});
        return answered();
    }
    // Forged and stale answers stop here: they cost an HMAC, no write.
    if (check.outcome == CheckOutcome::Invalid) {
        errors.push_back({"check", "wrong"});
        return answered();
    }
    if (check.outcome == CheckOutcome::Expired) {
        errors.push_back({"check", "expired"});
        return answered();
    }
    // Genuine answers are counted again on every node, then burnt.
    auto shared = count_in_database(client_address, network);
    if (!shared) return shared.error();
    if (!shared->allowed) return limited(*shared);
    // A genuine challenge or question is burnt by its first answer, right or wrong, so that
    // neither a solution can be replayed nor a question guessed at.
    auto used = limits_.use_once(check.replay_key, check.expires_at);
    if (!used) return used.error();
    const bool first_use = *used;
    // Only a passed check vouches for when the reader started: a wrong answer to a question
    // cannot be told from a forged question, whose time is whatever its sender wrote.
    if (check.passed() && first_use)
        result.started_at =
            result.started_at == 0 ? check.issued_at : std::min(result.started_at, check.issued_at);
    if (!check.passed()) {
        errors.push_back({"check", "wrong"});
    } else if (!first_use) {
        errors.push_back({"check", "used"});
    } else if (clock_.now() - result.started_at < options_.min_fill_time.count()) {
        errors.push_back({"form", "too_fast"});
    }
    answered();
    if (!errors.empty()) return result;

    Screening screening;
    screening.reason = passed_by;
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
