#include "app/comment_service.hpp"

#include <gtest/gtest.h>

#include "../support_database.hpp"
#include "../support_story.hpp"
#include "app/audit_service.hpp"
#include "app/user_service.hpp"

namespace dateline::app {

using domain::CommentDraft;
using domain::CommentStatus;
using testing_support::FixedClock;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'795'000'000;
constexpr UnixTime day = 24 * 3600;

class CommentServiceTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        auto story = testing_support::publish_story(database, clock, now - 2 * day);
        site = story.site;
        article = story.article;
        ASSERT_NE(article.id, 0);
    }

    static CommentDraft draft(std::string body = "Good to see the harbour busy again.") {
        return {"Rana", "rana@example.com", "Welcome news", std::move(body)};
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    domain::Site site;
    domain::Article article;
};

TEST_P(CommentServiceTest, AcceptedCommentsWaitForModeration) {
    CommentService comments(*database, clock);
    auto submitted = comments.submit(site, article, draft());
    ASSERT_TRUE(submitted.ok()) << submitted.error().message << submitted.error().cause;
    EXPECT_FALSE(submitted->held);
    auto shown = comments.for_article(site, article);
    EXPECT_EQ(shown->count, 0);  // nothing shows before a moderator approves
    ASSERT_TRUE(comments.moderate({submitted->id}, CommentStatus::Approved).ok());
    shown = comments.for_article(site, article);
    ASSERT_EQ(shown->count, 1);
    EXPECT_EQ(shown->approved.at(0).title, "Welcome news");
    EXPECT_TRUE(shown->open);
}

TEST_P(CommentServiceTest, EachFieldIsCheckedAndNamed) {
    CommentService comments(*database, clock);
    struct Case {
        CommentDraft draft;
        const char* field;
        const char* key;
    };
    std::string arabic;
    for (int i = 0; i < 1500; ++i) arabic += "ع";
    const Case cases[] = {
        {{"", "a@b.example", "T", "B"}, "name", "required"},
        {{"N", "not-an-address", "T", "B"}, "email", "invalid"},
        {{"N", "a@b.example", "   ", "B"}, "title", "required"},
        {{"N", "a@b.example", "T", std::string(1501, 'x')}, "comment", "too_long"},
        {{std::string(81, 'n'), "a@b.example", "T", "B"}, "name", "too_long"},
        {{"N\xE2\x80\xAE", "a@b.example", "T", "B"}, "name", "invalid"},  // U+202E override
        {{"N", "a@b.example", "T", "bad \xFF bytes"}, "comment", "invalid"},
    };
    for (const auto& c : cases) {
        auto r = comments.submit(site, article, c.draft);
        ASSERT_FALSE(r.ok()) << c.field;
        EXPECT_EQ(r.error().field, c.field);
        EXPECT_EQ(r.error().message, c.key);
    }
    // Limits count characters, not bytes: 1,500 Arabic letters (3,000 bytes) fit.
    EXPECT_TRUE(comments.submit(site, article, draft(arabic)).ok());
}

TEST_P(CommentServiceTest, DuplicatesAreRefusedAndLinkyTextHeld) {
    CommentService comments(*database, clock);
    ASSERT_TRUE(comments.submit(site, article, draft()).ok());
    auto again = comments.submit(site, article, draft());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    auto linky = comments.submit(
        site, article, draft("See http://a.example and https://b.example and www.c.example"));
    ASSERT_TRUE(linky.ok());
    EXPECT_TRUE(linky->held);
    auto listed = comments.list(CommentStatus::Pending, site.id);
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->front().comment.held_reason, "links");
}

TEST_P(CommentServiceTest, ClosedArticlesTakeNoComments) {
    CommentService comments(*database, clock);
    site.comments_close_after_days = 1;  // the article is two days old
    auto closed = comments.submit(site, article, draft());
    ASSERT_FALSE(closed.ok());
    EXPECT_EQ(closed.error().code, ErrorCode::Forbidden);
    site.comments_close_after_days = 0;
    article.comments_open = false;
    EXPECT_FALSE(comments.submit(site, article, draft()).ok());
}

TEST_P(CommentServiceTest, ModerationIsAllOrNothingAndErasureRemovesAnAddress) {
    CommentService comments(*database, clock);
    auto first = comments.submit(site, article, draft("First"));
    auto second = comments.submit(site, article, {"Omar", "omar@example.com", "T", "Second"});
    ASSERT_TRUE(first.ok() && second.ok());
    auto missing = comments.moderate({first->id, 999999}, CommentStatus::Approved);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(comments.for_article(site, article)->count, 0);  // rolled back
    ASSERT_TRUE(comments.moderate({first->id, second->id}, CommentStatus::Approved).ok());
    EXPECT_EQ(*comments.erase("RANA@example.com"), 1);
    const auto left = comments.for_article(site, article);
    ASSERT_EQ(left->count, 1);
    EXPECT_EQ(left->approved.at(0).author_name, "Omar");
}

