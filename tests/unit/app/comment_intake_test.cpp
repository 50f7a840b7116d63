#include "app/comment_intake.hpp"

#include <gtest/gtest.h>

#include "../support_database.hpp"
#include "../support_security_check.hpp"
#include "../support_story.hpp"
#include "crypto/crypto.hpp"

namespace dateline::app {

using crypto::to_base64;

using domain::CommentStatus;
using Outcome = IntakeResult::Outcome;
using testing_support::FixedClock;
using testing_support::solve_challenge;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'795'000'000;

class CommentIntakeTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        auto story = testing_support::publish_story(database, clock, now - 3600);
        site = story.site;
        article = story.article;
        ASSERT_NE(article.id, 0);
    }

    // A complete form whose security check was fetched `seconds_ago`.
    CommentForm form(int seconds_ago = 10, std::string body = "Good to see the harbour busy.") {
        clock.set(now - seconds_ago);
        CommentForm f;
        f.solution = solve_challenge(check.challenge_json(comment_check_context(article.id)));
        clock.set(now);
        f.draft = {"Rana", "rana@example.com", "Welcome news", std::move(body)};
        f.terms_accepted = true;
        return f;
    }

    IntakeResult take(const CommentForm& f, std::string_view address = "203.0.113.9") {
        auto result = intake.take(site, article, f, address);
        EXPECT_TRUE(result.ok()) << result.error().message << result.error().cause;
        return result.ok() ? *result : IntakeResult{};
    }

    std::vector<domain::CommentListing> stored(std::optional<CommentStatus> status = {}) {
        return *comments.list(status, std::nullopt);
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    SecurityCheck check{std::string(32, 'k'), clock, {.difficulty = 8, .iterations = 10}};
    CommentService comments{*database, clock};
    SharedLimits limits{*database, clock};
    CommentIntake intake{comments,
                         limits,
                         check,
                         clock,
                         {.per_address = {"comment:address", 3, std::chrono::seconds(600)},
                          .per_subnet = {"comment:subnet", 4, std::chrono::seconds(600)},
                          .min_fill_time = std::chrono::seconds(3)}};
    domain::Site site;
    domain::Article article;
};

TEST_P(CommentIntakeTest, AGoodSubmissionIsStoredForModeration) {
    EXPECT_EQ(take(form()).outcome, Outcome::Received);
    const auto pending = stored(CommentStatus::Pending);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].comment.title, "Welcome news");
}

TEST_P(CommentIntakeTest, EveryBrokenRuleIsReportedAtOnce) {
    CommentForm f;
    f.draft = {"", "not-an-address", "Title", std::string(1501, 'x')};
    const auto result = take(f);
    EXPECT_EQ(result.outcome, Outcome::Invalid);
    std::vector<std::string> found;
    for (const auto& e : result.errors) found.push_back(e.field + ":" + e.key);
    EXPECT_EQ(found, (std::vector<std::string>{"name:required", "email:invalid", "comment:too_long",
                                               "terms:required", "check:required"}));
    EXPECT_TRUE(stored().empty());
}

TEST_P(CommentIntakeTest, ASolutionWorksOnce) {
    const CommentForm f = form();
    EXPECT_EQ(take(f).outcome, Outcome::Received);
    CommentForm again = f;
    again.draft.body = "A different comment with the same solution.";
    const auto replay = take(again);
    EXPECT_EQ(replay.outcome, Outcome::Invalid);
    ASSERT_EQ(replay.errors.size(), 1u);
    EXPECT_EQ(replay.errors[0].field, "check");
    EXPECT_EQ(replay.errors[0].key, "used");
    EXPECT_EQ(stored().size(), 1u);
}

TEST_P(CommentIntakeTest, AWrongAnswerBurnsTheQuestion) {
    CommentForm f = form();
    f.solution.clear();
    const auto q = check.question(comment_check_context(article.id));
    f.question_token = q.token;
    f.answer = std::to_string(q.first + q.second + 1);
    clock.set(now + 10);
    EXPECT_EQ(take(f).errors.at(0).key, "wrong");
    f.answer = std::to_string(q.first + q.second);
    EXPECT_EQ(take(f).errors.at(0).key, "used");  // no second guess at the same question
    const auto fresh = check.question(comment_check_context(article.id));
    f.question_token = fresh.token;
    f.answer = std::to_string(fresh.first + fresh.second);
    clock.set(now + 20);
    EXPECT_EQ(take(f).outcome, Outcome::Received);
}

TEST_P(CommentIntakeTest, TooFastIsARobotsPace) {
    const auto result = take(form(1));
    EXPECT_EQ(result.outcome, Outcome::Invalid);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].field, "form");
    EXPECT_EQ(result.errors[0].key, "too_fast");
}

TEST_P(CommentIntakeTest, EachAddressAndEachIpNetworkAreLimited) {
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(take(form(10, "Comment " + std::to_string(i))).outcome, Outcome::Received);
    const auto limited = take(form(10, "One too many"));
    EXPECT_EQ(limited.outcome, Outcome::Limited);
    EXPECT_GT(limited.retry_after_seconds, 0);
    EXPECT_LE(limited.retry_after_seconds, 600);
    // Another address of the same /24 has a budget of its own, but the /24 had four in all
    // (an attempt the address limit refused did not count there).
    EXPECT_EQ(take(form(10, "Next door"), "203.0.113.10").outcome, Outcome::Received);
    EXPECT_EQ(take(form(10, "Walking the block"), "203.0.113.11").outcome, Outcome::Limited);
    EXPECT_EQ(take(form(10, "Elsewhere"), "198.51.100.7").outcome, Outcome::Received);
    // IPv6 readers are counted by their /64.
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(
            take(form(10, "v6 " + std::to_string(i)), "2001:db8:1:2::" + std::to_string(i + 1))
                .outcome,
            Outcome::Received);
    EXPECT_EQ(take(form(10, "v6 more"), "2001:db8:1:2::99").outcome, Outcome::Limited);
    EXPECT_EQ(stored().size(), 9u);
    const auto counts = intake.counts();  // what /metrics reports
    EXPECT_EQ(counts.received, 9u);
    EXPECT_EQ(counts.limited, 3u);
    EXPECT_EQ(counts.invalid + counts.closed + counts.failed, 0u);
}

