#include "domain/user.hpp"

#include <gtest/gtest.h>

#include "domain/email.hpp"

namespace dateline::domain {

TEST(AccountEmail, IsTrimmedAndLowerCasedSoOnePersonHasOneAccount) {
    EXPECT_EQ(account_email("  Rana.Haddad@Example.ORG \n"), "rana.haddad@example.org");
    EXPECT_EQ(account_email("desk@news.example"), "desk@news.example");
    // Only ASCII letters change case; the rest is kept as written.
    EXPECT_EQ(account_email("Ä@Example.org"), "Ä@example.org");
}

TEST(AccountEmail, RefusesWhatCannotBeAnAddress) {
    for (const char* bad :
         {"", "   ", "no-at-sign", "@example.org", "a@b", "a@.org", "a@example.", "a b@example.org",
          "a@@example.org", "a@example.org\x01", "a\x7f@example.org", "\xff@example.org"})
        EXPECT_FALSE(account_email(bad).has_value()) << bad;
    EXPECT_FALSE(account_email(std::string(250, 'a') + "@x.org").has_value());
}

TEST(Role, NamesRoundTripAndUnknownOnesAreRefused) {
    for (const auto r : {Role::Admin, Role::Editor, Role::Author, Role::Moderator})
        EXPECT_EQ(parse_role(to_string(r)), r);
    EXPECT_FALSE(parse_role("Admin").has_value());
    EXPECT_FALSE(parse_role("chief").has_value());
    EXPECT_FALSE(parse_role("").has_value());
}

TEST(Moderation, AnAdminEverywhereEditorsAndModeratorsOnTheirSitesAuthorsNever) {
    const auto account = [](Role role, std::vector<Id> sites) {
        User u;
        u.role = role;
        u.site_ids = std::move(sites);
        return u;
    };
    auto admin = account(Role::Admin, {});
    EXPECT_TRUE(may_moderate(admin, 7));
    EXPECT_EQ(moderated_sites(admin), std::nullopt);  // every site
    auto editor = account(Role::Editor, {1, 2});
    EXPECT_TRUE(may_moderate(editor, 2));
    EXPECT_FALSE(may_moderate(editor, 3));
    EXPECT_EQ(moderated_sites(editor), (std::vector<Id>{1, 2}));
    const auto author = account(Role::Author, {1});
    EXPECT_FALSE(may_moderate(author, 1));
    EXPECT_EQ(moderated_sites(author), std::vector<Id>{});
    for (User* disabled : {&admin, &editor}) {
        disabled->disabled = true;
        EXPECT_FALSE(may_moderate(*disabled, 1));
        EXPECT_EQ(moderated_sites(*disabled), std::vector<Id>{});
    }
}

TEST(Password, LengthCountsCharactersNotBytes) {
    EXPECT_EQ(password_problem("elevenchars"), "too_short");
    EXPECT_EQ(password_problem("twelve chars"), std::nullopt);
    // Twelve Arabic letters are 24 bytes and twelve characters: enough.
    EXPECT_EQ(password_problem("كلمةسرطويلةج"), std::nullopt);
    EXPECT_EQ(password_problem("كلمةسرطويل"), "too_short");
    EXPECT_EQ(password_problem(std::string(max_password_bytes + 1, 'a')), "too_long");
}

TEST(Password, ControlCharactersAndBrokenUtf8AreRefused) {
    EXPECT_EQ(password_problem("a perfectly\tlong one"), "invalid");
    EXPECT_EQ(password_problem("a perfectly long one\n"), "invalid");
    EXPECT_EQ(password_problem("a perfectly long \xff one"), "invalid");
}

}  // namespace dateline::domain