TEST_P(CommentServiceTest, AnArticleCanBeClosedAndOpenedAgain) {
    CommentService comments(*database, clock);
    ASSERT_TRUE(comments.set_open(site, "harbour-reopens", false).ok());
    ReaderService reader(*database, clock);
    article = **reader.article(site, "harbour-reopens");
    auto refused = comments.submit(site, article, draft());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Forbidden);
    EXPECT_FALSE(comments.for_article(site, article)->open);
    ASSERT_TRUE(comments.set_open(site, "harbour-reopens", true).ok());
    article = **reader.article(site, "harbour-reopens");
    EXPECT_TRUE(comments.submit(site, article, draft()).ok());
    EXPECT_EQ(comments.set_open(site, "no-such-story", false).error().code, ErrorCode::NotFound);
}

// A user as the services see one; its id and addresses do not matter to the rules.
domain::User account(domain::Role role, std::vector<domain::Id> sites) {
    domain::User u;
    u.role = role;
    u.site_ids = std::move(sites);
    return u;
}

TEST_P(CommentServiceTest, TheQueueShowsAModeratorTheirSitesOnly) {
    CommentService comments(*database, clock);
    auto plain = comments.submit(site, article, draft());
    auto linked = comments.submit(
        site, article, draft("See https://a.example and https://b.example and https://c.example"));
    ASSERT_TRUE(plain.ok() && linked.ok());
    ASSERT_TRUE(linked->held);

    const auto moderator = account(domain::Role::Moderator, {site.id});
    auto pending = comments.queue(moderator, {});
    ASSERT_TRUE(pending.ok()) << pending.error().message;
    EXPECT_EQ(pending->size(), 2u);
    auto held = comments.queue(moderator, {CommentStatus::Pending, site.id, "links"});
    ASSERT_TRUE(held.ok());
    ASSERT_EQ(held->size(), 1u);
    EXPECT_EQ(held->front().comment.id, linked->id);
    EXPECT_EQ(comments.queue(moderator, {CommentStatus::Pending, {}, "because"}).error().code,
              ErrorCode::Invalid);

    // Another site's moderator, an author, a disabled admin: nothing of this site.
    for (const auto& outsider : {account(domain::Role::Moderator, {site.id + 100}),
                                 account(domain::Role::Author, {site.id})}) {
        EXPECT_EQ(comments.queue(outsider, {CommentStatus::Pending, site.id, ""}).error().code,
                  ErrorCode::Forbidden);
        auto theirs = comments.queue(outsider, {});
        EXPECT_TRUE(!theirs.ok() || theirs->empty());
    }
    auto admin = account(domain::Role::Admin, {});
    EXPECT_EQ(comments.queue(admin, {})->size(), 2u);
    admin.disabled = true;
    EXPECT_EQ(comments.queue(admin, {}).error().code, ErrorCode::Forbidden);
}

TEST_P(CommentServiceTest, AModeratorChangesNothingOnASiteTheyDoNotModerate) {
    CommentService comments(*database, clock);
    auto first = comments.submit(site, article, draft());
    auto second = comments.submit(site, article, draft("Another view from the quay."));
    ASSERT_TRUE(first.ok() && second.ok());
    const auto outsider = account(domain::Role::Editor, {site.id + 100});
    auto refused = comments.moderate(outsider, {first->id, second->id}, CommentStatus::Approved);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Forbidden);
    EXPECT_EQ(comments.for_article(site, article)->count, 0);

    // A real account this time: what it does is recorded under its name.
    auto editor = UserService(*database, clock)
                      .add({"desk@news.example", "Desk", domain::Role::Editor, {site.slug}},
                           "a passphrase for the desk");
    ASSERT_TRUE(editor.ok()) << editor.error().message;
    auto approved = comments.moderate(*editor, {first->id, second->id}, CommentStatus::Approved);
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(*approved, 2);
    EXPECT_EQ(comments.for_article(site, article)->count, 2);
    EXPECT_EQ(comments.moderate(*editor, {first->id, 999999}, CommentStatus::Spam).error().code,
              ErrorCode::NotFound);
    EXPECT_EQ(comments.for_article(site, article)->count, 2);
    EXPECT_EQ(comments.moderate(*editor, {first->id}, CommentStatus::Pending).error().field,
              "status");

    auto admin = account(domain::Role::Admin, {});
    auto log = AuditService(*database).read(admin, {});
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->size(), 2u) << "the account's creation and one moderation; refusals leave none";
    EXPECT_EQ(log->front().action, domain::AuditAction::CommentApprove);
    EXPECT_EQ(log->front().actor.name, "Desk <desk@news.example>");
    EXPECT_EQ(log->front().subject,
              "#" + std::to_string(first->id) + ", #" + std::to_string(second->id));
    EXPECT_EQ(log->front().site_id, site.id);
    EXPECT_EQ(log->back().action, domain::AuditAction::UserAdd);
    EXPECT_EQ(log->back().actor.name, "command line");
}

INSTANTIATE_TEST_SUITE_P(Backends, CommentServiceTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
