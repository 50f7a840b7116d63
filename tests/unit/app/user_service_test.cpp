#include "app/user_service.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "crypto/crypto.hpp"
#include "storage/user_store.hpp"

namespace dateline::app {

using testing_support::FixedClock;

constexpr UnixTime now = 1'795'000'000;
const std::string password = "long enough passphrase";

// One suite, run against every backend.
class UserServiceTest : public testing_support::DefaultNetworkTest {
  protected:
    std::string stored_hash(const std::string& email) {
        auto lease = database->acquire();
        storage::UserStore store(*lease);
        auto user = store.by_email(email);
        EXPECT_TRUE(user.ok() && user->has_value());
        auto hash = store.password_hash((*user)->id);
        EXPECT_TRUE(hash.ok() && hash->has_value());
        return **hash;
    }

    FixedClock clock{now};
    UserService users{*database, clock};
    const std::string site = first_site();
};

TEST_P(UserServiceTest, AddsAnAccountUnderItsLowerCaseAddressWithAHashNotThePassword) {
    auto added =
        users.add({" Rana@News.Example ", "Rana Haddad", domain::Role::Editor, {site}}, password);
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_EQ(added->email, "rana@news.example");
    EXPECT_EQ(added->created_at, now);
    auto listed = users.list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    const auto& u = listed->front();
    EXPECT_EQ(u.email, "rana@news.example");
    EXPECT_EQ(u.name, "Rana Haddad");
    EXPECT_EQ(u.role, domain::Role::Editor);
    EXPECT_EQ(u.site_ids.size(), 1u);
    EXPECT_FALSE(u.disabled);
    const auto hash = stored_hash("rana@news.example");
    EXPECT_EQ(hash.find(password), std::string::npos);
    EXPECT_TRUE(crypto::password_matches(hash, password));
}

TEST_P(UserServiceTest, OneAddressIsOneAccountWhateverItsCase) {
    ASSERT_TRUE(users.add({"desk@news.example", "", domain::Role::Author, {site}}, password).ok());
    auto again = users.add({"DESK@news.example", "", domain::Role::Editor, {site}}, password);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    EXPECT_EQ(again.error().field, "email");
    auto listed = users.list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().role, domain::Role::Author);
    EXPECT_EQ(listed->front().name, "desk");  // no name given: the address's first part
}

TEST_P(UserServiceTest, BadInputSaysWhichFieldAndWritesNothing) {
    struct Case {
        NewUser user;
        std::string password;
        std::string field;
        ErrorCode code;
    };
    const std::vector<Case> cases = {
        {{"not an address", "", domain::Role::Author, {site}},
         password,
         "email",
         ErrorCode::Invalid},
        {{"a@news.example", "", domain::Role::Author, {site}},
         "short",
         "password",
         ErrorCode::Invalid},
        {{"a@news.example", "", domain::Role::Author, {}}, password, "site", ErrorCode::Invalid},
        {{"a@news.example", "", domain::Role::Admin, {site}}, password, "site", ErrorCode::Invalid},
        {{"a@news.example", std::string(101, 'n'), domain::Role::Author, {site}},
         password,
         "name",
         ErrorCode::Invalid},
        {{"a@news.example", "Two\tcolumns", domain::Role::Author, {site}},
         password,
         "name",
         ErrorCode::Invalid},
        {{"a@news.example", "   ", domain::Role::Author, {site}},
         password,
         "name",
         ErrorCode::Invalid},
        {{"a@news.example", "", domain::Role::Author, {site, "nowhere"}},
         password,
         "site",
         ErrorCode::NotFound},
    };
    for (const auto& c : cases) {
        auto added = users.add(c.user, c.password);
        ASSERT_FALSE(added.ok()) << c.field;
        EXPECT_EQ(added.error().code, c.code) << c.field;
        EXPECT_EQ(added.error().field, c.field);
        EXPECT_FALSE(added.error().message.empty());
    }
    auto listed = users.list();
    ASSERT_TRUE(listed.ok());
    EXPECT_TRUE(listed->empty());
}

TEST_P(UserServiceTest, AnAdminWorksOnEverySiteWithoutNamingThem) {
    auto added = users.add({"chief@news.example", "", domain::Role::Admin, {}}, password);
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_TRUE(added->site_ids.empty());
}

TEST_P(UserServiceTest, DisablingAndEnablingAnAccountIsRecorded) {
    ASSERT_TRUE(
        users.add({"desk@news.example", "", domain::Role::Moderator, {site}}, password).ok());
    auto disabled = users.set_disabled("Desk@News.Example", true);
    ASSERT_TRUE(disabled.ok()) << disabled.error().message;
    EXPECT_TRUE(disabled->disabled);
    auto listed = users.list();
    ASSERT_TRUE(listed.ok());
    EXPECT_TRUE(listed->front().disabled);
    ASSERT_TRUE(users.set_disabled("desk@news.example", false).ok());
    listed = users.list();
    EXPECT_FALSE(listed->front().disabled);
    auto missing = users.set_disabled("nobody@news.example", true);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_P(UserServiceTest, ResettingAPasswordReplacesTheHashAndRefusesAWeakOne) {
    ASSERT_TRUE(users.add({"desk@news.example", "", domain::Role::Editor, {site}}, password).ok());
    const auto before = stored_hash("desk@news.example");
    auto weak = users.reset_password("desk@news.example", "too short");
    ASSERT_FALSE(weak.ok());
    EXPECT_EQ(weak.error().field, "password");
    EXPECT_EQ(stored_hash("desk@news.example"), before);
    ASSERT_TRUE(users.reset_password("desk@news.example", "a brand new passphrase").ok());
    const auto after = stored_hash("desk@news.example");
    EXPECT_FALSE(crypto::password_matches(after, password));
    EXPECT_TRUE(crypto::password_matches(after, "a brand new passphrase"));
    EXPECT_EQ(users.reset_password("nobody@news.example", "a brand new passphrase").error().code,
              ErrorCode::NotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserServiceTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::app
