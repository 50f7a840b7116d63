#include "app/security_check.hpp"

#include <gtest/gtest.h>

#include "../support_fixed_clock.hpp"
#include "../support_security_check.hpp"
#include "crypto/crypto.hpp"

namespace dateline::app {

using crypto::from_base64;
using crypto::to_base64;

using Outcome = CheckResult::Outcome;
using testing_support::FixedClock;
using testing_support::solve_challenge;

constexpr UnixTime now = 1'795'000'000;
const std::string secret(32, 's');
const SecurityCheckOptions easy{.difficulty = 8, .iterations = 10};
const std::string story = "article:7";

// Re-encodes a payload after changing its JSON text.
std::string tampered(const std::string& payload, const std::string& from, const std::string& to) {
    std::string json = *from_base64(payload);
    const auto at = json.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    json.replace(at, from.size(), to);
    return to_base64(json);
}

TEST(SecurityCheck, ASolutionPassesOnlyForTheStoryItWasFetchedFor) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const std::string payload = solve_challenge(check.challenge_json(story));
    EXPECT_EQ(check.verify_solution(payload, "article:8").outcome, Outcome::Invalid);
    EXPECT_EQ(check.verify_solution(payload, story).outcome, Outcome::Passed);
    const auto q = check.question(story);
    const std::string answer = std::to_string(q.first + q.second);
    EXPECT_NE(check.verify_answer(q.token, answer, "article:8").outcome, Outcome::Passed);
    EXPECT_EQ(check.verify_answer(q.token, answer, story).outcome, Outcome::Passed);
}

TEST(SecurityCheck, ChallengesFollowTheAltchaShape) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, {.difficulty = 2000, .iterations = 1000});
    const auto json = boost::json::parse(check.challenge_json(story)).as_object();
    const auto& p = json.at("parameters").as_object();
    EXPECT_EQ(p.at("algorithm").as_string(), "PBKDF2/SHA-256");
    EXPECT_EQ(p.at("cost").as_int64(), 1000);
    EXPECT_EQ(p.at("keyLength").as_int64(), 32);
    EXPECT_EQ(p.at("expiresAt").as_int64(), now + 1800);
    EXPECT_EQ(p.at("keyPrefix").as_string().size(), 32u);
    EXPECT_EQ(json.at("signature").as_string().size(), 64u);
    EXPECT_NE(check.challenge_json(story),
              check.challenge_json(story));  // fresh nonce and salt each time
}

TEST(SecurityCheck, ASolvedChallengePasses) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const auto result = check.verify_solution(solve_challenge(check.challenge_json(story)), story);
    EXPECT_EQ(result.outcome, Outcome::Passed);
    EXPECT_EQ(result.issued_at, now);
    EXPECT_EQ(result.expires_at, now + 1800);
    EXPECT_EQ(result.replay_key.rfind("challenge:", 0), 0u);
}

TEST(SecurityCheck, TheWorkIsTheDifficulty) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, {.difficulty = 40, .iterations = 10});
    for (int i = 0; i < 5; ++i) {
        const std::string payload = solve_challenge(check.challenge_json(story));
        const auto json = boost::json::parse(*from_base64(payload)).as_object();
        const auto counter = json.at("solution").at("counter").to_number<std::uint64_t>();
        EXPECT_GE(counter, 20u);
        EXPECT_LE(counter, 40u);
    }
}

TEST(SecurityCheck, AWrongKeyFails) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const auto result =
        check.verify_solution(solve_challenge(check.challenge_json(story), 1000), story);
    EXPECT_EQ(result.outcome, Outcome::Wrong);
    EXPECT_FALSE(result.replay_key.empty());  // genuine challenge: burnt by the wrong answer
}

TEST(SecurityCheck, ChangedParametersAreRefused) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const std::string payload = solve_challenge(check.challenge_json(story));
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"cost\":10", "\"cost\":1"},
             {"\"expiresAt\":1795001800", "\"expiresAt\":1895001800"},
             {"\"algorithm\":\"PBKDF2/SHA-256\"", "\"algorithm\":\"SHA-256\""},
             {"\"keyLength\":32", "\"keyLength\":32,\"extra\":1"},
             {"\"signature\":\"", "\"signature\":\"0"}}) {
        const auto result = check.verify_solution(tampered(payload, from, to), story);
        EXPECT_EQ(result.outcome, Outcome::Invalid) << to;
        EXPECT_TRUE(result.replay_key.empty()) << to;
    }
}

// Changes one hex digit of a value, keeping its shape: only the signature can tell.
std::string flipped(const std::string& payload, const std::string& key) {
    std::string json = *from_base64(payload);
    const auto at = json.find("\"" + key + "\":\"");
    EXPECT_NE(at, std::string::npos) << key;
    char& digit = json[at + key.size() + 4];
    digit = digit == '0' ? '1' : '0';
    return to_base64(json);
}