TEST_P(CommentIntakeTest, RefusedAttemptsCountTowardsTheLimits) {
    CommentForm empty;
    for (int i = 0; i < 3; ++i) EXPECT_EQ(take(empty).outcome, Outcome::Invalid);
    EXPECT_EQ(take(form()).outcome, Outcome::Limited);
    EXPECT_EQ(intake.counts().invalid, 3u);
    EXPECT_EQ(intake.counts().limited, 1u);
}

TEST_P(CommentIntakeTest, ForgedStaleAndMissingAnswersCostNoWrite) {
    auto rows = [&](const char* table) {
        auto lease = database->acquire();
        return (*lease->query(std::string("SELECT COUNT(*) FROM ") + table)).front().integer(0);
    };
    CommentForm missing = form();
    missing.solution.clear();
    CommentForm forged = form();
    forged.solution = to_base64(R"({"challenge":{},"solution":{}})");
    CommentForm stale = form(3600);  // fetched an hour ago: expired
    CommentForm elsewhere = form();  // earned on another story
    elsewhere.solution =
        solve_challenge(check.challenge_json(comment_check_context(article.id + 1)));
    for (const auto* f : {&missing, &forged, &stale}) EXPECT_EQ(take(*f).outcome, Outcome::Invalid);
    EXPECT_EQ(take(elsewhere, "198.51.100.7").outcome, Outcome::Invalid);
    EXPECT_EQ(rows("rate_limit_counters"), 0);
    EXPECT_EQ(rows("used_tokens"), 0);
    // They still count against the sender, in memory: the limit of three is spent.
    EXPECT_EQ(take(form()).outcome, Outcome::Limited);
}

TEST_P(CommentIntakeTest, TheFillTimeCountsFromTheFirstCheck) {
    // The first attempt was quick and missed a field; the form came back with a signed note of
    // when the reader started, and the second attempt, with a fresh check, is not "too fast".
    CommentForm f = form(10);
    f.draft.email.clear();
    const auto first = take(f);
    ASSERT_EQ(first.outcome, Outcome::Invalid);
    EXPECT_EQ(first.started_at, now - 10);
    ASSERT_FALSE(first.started_note.empty());
    CommentForm second = form(1);  // its own check is only a second old
    second.started = first.started_note;
    EXPECT_EQ(take(second).outcome, Outcome::Received);
    // A forged note changes nothing, nor does a genuine one earned from another network.
    CommentForm forged = form(1, "Another comment");
    forged.started = std::to_string(now - 600) + "." + std::string(64, 'a');
    EXPECT_EQ(take(forged).errors.at(0).key, "too_fast");
    CommentForm elsewhere = form(1, "From another network");
    elsewhere.started = first.started_note;
    EXPECT_EQ(take(elsewhere, "198.51.100.7").errors.at(0).key, "too_fast");
}

TEST_P(CommentIntakeTest, AForgedQuestionVouchesForNothing) {
    // Any nonce, a near expiry and any MAC: it cannot be told from a wrong answer, so it is
    // burnt, but it must not set the start time (its time is the sender's invention).
    CommentForm f = form();
    f.solution.clear();
    f.question_token =
        std::string(32, 'a') + "." + std::to_string(now + 1740) + "." + std::string(64, 'b');
    f.answer = "10";
    const auto result = take(f);
    EXPECT_EQ(result.errors.at(0).key, "wrong");
    EXPECT_EQ(result.started_at, 0);
    EXPECT_TRUE(result.started_note.empty());
}

TEST_P(CommentIntakeTest, QuestionPassesAreMarkedForModerators) {
    CommentForm f = form();
    f.solution.clear();
    const auto q = check.question(comment_check_context(article.id));
    f.question_token = q.token;
    f.answer = std::to_string(q.first + q.second);
    clock.set(now + 10);
    EXPECT_EQ(take(f).outcome, Outcome::Received);
    EXPECT_EQ(stored(CommentStatus::Pending).at(0).comment.held_reason, "question");
}

TEST_P(CommentIntakeTest, AFilledHoneypotGoesToSpamNotToTheBin) {
    CommentForm f = form();
    f.honeypot = "http://spam.example";
    EXPECT_EQ(take(f).outcome, Outcome::Received);  // a robot learns nothing
    EXPECT_TRUE(stored(CommentStatus::Pending).empty());
    const auto spam = stored(CommentStatus::Spam);
    ASSERT_EQ(spam.size(), 1u);
    EXPECT_EQ(spam[0].comment.held_reason, "honeypot");
}

TEST_P(CommentIntakeTest, SendingTheSameCommentTwiceKeepsOne) {
    EXPECT_EQ(take(form()).outcome, Outcome::Received);
    EXPECT_EQ(take(form()).outcome, Outcome::Received);
    EXPECT_EQ(stored().size(), 1u);
}

TEST_P(CommentIntakeTest, ClosedArticlesTakeNothing) {
    ASSERT_TRUE(comments.set_open(site, "harbour-reopens", false).ok());
    article.comments_open = false;
    EXPECT_EQ(take(form()).outcome, Outcome::Closed);
    EXPECT_TRUE(stored().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CommentIntakeTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
