#include "app/kept_stories.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "storage/article_store.hpp"

#include <string>
#include <thread>
#include <vector>

namespace dateline::app {
namespace {

using domain::Id;

KeptStory story(Id id, Id site_id, const std::string& slug) {
    domain::Article a;
    a.id = id;
    a.site_id = site_id;
    a.slug = slug;
    a.headline = "Story " + std::to_string(id);
    return std::make_shared<const domain::Article>(std::move(a));
}

TEST(KeptStories, AStoryKeptIsFoundBySiteAndSlug) {
    KeptStories kept(8);
    kept.keep(story(1, 10, "harbour-reopens"), kept.generation());
    ASSERT_NE(kept.find(10, "harbour-reopens"), nullptr);
    EXPECT_EQ(kept.find(10, "harbour-reopens")->id, 1);
    EXPECT_EQ(kept.find(11, "harbour-reopens"), nullptr) << "another site's slug";
    EXPECT_EQ(kept.find(10, "harbour"), nullptr);
}

TEST(KeptStories, ChangesForgetTheStoriesTheyNameTheirSiteOrAll) {
    KeptStories kept(8);
    kept.keep(story(1, 10, "a"), kept.generation());
    kept.keep(story(2, 10, "b"), kept.generation());
    kept.keep(story(3, 11, "c"), kept.generation());
    const std::vector<Id> changed{2};
    kept.forget(changed);
    EXPECT_NE(kept.find(10, "a"), nullptr);
    EXPECT_EQ(kept.find(10, "b"), nullptr);
    kept.forget_site(10);
    EXPECT_EQ(kept.find(10, "a"), nullptr);
    EXPECT_NE(kept.find(11, "c"), nullptr);
    kept.forget_all();
    EXPECT_EQ(kept.size(), 0U);
}

// A story read from a snapshot that began before a forget may be what the forget was about.
TEST(KeptStories, AStoryReadBeforeAForgetIsNotKept) {
    KeptStories kept(8);
    const auto before = kept.generation();
    const std::vector<Id> changed{1};
    kept.forget(changed);
    kept.keep(story(1, 10, "a"), before);
    EXPECT_EQ(kept.find(10, "a"), nullptr);
    kept.keep(story(1, 10, "a"), kept.generation());
    EXPECT_NE(kept.find(10, "a"), nullptr);
}

TEST(KeptStories, TheLeastRecentlyReadGoFirstAndNoneIsKeptPastItsAge) {
    KeptStories kept(2);
    kept.keep(story(1, 10, "a"), kept.generation());
    kept.keep(story(2, 10, "b"), kept.generation());
    ASSERT_NE(kept.find(10, "a"), nullptr);  // now the most recently read
    kept.keep(story(3, 10, "c"), kept.generation());
    EXPECT_EQ(kept.size(), 2U);
    EXPECT_NE(kept.find(10, "a"), nullptr);
    EXPECT_EQ(kept.find(10, "b"), nullptr);

    KeptStories none(0);
    none.keep(story(1, 10, "a"), none.generation());
    EXPECT_EQ(none.find(10, "a"), nullptr);

    KeptStories brief(8, std::chrono::milliseconds(20));
    brief.keep(story(1, 10, "a"), brief.generation());
    ASSERT_NE(brief.find(10, "a"), nullptr);
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    EXPECT_EQ(brief.find(10, "a"), nullptr);
    EXPECT_EQ(brief.size(), 0U);
}

// Through the reader service, on each backend: a story page reads its story once, then from
// memory until its change is heard of (forget_stories), as a serving node's content watch
// forgets it; a withdrawal or an edit that is never heard of still shows at once.
class KeptStoriesReading : public testing_support::StoryServicesTest {
  protected:
    ReaderService keeping{*database, clock, StoryCards::default_capacity, 16};

    std::string save(const std::string& headline, std::vector<std::string> tags = {}) {
        domain::ArticleDraft d;
        d.headline = headline;
        d.body_html = "<p>The harbour reopened at dawn.</p>";
        d.section_slug = "news";
        d.tag_names = std::move(tags);
        d.status = domain::ArticleStatus::Published;
        d.first_published_at = now - 3600;
        d.external_id = "wire-1";
        auto saved = articles.save(first_site(), d);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        return saved.ok() ? saved->slug : "";
    }
    // The story page's story, or "" when there is none.
    std::string shown(const std::string& slug, std::string (*what)(const domain::Article&)) {
        auto directory = keeping.directory();
        EXPECT_TRUE(directory.ok());
        auto page = keeping.story(*directory->site_by_slug(first_site()), slug, 1);
        EXPECT_TRUE(page.ok()) << page.error().message;
        return page.ok() && *page ? what(*(*page)->article) : "";
    }
    static std::string tag_names(const domain::Article& a) {
        std::string out;
        for (const auto& t : a.tags) out += t.name + ";";
        return out;
    }
    static std::string comments_switch(const domain::Article& a) {
        return a.comments_open ? "open" : "closed";
    }
    void execute(const std::string& sql) {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute(sql).ok()) << sql;
    }
};

TEST_P(KeptStoriesReading, ATagRenamedShowsOnceTheSitesChangeIsHeard) {
    if (!ready()) return;
    const auto slug = save("Harbour reopens", {"Shipping"});
    EXPECT_EQ(shown(slug, tag_names), "Shipping;");
    execute("UPDATE tags SET name = 'Ports' WHERE name = 'Shipping'");
    EXPECT_EQ(shown(slug, tag_names), "Shipping;") << "kept until the change is heard";
    auto directory = keeping.directory();
    keeping.forget_stories_of(directory->site_by_slug(first_site())->id);
    EXPECT_EQ(shown(slug, tag_names), "Ports;");
}

TEST_P(KeptStoriesReading, AnEditOrAWithdrawalShowsAtOnceEvenUnheard) {
    if (!ready()) return;
    const auto slug = save("Harbour reopens");
    const auto headline = [](const domain::Article& a) { return a.headline; };
    EXPECT_EQ(shown(slug, headline), "Harbour reopens");
    save("Harbour reopens after the storm");  // the same wire story, revised: its slug stays
    EXPECT_EQ(shown(slug, headline), "Harbour reopens after the storm");
    execute("UPDATE articles SET comments_open = 0 WHERE slug = '" + slug + "'");
    EXPECT_EQ(shown(slug, comments_switch), "closed");
    execute("UPDATE articles SET status = 'unpublished' WHERE slug = '" + slug + "'");
    EXPECT_EQ(shown(slug, headline), "") << "withdrawn: no page";
}

INSTANTIATE_TEST_SUITE_P(Backends, KeptStoriesReading,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace
}  // namespace dateline::app
