#include "app/session_service.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "app/user_service.hpp"
#include "crypto/crypto.hpp"
#include "crypto/totp.hpp"
#include "storage/user_store.hpp"

namespace dateline::app {

using testing_support::FixedClock;

constexpr UnixTime start = 1'795'000'000;
const std::string password = "the desk's long passphrase";

// One suite, run against every backend.
class SessionServiceTest : public testing_support::DefaultNetworkTest {
  protected:
    void SetUp() override {
        DefaultNetworkTest::SetUp();
        if (!ready()) return;
        auto added = users.add({"desk@news.example", "Desk", domain::Role::Editor, {first_site()}},
                               password);
        ASSERT_TRUE(added.ok()) << added.error().message;
        user_id = added->id;
    }

    SignInAttempt attempt(std::string email, std::string typed,
                          std::string address = "192.0.2.10") {
        return {std::move(email), std::move(typed), std::move(address), "TestBrowser/1.0"};
    }

    Result<SignedIn> good_sign_in(std::string_view previous = {}) {
        return sessions.sign_in(attempt("Desk@News.Example", password), previous);
    }

    std::optional<ActiveSession> active(const std::string& token) {
        auto s = sessions.session(token);
        EXPECT_TRUE(s.ok());
        return s.ok() ? *s : std::nullopt;
    }

    domain::User account() {
        auto found = storage::UserStore(*database->acquire()).by_id(user_id);
        EXPECT_TRUE(found.ok() && *found);
        return found.ok() && *found ? **found : domain::User{};
    }

    static std::string code_at(const std::string& key, UnixTime t) {
        return crypto::hotp(key, static_cast<std::uint64_t>(crypto::totp_step_at(t)));
    }

    // Turns two-step sign-in on as the account's screen does, with the code of the clock's step,
    // and returns the key, read back from the setup's text as an app reads it.
    std::string two_step_on() {
        auto setup = users.begin_two_step(account(), "Dateline");
        EXPECT_TRUE(setup.ok());
        const auto key = setup.ok() ? crypto::from_base32(setup->key_text) : std::nullopt;
        EXPECT_TRUE(key);
        if (!key) return {};
        EXPECT_TRUE(users.confirm_two_step(account(), code_at(*key, clock.now())).ok());
        return *key;
    }

    FixedClock clock{start};
    SessionService sessions{*database, clock};
    UserService users{*database, clock};
    domain::Id user_id = 0;
};

TEST_P(SessionServiceTest, TheRightPasswordOpensASessionTheTokenThenFinds) {
    auto signed_in = good_sign_in();
    ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
    EXPECT_EQ(signed_in->user.email, "desk@news.example");
    EXPECT_EQ(signed_in->token.size(), 64u);
    EXPECT_EQ(signed_in->expires_at, start + 12 * 3600);
    const auto found = active(signed_in->token);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->user.id, user_id);
    EXPECT_EQ(found->user.role, domain::Role::Editor);
    // The token itself is nowhere in the database: only its digest.
    auto lease = database->acquire();
    auto rows = lease->query("SELECT token_digest FROM sessions");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().text(0), crypto::sha256_hex(signed_in->token));
}

TEST_P(SessionServiceTest, WrongPasswordsUnknownAndDisabledAccountsGetOneAnswer) {
    std::vector<Error> errors;
    for (const auto& a :
         {attempt("desk@news.example", password + "x"), attempt("nobody@news.example", password),
          attempt("not an address", password),
          attempt("desk@news.example", std::string(5000, 'p'))})
        errors.push_back(sessions.sign_in(a).error());
    ASSERT_TRUE(UserService(*database, clock).set_disabled("desk@news.example", true).ok());
    errors.push_back(good_sign_in().error());
    for (const auto& e : errors) {
        EXPECT_EQ(e.code, ErrorCode::Forbidden);
        EXPECT_EQ(e.message, errors.front().message);
    }
    auto lease = database->acquire();
    EXPECT_EQ(lease->query("SELECT COUNT(*) FROM sessions")->front().integer(0), 0);
}

