#include "db/change_watcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "../support_database.hpp"
#include "../support_story.hpp"
#include "app/article_service.hpp"
#include "app/comment_service.hpp"
#include "app/shared_limits.hpp"

namespace dateline::db {

using Scope = ContentChange::Scope;
using testing_support::backend_names;
using testing_support::FixedClock;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'795'000'000;
constexpr auto settle = std::chrono::milliseconds(400);

TEST(ContentChange, PayloadsNameWhatChanged) {
    EXPECT_EQ(parse_content_change("network"), ContentChange{});
    EXPECT_EQ(parse_content_change("site:3"), (ContentChange{Scope::Site, 3, 0}));
    EXPECT_EQ(parse_content_change("article:3:17"), (ContentChange{Scope::Article, 3, 17}));
    EXPECT_EQ(parse_content_change("story:3:17:4"), (ContentChange{Scope::Story, 3, 17, 4}));
    EXPECT_EQ(parse_content_change("tag:3:9"), (ContentChange{Scope::Tag, 3, 0, 0, 9}));
    EXPECT_EQ(parse_content_change("articles"), ContentChange{}) << "unknown: everything";
    EXPECT_EQ(parse_content_change("story:3"), ContentChange{}) << "malformed: everything";
}

class ChangeWatcherTest : public ::testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        story = testing_support::publish_story(database, clock, now - 3600);
        ASSERT_NE(story.article.id, 0);
        auto opened = watch_changes(database.url());
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        watcher = std::move(*opened);
        (void)watcher->wait(settle);  // nothing from before it started
    }

    // Every change reported within a moment.
    std::vector<ContentChange> changes() {
        std::vector<ContentChange> all;
        for (int i = 0; i < 3; ++i) {
            auto some = watcher->wait(settle);
            all.insert(all.end(), some.begin(), some.end());
        }
        return all;
    }

    static bool has(const std::vector<ContentChange>& all, const ContentChange& c) {
        return std::find(all.begin(), all.end(), c) != all.end();
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    testing_support::PublishedStory story;
    std::unique_ptr<ChangeWatcher> watcher;
};

TEST_P(ChangeWatcherTest, WritesReadersCannotSeeAreNoChange) {
    app::SharedLimits limits(*database, clock);
    ASSERT_TRUE(limits.hit({"comment:address", 10, std::chrono::seconds(600)}, "203.0.113.9"));
    ASSERT_TRUE(limits.use_once("challenge:abc", now + 600));
    app::CommentService comments(*database, clock);
    ASSERT_TRUE(
        comments.submit(story.site, story.article,
                        {"Rana", "rana@example.com", "Pending", "Waiting for a moderator."}));
    domain::ArticleDraft draft;
    draft.headline = "Still a draft";
    draft.body_html = "<p>Not yet</p>";
    draft.section_slug = "news";
    media::ImageLibrary images(database.dir() / "media");
    app::MediaService media(*database, images, clock);
    ASSERT_TRUE(app::ArticleService(*database, media, clock).save("news", draft));
    EXPECT_TRUE(changes().empty());
}

TEST_P(ChangeWatcherTest, EachChangeNamesWhatItTouched) {
    app::CommentService comments(*database, clock);
    auto submitted = comments.submit(story.site, story.article,
                                     {"Rana", "rana@example.com", "Shown", "Approved soon."});
    ASSERT_TRUE(submitted);
    (void)changes();
    ASSERT_TRUE(comments.moderate({submitted->id}, domain::CommentStatus::Approved));
    auto approved = changes();
    EXPECT_TRUE(has(approved, {Scope::Article, story.site.id, story.article.id}));
    EXPECT_FALSE(has(approved, ContentChange{})) << "a comment is not the whole network";

    domain::ArticleDraft draft;
    draft.headline = "A second story";
    draft.body_html = "<p>Published at once</p>";
    draft.section_slug = "news";
    draft.status = domain::ArticleStatus::Published;
    draft.first_published_at = now - 60;
    media::ImageLibrary images(database.dir() / "media");
    app::MediaService media(*database, images, clock);
    ASSERT_TRUE(app::ArticleService(*database, media, clock).save("news", draft));
    auto saved = app::ArticleService(*database, media, clock).save("news", [&] {
        auto tagged = draft;
        tagged.headline = "A third story, tagged";
        tagged.tag_names = {"Harbour"};
        return tagged;
    }());
    ASSERT_TRUE(saved);
    const auto published = changes();
    const auto section = story.article.section ? story.article.section->id : 0;
    EXPECT_TRUE(std::any_of(published.begin(), published.end(), [&](const ContentChange& c) {
        return c.scope == Scope::Story && c.site_id == story.site.id && c.article_id == saved->id &&
               c.section_id == section;
    })) << "the story, with its section";
    EXPECT_TRUE(std::any_of(published.begin(), published.end(), [&](const ContentChange& c) {
        return c.scope == Scope::Tag && c.site_id == story.site.id && c.tag_id > 0;
    })) << "its tag";
    EXPECT_FALSE(has(published, {Scope::Site, story.site.id, 0})) << "not the whole site";
    EXPECT_FALSE(has(published, ContentChange{}));

    auto lease = database->acquire();
    ASSERT_TRUE(lease->execute("UPDATE sites SET tagline = 'New tagline'"));
    EXPECT_TRUE(has(changes(), ContentChange{}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeWatcherTest, ::testing::ValuesIn(backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::db
