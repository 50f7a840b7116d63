#include "app/content_watch.hpp"

#include <gtest/gtest.h>

#include "../support_database.hpp"
#include "../support_story.hpp"
#include "app/comment_service.hpp"

namespace dateline::app {

using testing_support::FixedClock;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'795'000'000;
constexpr auto round = std::chrono::milliseconds(300);

class ContentWatchTest : public ::testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        story = testing_support::publish_story(database, clock, now - 3600);
        ASSERT_NE(story.article.id, 0);
    }

    std::unique_ptr<ContentWatch> watch(bool watching = true) {
        std::unique_ptr<db::ChangeWatcher> watcher;
        if (watching) {
            auto opened = db::watch_changes(database.url());
            EXPECT_TRUE(opened.ok());
            if (opened.ok()) watcher = std::move(*opened);
        }
        return std::make_unique<ContentWatch>(
            std::move(watcher), limits, clock,
            ContentHandlers{
                .network_changed = [this] { ++networks; },
                .content_changed = [this](const ChangedContent& c) { seen.push_back(c); }});
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    SharedLimits limits{*database, clock};
    testing_support::PublishedStory story;
    int networks = 0;
    std::vector<ChangedContent> seen;
};

TEST_P(ContentWatchTest, HandsOnWhatEachChangeTouched) {
    auto w = watch();
    w->poll(round);
    CommentService comments(*database, clock);
    auto submitted =
        comments.submit(story.site, story.article, {"Rana", "rana@example.com", "Hi", "Text"});
    ASSERT_TRUE(submitted);
    ASSERT_TRUE(comments.moderate({submitted->id}, domain::CommentStatus::Approved));
    for (int i = 0; i < 5 && seen.empty(); ++i) w->poll(round);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].comments, std::vector<domain::Id>{story.article.id});
    EXPECT_TRUE(seen[0].stories.empty() && seen[0].sites.empty() && seen[0].tags.empty());
    EXPECT_EQ(networks, 0);

    // A story edited: the story, once, with its section, however many rows the save touched.
    seen.clear();
    {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("UPDATE articles SET headline = 'Edited' WHERE id = $1",
                                   {story.article.id}));
        ASSERT_TRUE(lease->execute("UPDATE articles SET standfirst = 'Edited' WHERE id = $1",
                                   {story.article.id}));
    }
    for (int i = 0; i < 5 && seen.empty(); ++i) w->poll(round);
    ASSERT_FALSE(seen.empty());
    const ChangedContent::Story edited{story.site.id, story.article.id,
                                       story.article.section ? story.article.section->id : 0};
    EXPECT_EQ(seen[0].stories, std::vector<ChangedContent::Story>{edited});
    EXPECT_EQ(networks, 0);

    auto lease = database->acquire();
    ASSERT_TRUE(lease->execute("UPDATE sites SET tagline = 'Changed'"));
    for (int i = 0; i < 5 && networks == 0; ++i) w->poll(round);
    EXPECT_EQ(networks, 1);
}

TEST_P(ContentWatchTest, ForgetsSpentTokensOncePerIntervalOfItsClock) {
    auto w = watch(false);
    // A token that expired two hours ago is kept an hour past its expiry, then forgotten.
    const auto spend = [&] { return *limits.use_once("challenge:old", now - 7200); };
    EXPECT_TRUE(spend());
    w->poll(std::chrono::milliseconds(1));  // the first round does the housekeeping
    EXPECT_TRUE(spend()) << "forgotten, so usable again";
    w->poll(std::chrono::milliseconds(1));
    EXPECT_FALSE(spend()) << "not yet due: still remembered";
    clock.set(now + ContentWatch::purge_interval_seconds);
    w->poll(std::chrono::milliseconds(1));
    EXPECT_TRUE(spend()) << "due once the clock moved on";
}

INSTANTIATE_TEST_SUITE_P(Backends, ContentWatchTest,
                         ::testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