TEST_P(SessionServiceTest, FailuresForOneAccountAreThrottledBeforeThePasswordIsChecked) {
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(sessions
                      .sign_in(attempt("desk@news.example", "wrong guess " + std::to_string(i),
                                       "198.51.100." + std::to_string(i)))
                      .error()
                      .code,
                  ErrorCode::Forbidden);
    // From yet another address, and with the right password: the account is throttled.
    auto throttled = sessions.sign_in(attempt("DESK@news.example", password, "203.0.113.9"));
    ASSERT_FALSE(throttled.ok());
    EXPECT_EQ(throttled.error().code, ErrorCode::RateLimited);
    EXPECT_GT(throttled.error().retry_after_seconds, 0);
    EXPECT_NE(throttled.error().message.find("Too many attempts"), std::string::npos);
    // Other accounts are not held back, and the window passes.
    clock.set(start + 15 * 60);
    EXPECT_TRUE(good_sign_in().ok());
}

TEST_P(SessionServiceTest, FailuresFromOneAddressAreThrottledWhateverTheAccount) {
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(sessions.sign_in(attempt("guess" + std::to_string(i) + "@news.example", password))
                      .error()
                      .code,
                  ErrorCode::Forbidden);
    auto throttled = sessions.sign_in(attempt("desk@news.example", password));
    ASSERT_FALSE(throttled.ok());
    EXPECT_EQ(throttled.error().code, ErrorCode::RateLimited);
    EXPECT_TRUE(sessions.sign_in(attempt("desk@news.example", password, "192.0.2.11")).ok());
}

TEST_P(SessionServiceTest, ASessionEndsWhenIdleAndAtItsAbsoluteLimit) {
    auto idle = good_sign_in();
    ASSERT_TRUE(idle.ok());
    clock.set(start + 59 * 60);
    EXPECT_TRUE(active(idle->token).has_value());  // used: the idle time starts again
    clock.set(start + 59 * 60 + 59 * 60);
    EXPECT_TRUE(active(idle->token).has_value());
    clock.set(start + 59 * 60 + 59 * 60 + 60 * 60);
    EXPECT_FALSE(active(idle->token).has_value());

    clock.set(start);
    auto busy = good_sign_in();
    ASSERT_TRUE(busy.ok());
    for (UnixTime t = start; t < start + 12 * 3600; t += 30 * 60) {
        clock.set(t);
        EXPECT_TRUE(active(busy->token).has_value()) << t - start;
    }
    clock.set(start + 12 * 3600);
    EXPECT_FALSE(active(busy->token).has_value());
}

TEST_P(SessionServiceTest, SigningInAgainReplacesThePreviousToken) {
    auto first = good_sign_in();
    ASSERT_TRUE(first.ok());
    auto second = good_sign_in(first->token);
    ASSERT_TRUE(second.ok());
    EXPECT_NE(second->token, first->token);
    EXPECT_FALSE(active(first->token).has_value());
    EXPECT_TRUE(active(second->token).has_value());
}

TEST_P(SessionServiceTest, SignOutEndsOneSessionAndEverywhereEndsThemAll) {
    auto laptop = good_sign_in();
    auto phone = good_sign_in();
    auto tablet = good_sign_in();
    ASSERT_TRUE(laptop.ok() && phone.ok() && tablet.ok());
    ASSERT_TRUE(sessions.sign_out(laptop->token).ok());
    EXPECT_FALSE(active(laptop->token).has_value());
    EXPECT_TRUE(active(phone->token).has_value());
    auto ended = sessions.sign_out_everywhere(user_id);
    ASSERT_TRUE(ended.ok());
    EXPECT_EQ(*ended, 2);
    EXPECT_FALSE(active(phone->token).has_value());
    EXPECT_FALSE(active(tablet->token).has_value());
}

TEST_P(SessionServiceTest, ADisabledAccountsSessionsEndAtOnce) {
    auto signed_in = good_sign_in();
    ASSERT_TRUE(signed_in.ok());
    ASSERT_TRUE(UserService(*database, clock).set_disabled("desk@news.example", true).ok());
    EXPECT_FALSE(active(signed_in->token).has_value());
}

