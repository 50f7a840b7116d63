#include "app/token_service.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "app/user_service.hpp"
#include "crypto/crypto.hpp"

namespace dateline::app {

using testing_support::FixedClock;

constexpr UnixTime start = 1'795'000'000;

class TokenServiceTest : public testing_support::DefaultNetworkTest {
  protected:
    void SetUp() override {
        DefaultNetworkTest::SetUp();
        if (!ready()) return;
        UserService users(*database, clock);
        auto added =
            users.add({"robot@news.example", "Robot", domain::Role::Editor, {first_site()}},
                      "a long enough passphrase");
        ASSERT_TRUE(added.ok()) << added.error().message;
    }

    FixedClock clock{start};
    TokenService tokens{*database, clock};
};

TEST_P(TokenServiceTest, ATokenActsAsItsAccountUntilRevokedAndOnlyItsDigestIsKept) {
    auto made = tokens.create("Robot@News.Example", "wire desk");
    ASSERT_TRUE(made.ok()) << made.error().message;
    EXPECT_EQ(made->secret.rfind("dl_", 0), 0u);
    EXPECT_EQ(made->secret.size(), 3u + 64u);
    EXPECT_EQ(made->token.name, "wire desk");
    auto rows = database->acquire()->query("SELECT token_digest FROM api_tokens");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().text(0), crypto::sha256_hex(made->secret));

    auto who = tokens.authenticate(made->secret, "192.0.2.1");
    ASSERT_TRUE(who.ok() && *who);
    EXPECT_EQ((*who)->email, "robot@news.example");
    EXPECT_EQ((*who)->role, domain::Role::Editor);
    const std::vector<std::string> forgeries = {std::string(),
                                                "dl_",
                                                made->secret.substr(0, 66),
                                                made->secret + "0",
                                                "dl_" + std::string(64, 'g'),
                                                "xx" + made->secret.substr(2)};
    for (const auto& forged : forgeries) {
        auto none = tokens.authenticate(forged, "192.0.2.1");
        ASSERT_TRUE(none.ok());
        EXPECT_FALSE(*none) << forged;
    }
    auto listed = tokens.list("robot@news.example");
    ASSERT_TRUE(listed.ok() && listed->size() == 1u);
    EXPECT_EQ(listed->front().last_used_at, start);

    ASSERT_TRUE(tokens.revoke(made->token.id).ok());
    EXPECT_FALSE(*tokens.authenticate(made->secret, "192.0.2.1"));
    EXPECT_EQ(tokens.revoke(made->token.id).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(tokens.list("robot@news.example")->front().revoked);
    auto audit = database->acquire()->query(
        "SELECT action, detail FROM audit_log WHERE action LIKE 'user.token%' ORDER BY id");
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 2u);
    EXPECT_EQ((*audit)[0].text(0), "user.token_add");
    EXPECT_EQ((*audit)[1].text(0), "user.token_revoke");
    EXPECT_EQ((*audit)[1].text(1), "wire desk");
}

TEST_P(TokenServiceTest, ADisabledAccountsTokensStopAndNoneAreMadeForIt) {
    auto made = tokens.create("robot@news.example", "");
    ASSERT_TRUE(made.ok());
    EXPECT_EQ(made->token.name, "API");
    UserService users(*database, clock);
    ASSERT_TRUE(users.set_disabled("robot@news.example", true).ok());
    EXPECT_FALSE(*tokens.authenticate(made->secret, "192.0.2.1"));
    EXPECT_EQ(tokens.create("robot@news.example", "again").error().code, ErrorCode::Invalid);
    EXPECT_EQ(tokens.create("nobody@news.example", "x").error().code, ErrorCode::NotFound);
    EXPECT_EQ(tokens.create("robot@news.example", std::string(81, 'n')).error().field, "name");
}

TEST_P(TokenServiceTest, AnAddressSendingWrongTokensIsToldToWaitWhateverItSendsNext) {
    auto made = tokens.create("robot@news.example", "wire desk");
    ASSERT_TRUE(made.ok());
    const std::string wrong = "dl_" + std::string(64, '0');
    for (int i = 0; i < 20; ++i) {
        auto none = tokens.authenticate(i % 2 ? wrong : "not a token", "198.51.100.7");
        ASSERT_TRUE(none.ok()) << i;
        EXPECT_FALSE(*none);
    }
    auto refused = tokens.authenticate(made->secret, "198.51.100.7");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::RateLimited);
    EXPECT_GT(refused.error().retry_after_seconds, 0);
    EXPECT_EQ(refused.error().message.rfind("Too many requests with tokens", 0), 0u);
    // Good tokens count nothing, and another address is not held up.
    for (int i = 0; i < 25; ++i) ASSERT_TRUE(*tokens.authenticate(made->secret, "198.51.100.8"));
    // Once the window is over, the address is heard again.
    clock.set(start + api_token_failures.window.count());
    auto again = tokens.authenticate(made->secret, "198.51.100.7");
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(*again);
}

INSTANTIATE_TEST_SUITE_P(Backends, TokenServiceTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::app
