#include "app/site_service.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "app/reader_service.hpp"
#include "app/user_service.hpp"

namespace dateline::app {

using testing_support::FixedClock;

namespace {

constexpr UnixTime start = 1'795'000'000;

}  // namespace

class SiteServiceTest : public testing_support::DefaultNetworkTest {
  protected:
    void SetUp() override {
        DefaultNetworkTest::SetUp();
        if (!ready()) return;
        auto added = UserService(*database, clock)
                         .add({"chief@news.example", "Chief", domain::Role::Admin, {}},
                              "a long enough passphrase");
        ASSERT_TRUE(added.ok()) << added.error().message;
        admin = *added;
    }

    // The admin as another role: what the service decides from.
    domain::User account(domain::Role role) const {
        auto u = admin;
        u.role = role;
        return u;
    }

    domain::Site site_now() {
        auto directory = ReaderService(*database, clock).directory();
        EXPECT_TRUE(directory.ok());
        return *directory->site_by_slug(slug);
    }

    std::int64_t audit_entries() {
        auto rows = database->acquire()->query(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'site.settings'");
        EXPECT_TRUE(rows.ok());
        return rows->front().integer(0);
    }

    FixedClock clock{start};
    SiteService sites{*database, clock};
    domain::User admin;
    const std::string slug = first_site();
};

TEST_P(SiteServiceTest, AnAdminChangesASitesCommentsAndTheLogSaysWhat) {
    domain::CommentSettings s;
    s.open = false;
    s.close_after_days = 3;
    s.limits = {40, 120, 600};
    auto saved = sites.set_comment_settings(account(domain::Role::Admin), slug, s);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    const auto site = site_now();
    EXPECT_FALSE(site.comments_open);
    EXPECT_EQ(site.comments_close_after_days, 3);
    EXPECT_EQ(site.comment_limits.name, 40u);
    EXPECT_EQ(site.comment_limits.body, 600u);
    auto rows = database->acquire()->query(
        "SELECT actor, subject, detail, site_id FROM audit_log WHERE action = 'site.settings'");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].text(2),
              "comments closed; stories close after 3 days; name up to 40 characters; comment up "
              "to 600 characters");
    EXPECT_EQ((*rows)[0].integer(3), site.id);
    // The same settings again change nothing and record nothing.
    ASSERT_TRUE(sites.set_comment_settings(account(domain::Role::Admin), slug, s).ok());
    EXPECT_EQ(audit_entries(), 1);
}

TEST_P(SiteServiceTest, OnlyAnEnabledAdminAndOnlyWithinTheRules) {
    const domain::CommentSettings fine;
    for (const auto role : {domain::Role::Editor, domain::Role::Author, domain::Role::Moderator})
        EXPECT_EQ(sites.set_comment_settings(account(role), slug, fine).error().code,
                  ErrorCode::Forbidden);
    auto disabled = account(domain::Role::Admin);
    disabled.disabled = true;
    EXPECT_EQ(sites.set_comment_settings(disabled, slug, fine).error().code, ErrorCode::Forbidden);
    EXPECT_EQ(sites.set_comment_settings(account(domain::Role::Admin), "fr", fine).error().code,
              ErrorCode::NotFound);
    auto bad = fine;
    bad.close_after_days = -1;
    EXPECT_EQ(sites.set_comment_settings(account(domain::Role::Admin), slug, bad).error().field,
              "close_after_days");
    bad = fine;
    bad.limits.title = 0;
    EXPECT_EQ(sites.set_comment_settings(account(domain::Role::Admin), slug, bad).error().field,
              "max_title");
    bad = fine;
    bad.limits.body = domain::max_comment_field_limit + 1;
    EXPECT_EQ(sites.set_comment_settings(account(domain::Role::Admin), slug, bad).error().field,
              "max_comment");
    EXPECT_EQ(audit_entries(), 0);
    EXPECT_TRUE(site_now().comments_open);
}

INSTANTIATE_TEST_SUITE_P(Backends, SiteServiceTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::app