TEST_P(SessionServiceTest, MalformedAndUnknownTokensFindNothing) {
    const std::vector<std::string> tokens{"", "short", std::string(64, 'z'), std::string(64, 'a'),
                                          std::string(65, 'a')};
    for (const auto& token : tokens) EXPECT_FALSE(active(token).has_value()) << token;
    EXPECT_TRUE(sessions.sign_out("not a token").ok());
}

TEST_P(SessionServiceTest, AHashOfAnOlderCostIsRemadeAtSignIn) {
    // As libsodium made it at t=3, m=8 MiB, for this very password.
    const std::string older =
        "$argon2id$v=19$m=8192,t=3,p=1$KBWZXrYZI9c/1+XKIT0YFg$"
        "zTm0ZrvQGi+wvq/DODZwAdRSp3Kc64N4SYKSfZ8u28c";
    {
        auto lease = database->acquire();
        ASSERT_TRUE(storage::UserStore(*lease).set_password_hash(user_id, older, start).ok());
    }
    ASSERT_TRUE(
        sessions.sign_in(attempt("desk@news.example", "stored before the cost changed")).ok());
    auto lease = database->acquire();
    auto hash = storage::UserStore(*lease).password_hash(user_id);
    ASSERT_TRUE(hash.ok() && hash->has_value());
    EXPECT_EQ((*hash)->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u);
    EXPECT_TRUE(crypto::password_matches(**hash, "stored before the cost changed"));
}

TEST_P(SessionServiceTest, PurgeForgetsEndedSessionsOnly) {
    auto old = good_sign_in();
    clock.set(start + 2 * 3600);
    auto fresh = good_sign_in();
    ASSERT_TRUE(old.ok() && fresh.ok());
    ASSERT_TRUE(sessions.purge().ok());
    auto lease = database->acquire();
    auto rows = lease->query("SELECT token_digest FROM sessions");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().text(0), crypto::sha256_hex(fresh->token));
}

TEST_P(SessionServiceTest, TwoStepAccountsOpenASessionOnlyWithTheirCodeOnce) {
    auto setup = users.begin_two_step(account(), "Dateline News");
    ASSERT_TRUE(setup.ok()) << setup.error().message;
    EXPECT_EQ(setup->uri.rfind("otpauth://totp/Dateline%20News:desk%40news.example?secret=", 0), 0u)
        << setup->uri;
    const auto key = crypto::from_base32(setup->key_text);  // as an app reads it
    ASSERT_TRUE(key && key->size() == crypto::totp_key_bytes);
    // Not on until a code from the new key is given.
    auto before = good_sign_in();
    ASSERT_TRUE(before.ok());
    EXPECT_FALSE(before->awaiting_code);
    EXPECT_EQ(users.confirm_two_step(account(), "000000").error().field, "code");
    ASSERT_TRUE(users.confirm_two_step(account(), code_at(*key, start)).ok());

    clock.set(start + 60);
    auto half = good_sign_in();
    ASSERT_TRUE(half.ok()) << half.error().message;
    EXPECT_TRUE(half->awaiting_code);
    EXPECT_EQ(half->expires_at, start + 60 + 5 * 60);
    EXPECT_FALSE(active(half->token)) << "a password alone opens nothing";
    auto waiting = sessions.awaiting_code(half->token);
    ASSERT_TRUE(waiting.ok() && *waiting);
    EXPECT_EQ((*waiting)->id, user_id);

    auto wrong = sessions.confirm_code(half->token, "123456", "192.0.2.10");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::Forbidden);
    EXPECT_EQ(wrong.error().field, "code");
    auto full = sessions.confirm_code(half->token, code_at(*key, start + 60), "192.0.2.10");
    ASSERT_TRUE(full.ok()) << full.error().message;
    EXPECT_NE(full->token, half->token) << "a new token once the code is given";
    EXPECT_EQ(full->expires_at, start + 60 + 12 * 3600);
    EXPECT_TRUE(active(full->token));
    EXPECT_FALSE(active(half->token));

    // The same code again, within its 30 seconds, for another password sign-in: refused.
    auto again = good_sign_in();
    ASSERT_TRUE(again.ok());
    auto replay = sessions.confirm_code(again->token, code_at(*key, start + 60), "192.0.2.10");
    ASSERT_FALSE(replay.ok());
    EXPECT_EQ(replay.error().field, "code");
    // Minutes later the half-open session has ended: sign in again.
    clock.set(start + 60 + 6 * 60);
    EXPECT_FALSE(*sessions.awaiting_code(again->token));
    auto late =
        sessions.confirm_code(again->token, code_at(*key, start + 60 + 6 * 60), "192.0.2.10");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().field, "session");
}

