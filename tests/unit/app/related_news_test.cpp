// Related news, chosen when stories are published or changed, on both backends: what relates
// stories (tags, key terms), what weighs (time apart), what a later story does to the lists of
// earlier ones, and that a page reads the list as it was chosen.
#include "app/related_news.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "app/article_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "app/search_indexer.hpp"
#include "domain/slug.hpp"
#include "provision/network_file.hpp"

namespace dateline::app {
namespace {

constexpr UnixTime hour = 3600;
using Headlines = std::vector<std::string>;

class RelatedNewsTest : public testing_support::StoryServicesTest {
  protected:
    void SetUp() override {
        spec.sites[0].sections.push_back({0, 0, "sport", "Sport", 1});
        domain::SiteSpec other;
        other.site.slug = "other";
        other.site.name = "Other";
        other.site.language = "en";
        other.site.time_zone = "UTC";
        other.site.base_url = "http://other.example/";
        other.sections.push_back({0, 0, "news", "News", 0});
        spec.sites.push_back(std::move(other));
        DefaultNetworkTest::SetUp();
    }

    domain::ArticleDraft draft(const std::string& headline, UnixTime hours_ago,
                               std::vector<std::string> tags = {}) {
        domain::ArticleDraft d;
        d.headline = headline;
        d.body_html = "<p>Text.</p>";
        d.section_slug = "news";
        d.tag_names = std::move(tags);
        d.status = domain::ArticleStatus::Published;
        d.first_published_at = now - hours_ago * hour;
        d.external_id = headline;  // saving again revises it
        return d;
    }

    void save(const domain::ArticleDraft& d, const std::string& site = "news") {
        auto saved = articles.save(site, d);
        ASSERT_TRUE(saved.ok()) << saved.error().message << " " << saved.error().cause;
    }

    // The related news a reader sees under the story with this headline.
    Headlines related(const std::string& headline, const std::string& site_slug = "news") {
        auto directory = reader.directory();
        const auto* site = directory->site_by_slug(site_slug);
        auto story = reader.story(*site, domain::slugify(headline), 1);
        EXPECT_TRUE(story.ok() && *story) << headline;
        Headlines out;
        if (!story.ok() || !*story) return out;
        for (const auto& a : (*story)->related) out.push_back(a->headline);
        return out;
    }
};

TEST_P(RelatedNewsTest, StoriesSharingKeyWordsAreRelatedAndOneCommonWordIsNot) {
    save(draft("Desalination plant opens on the coast", 10));
    save(draft("New desalination plant doubles water supply", 5));
    save(draft("Coast guard rescues fishermen", 4));           // one key word: the coast
    save(draft("The minister said the plan opens today", 3));  // only common words
    EXPECT_EQ(related("Desalination plant opens on the coast"),
              (Headlines{"New desalination plant doubles water supply"}));
    EXPECT_EQ(related("New desalination plant doubles water supply"),
              (Headlines{"Desalination plant opens on the coast"}));
    EXPECT_EQ(related("Coast guard rescues fishermen"), Headlines{});
}

TEST_P(RelatedNewsTest, TheCloserInTimeTheMoreRelated) {
    save(draft("Harbour strike", 0, {"Ports"}));
    save(draft("Harbour strike talks", 24 * 20, {"Ports"}));
    save(draft("Harbour strike ends", 3, {"Ports"}));
    EXPECT_EQ(related("Harbour strike"),
              (Headlines{"Harbour strike ends", "Harbour strike talks"}));
}

TEST_P(RelatedNewsTest, ALaterStoryJoinsTheListsOfEarlierOnesWithoutSavingThem) {
    save(draft("Rail link approved", 48, {"Rail"}));
    EXPECT_EQ(related("Rail link approved"), Headlines{});
    auto later = draft("Rail link tender opens", 1, {"Rail"});
    later.status = domain::ArticleStatus::Draft;
    later.first_published_at.reset();
    save(later);
    EXPECT_EQ(related("Rail link approved"), Headlines{}) << "a draft relates to nothing yet";
    later.status = domain::ArticleStatus::Published;
    later.first_published_at = now - hour;
    save(later);
    EXPECT_EQ(related("Rail link approved"), (Headlines{"Rail link tender opens"}));
    EXPECT_EQ(related("Rail link tender opens"), (Headlines{"Rail link approved"}));

    // Rewritten about something else, it leaves the earlier story's list.
    later.headline = "Ferry timetable changes";
    later.tag_names = {"Ferries"};
    save(later);
    EXPECT_EQ(related("Rail link approved"), Headlines{});
}

TEST_P(RelatedNewsTest, OnlyVisibleStoriesOfTheSameSiteAreShown) {
    save(draft("Solar farm opens", 5, {"Energy"}));
    save(draft("Solar farm expands", 4, {"Energy"}), "other");
    save(draft("Solar farm records output", -3, {"Energy"}));  // scheduled for later
    EXPECT_EQ(related("Solar farm opens"), Headlines{});
    clock.set(now + 4 * hour);
    EXPECT_EQ(related("Solar farm opens"), (Headlines{"Solar farm records output"}));
}

// The lists naming a story are not chosen again when it is unpublished or moved to a later time:
// whether it shows in them follows the story itself (migrations/*/0033).
TEST_P(RelatedNewsTest, AStoryUnpublishedOrPutOffLeavesTheListsNamingItAtOnce) {
    save(draft("Bridge repairs begin", 6, {"Roads"}));
    auto other = draft("Bridge repairs close a lane", 2, {"Roads"});
    save(other);
    ASSERT_EQ(related("Bridge repairs begin"), (Headlines{"Bridge repairs close a lane"}));
    other.status = domain::ArticleStatus::Unpublished;
    save(other);
    EXPECT_EQ(related("Bridge repairs begin"), Headlines{}) << "unpublished";
    other.status = domain::ArticleStatus::Published;
    save(other);
    EXPECT_EQ(related("Bridge repairs begin"), (Headlines{"Bridge repairs close a lane"}));
    other.status = domain::ArticleStatus::Scheduled;
    other.first_published_at = now + 2 * hour;
    save(other);
    EXPECT_EQ(related("Bridge repairs begin"), Headlines{}) << "put off until later";
    clock.set(now + 3 * hour);
    EXPECT_EQ(related("Bridge repairs begin"), (Headlines{"Bridge repairs close a lane"}));
}

TEST_P(RelatedNewsTest, APageShowsSixOfTheTwelveKept) {
    for (int i = 0; i < 15; ++i)
        save(draft("Cup final report " + std::to_string(i), 20 - i, {"Football"}));
    save(draft("Cup final preview", 30, {"Football"}));
    const auto shown = related("Cup final preview");
    ASSERT_EQ(shown.size(), std::size_t(ReaderService::related_count));
    EXPECT_EQ(shown.front(), "Cup final report 0") << "the closest in time first";
}

TEST_P(RelatedNewsTest, IndexingAgainChoosesTheSameLists) {
    save(draft("Airport terminal opens", 30, {"Aviation"}));
    save(draft("Airport terminal delays", 20, {"Aviation"}));
    save(draft("Airline adds routes from the new terminal", 10, {"Aviation"}));
    save(draft("Desert rally results", 5, {"Motorsport"}));
    const auto before = related("Airport terminal opens");
    ASSERT_EQ(before.size(), 2U);
    {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("DELETE FROM related_stories").ok());
    }
    EXPECT_EQ(related("Airport terminal opens"), Headlines{});
    auto rebuilt = SearchIndexer(*database, clock).rebuild();
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().message;
    EXPECT_EQ(related("Airport terminal opens"), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, RelatedNewsTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace
}  // namespace dateline::app