TEST(SecurityCheck, SameShapedForgeriesAreRefused) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const std::string payload = solve_challenge(check.challenge_json(story));
    for (const char* key : {"nonce", "salt", "keyPrefix", "keySignature", "signature"}) {
        const auto result = check.verify_solution(flipped(payload, key), story);
        EXPECT_EQ(result.outcome, Outcome::Invalid) << key;
        EXPECT_TRUE(result.replay_key.empty()) << key;
    }
}

TEST(SecurityCheck, AnotherNetworksChallengeIsRefused) {
    FixedClock clock(now);
    SecurityCheck ours(secret, clock, easy);
    SecurityCheck theirs(std::string(32, 't'), clock, easy);
    EXPECT_EQ(ours.verify_solution(solve_challenge(theirs.challenge_json(story)), story).outcome,
              Outcome::Invalid);
}

TEST(SecurityCheck, ChallengesExpire) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const std::string payload = solve_challenge(check.challenge_json(story));
    clock.set(now + 1801);
    EXPECT_EQ(check.verify_solution(payload, story).outcome, Outcome::Expired);
}

TEST(SecurityCheck, MalformedPayloadsAreRefused) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    for (const std::string& payload :
         {std::string(""), std::string("not base64!"), to_base64("[]"),
          to_base64("{\"challenge\":1}"),
          to_base64("{\"challenge\":{\"parameters\":{}},\"solution\":{}}"),
          std::string(SecurityCheck::max_payload_bytes + 1, 'A'),
          to_base64(std::string(3000, '['))})
        EXPECT_EQ(check.verify_solution(payload, story).outcome, Outcome::Invalid)
            << payload.substr(0, 40);
}

TEST(SecurityCheck, QuestionsTakeDigitsInEitherScript) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const auto q = check.question(story);
    ASSERT_GE(q.first, 1);
    ASSERT_LE(q.second, 9);
    const int sum = q.first + q.second;
    EXPECT_EQ(check.verify_answer(q.token, " " + std::to_string(sum) + " ", story).outcome,
              Outcome::Passed);
    std::string arabic;  // the same number in Arabic-Indic digits (U+0660..U+0669)
    for (const char d : std::to_string(sum)) arabic += std::string("\xD9") + char(0xA0 + (d - '0'));
    EXPECT_EQ(check.verify_answer(q.token, arabic, story).outcome, Outcome::Passed);
    const auto wrong = check.verify_answer(q.token, std::to_string(sum + 1), story);
    EXPECT_EQ(wrong.outcome, Outcome::Wrong);
    EXPECT_EQ(wrong.replay_key.rfind("question:", 0), 0u);
    EXPECT_EQ(check.verify_answer(q.token, "seven", story).outcome, Outcome::Wrong);
    EXPECT_EQ(check.verify_answer(q.token, "", story).outcome, Outcome::Wrong);
}

TEST(SecurityCheck, QuestionsExpireAndCannotBeForged) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const auto q = check.question(story);
    const std::string answer = std::to_string(q.first + q.second);
    clock.set(now + 1801);
    EXPECT_EQ(check.verify_answer(q.token, answer, story).outcome, Outcome::Expired);
    clock.set(now);
    // A token that claims a longer life than the server gives was never issued.
    const std::string forged =
        q.token.substr(0, 32) + ".9999999999." + q.token.substr(q.token.rfind('.') + 1);
    EXPECT_EQ(check.verify_answer(forged, answer, story).outcome, Outcome::Invalid);
    for (const std::string& token : {std::string(""), std::string("a.b.c"), std::string("...")})
        EXPECT_EQ(check.verify_answer(token, answer, story).outcome, Outcome::Invalid);
    // The smallest time there is must not overflow anything (the sanitizer build would say).
    const std::string oldest =
        q.token.substr(0, 32) + ".-9223372036854775808." + q.token.substr(q.token.rfind('.') + 1);
    const auto result = check.verify_answer(oldest, answer, story);
    EXPECT_EQ(result.outcome, Outcome::Expired);
    EXPECT_TRUE(result.replay_key.empty());
}

TEST(SecurityCheck, StartedNotesAreSignedBoundedAndBound) {
    FixedClock clock(now);
    SecurityCheck check(secret, clock, easy);
    const std::string note = check.sign_started(now - 60, "7|203.0.113.0/24");
    EXPECT_EQ(check.verify_started(note, "7|203.0.113.0/24"), now - 60);
    EXPECT_FALSE(check.verify_started(note, "8|203.0.113.0/24"));   // another article
    EXPECT_FALSE(check.verify_started(note, "7|198.51.100.0/24"));  // another network
    EXPECT_FALSE(check.verify_started(std::to_string(now - 600) + note.substr(note.find('.')),
                                      "7|203.0.113.0/24"));
    EXPECT_FALSE(check.verify_started(check.sign_started(now + 60, "c"), "c"));    // the future
    EXPECT_FALSE(check.verify_started(check.sign_started(now - 1801, "c"), "c"));  // too old
    EXPECT_FALSE(check.verify_started("garbage", "c"));
    EXPECT_FALSE(check.verify_started("", "c"));
}

}  // namespace dateline::app