TEST_P(SessionServiceTest, WrongCodesEndTheirSignInAndCountAsFailedSignIns) {
    const auto key = two_step_on();
    auto half = good_sign_in();
    ASSERT_TRUE(half.ok());
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(sessions.confirm_code(half->token, "000000", "192.0.2.10").error().field, "code")
            << i;
    // The third wrong code ends this sign-in: the password must be given again.
    EXPECT_EQ(sessions.confirm_code(half->token, "000000", "192.0.2.10").error().field, "session");
    EXPECT_FALSE(*sessions.awaiting_code(half->token));
    EXPECT_EQ(
        sessions.confirm_code(half->token, code_at(key, start + 30), "192.0.2.10").error().field,
        "session");
    // Each wrong code was a failed sign-in: two more, and even the right code is refused.
    auto again = good_sign_in();
    ASSERT_TRUE(again.ok());
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(sessions.confirm_code(again->token, "000000", "192.0.2.10").error().code,
                  ErrorCode::Forbidden);
    auto limited = sessions.confirm_code(again->token, code_at(key, start + 30), "192.0.2.10");
    ASSERT_FALSE(limited.ok());
    EXPECT_EQ(limited.error().code, ErrorCode::RateLimited);
}

TEST_P(SessionServiceTest, TurningTwoStepOnEndsTheAccountsOtherSessions) {
    auto kept = good_sign_in();
    auto other = good_sign_in();
    ASSERT_TRUE(kept.ok() && other.ok());
    auto setup = users.begin_two_step(account(), "Dateline");
    ASSERT_TRUE(setup.ok());
    const auto key = *crypto::from_base32(setup->key_text);
    ASSERT_TRUE(users.confirm_two_step(account(), code_at(key, start), kept->token).ok());
    EXPECT_TRUE(active(kept->token)) << "the session that turned it on";
    EXPECT_FALSE(active(other->token)) << "one opened by the password alone";
}

TEST_P(SessionServiceTest, TurningTwoStepOffTakesACodeAndAResetEndsSessions) {
    const auto key = two_step_on();
    EXPECT_EQ(users.remove_two_step(account(), code_at(key, start)).error().field, "code")
        << "the code used to turn it on is spent";
    ASSERT_TRUE(users.remove_two_step(account(), code_at(key, start + 30)).ok());
    auto plain = good_sign_in();
    ASSERT_TRUE(plain.ok());
    EXPECT_FALSE(plain->awaiting_code);

    // On again (once the spent steps are past), then reset at the console (a lost phone): its
    // sessions end with it.
    clock.set(start + 60);
    const auto second_key = two_step_on();
    EXPECT_FALSE(active(plain->token)) << "opened by the password alone, it ended";
    auto half = good_sign_in();
    ASSERT_TRUE(half.ok());
    auto full = sessions.confirm_code(half->token, code_at(second_key, start + 90), "192.0.2.10");
    ASSERT_TRUE(full.ok()) << full.error().message;
    ASSERT_TRUE(active(full->token));
    ASSERT_TRUE(users.reset_two_step("desk@news.example").ok());
    EXPECT_FALSE(active(full->token));
    auto after = good_sign_in();
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after->awaiting_code);
    auto lease = database->acquire();
    auto audit =
        lease->query("SELECT detail FROM audit_log WHERE action = 'user.two_step' ORDER BY id");
    ASSERT_TRUE(audit.ok());
    std::vector<std::string> details;
    for (const auto& r : *audit) details.push_back(r.text(0));
    EXPECT_EQ(details, (std::vector<std::string>{"on", "off", "on", "reset"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionServiceTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::app
