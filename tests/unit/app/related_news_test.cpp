// Related news, chosen when stories are published or changed, on both backends: what relates
// stories (tags, key terms), what weighs (time apart), what a later story does to the lists of
// earlier ones, and that a page reads the list as it was chosen.
#include "app/related_news.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "../support_network.hpp"
#include "app/article_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "app/search_indexer.hpp"
#include "domain/slug.hpp"
#include "provision/network_file.hpp"
#include "storage/article_store.hpp"
#include "storage/search_store.hpp"

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

// An editor withdraws a story while a story related to it is saved. The save waits for the
// editor's write turn: on PostgreSQL it used to write the new list at once, with the listed time
// the withdrawal's trigger could not yet see, and the withdrawn story stayed under the new one.
TEST_P(RelatedNewsTest, AStoryWithdrawnWhileARelatedOneIsSavedIsNotShownUnderIt) {
    auto withdrawn = articles.save("news", draft("Ferry timetable changes", 10, {"Ferries"}));
    ASSERT_TRUE(withdrawn.ok());
    auto editor = database->acquire();
    ASSERT_TRUE(editor->begin_write().ok());
    storage::ArticleStore stories(*editor);
    ASSERT_TRUE(stories.lock({withdrawn->id}).ok());
    ASSERT_TRUE(
        stories.set_status(withdrawn->id, domain::ArticleStatus::Unpublished, std::nullopt, now)
            .ok());
    std::thread writer([&] { save(draft("Ferry timetable changes again", 2, {"Ferries"})); });
    // Time for the save to reach its related list (it waits before for the turn).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_TRUE(editor->commit().ok());
    writer.join();
    EXPECT_EQ(related("Ferry timetable changes again"), Headlines{});
}

// Two editors saving two related stories at the same moment, whose tags are named in opposite
// orders: each save takes its tags and rewrites both related lists. On PostgreSQL such saves
// once took those rows in opposite orders, and the server broke the deadlock by failing one.
TEST_P(RelatedNewsTest, TwoRelatedStoriesSavedAtTheSameTimeBothSave) {
    auto first = draft("Port strike talks resume", 30, {"Ports", "Unions"});
    auto second = draft("Port strike talks stall", 20, {"Unions", "Ports"});
    save(first);
    save(second);
    ASSERT_EQ(related("Port strike talks resume"), (Headlines{"Port strike talks stall"}));
    constexpr int saves = 40;
    std::vector<std::string> failures[2];
    auto editor = [&](domain::ArticleDraft d, int side) {
        const auto tags = d.tag_names;
        for (int i = 0; i < saves; ++i) {
            // A third tag, shared one save in two, changes the weight between them, so both
            // lists are written.
            d.tag_names = tags;
            if ((i + side) % 2) d.tag_names.push_back("Shipping");
            auto saved = articles.save("news", d);
            if (!saved) failures[side].push_back(saved.error().message + " " + saved.error().cause);
        }
    };
    std::thread a(editor, first, 0);
    std::thread b(editor, second, 1);
    a.join();
    b.join();
    EXPECT_EQ(failures[0], std::vector<std::string>{});
    EXPECT_EQ(failures[1], std::vector<std::string>{});
    EXPECT_EQ(related("Port strike talks resume"), (Headlines{"Port strike talks stall"}));
    EXPECT_EQ(related("Port strike talks stall"), (Headlines{"Port strike talks resume"}));
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

// What weighs rarity, the site's listed stories, each tag's and the stories naming each key term,
// is kept as stories change (migrations/*/0036) rather than counted at each save: after each
// change it must be what counting the rows gives.
TEST_P(RelatedNewsTest, TheCountsOfRarityAreWhatCountingGivesAfterEveryChange) {
    const auto agree = [&](const std::string& after) {
        auto lease = database->acquire();
        storage::ArticleStore stories(*lease);
        storage::SearchStore search(*lease);
        auto sites = lease->query("SELECT id FROM sites ORDER BY id");
        ASSERT_TRUE(sites.ok());
        for (const auto& site : *sites) {
            auto counted = lease->query(
                "SELECT COUNT(*) FROM articles WHERE site_id = $1 AND status IN ('published', "
                "'scheduled') AND first_published_at IS NOT NULL",
                {site.integer(0)});
            ASSERT_TRUE(counted.ok());
            auto kept = stories.count_listed(site.integer(0));
            ASSERT_TRUE(kept.ok());
            EXPECT_EQ(*kept, counted->front().integer(0))
                << "site " << site.integer(0) << ", " << after;
        }
        std::vector<domain::Id> tags;
        std::map<domain::Id, std::int64_t> by_tag;
        auto tag_rows = lease->query(
            "SELECT t.id, (SELECT COUNT(*) FROM article_tags x WHERE x.tag_id = t.id AND "
            "x.listed_at IS NOT NULL) FROM tags t");
        ASSERT_TRUE(tag_rows.ok());
        for (const auto& r : *tag_rows) {
            tags.push_back(r.integer(0));
            by_tag[r.integer(0)] = r.integer(1);
        }
        auto kept_by_tag = stories.count_listed_by_tag(tags);
        ASSERT_TRUE(kept_by_tag.ok());
        EXPECT_EQ(*kept_by_tag, by_tag) << after;
        std::map<std::string, std::int64_t> by_term;
        auto documents = lease->query("SELECT article_id FROM search_documents");
        ASSERT_TRUE(documents.ok());
        std::vector<domain::Id> ids;
        for (const auto& r : *documents) ids.push_back(r.integer(0));
        auto keys = search.key_terms(ids);
        ASSERT_TRUE(keys.ok());
        std::vector<std::string> terms;
        for (const auto& [id, key] : *keys)
            for (const auto& term : key)
                if (by_term[term]++ == 0) terms.push_back(term);
        auto kept_by_term = search.frequencies(terms);
        ASSERT_TRUE(kept_by_term.ok());
        EXPECT_EQ(*kept_by_term, by_term) << after;
        // Nor a count left behind for a term no story names any more.
        auto rows = lease->query("SELECT COUNT(*) FROM search_term_counts");
        ASSERT_TRUE(rows.ok());
        EXPECT_EQ(rows->front().integer(0), std::int64_t(by_term.size())) << after;
    };
    auto cranes = draft("Harbour cranes arrive", 10, {"Ports", "Trade"});
    auto tested = draft("Harbour cranes tested", 8, {"Ports"});
    auto idle = draft("Cranes idle in the harbour", 6, {"Trade"});
    save(cranes);
    save(tested);
    save(idle);
    save(draft("Harbour cranes arrive elsewhere", 5, {"Ports"}), "other");
    {
        auto lease = database->acquire();
        auto news = lease->query("SELECT id FROM sites WHERE slug = 'news'");
        ASSERT_TRUE(news.ok() && !news->empty());
        auto counted = storage::ArticleStore(*lease).count_listed(news->front().integer(0));
        ASSERT_TRUE(counted.ok());
        ASSERT_EQ(*counted, 3) << "the counts are there to compare";
    }
    agree("publishing");
    tested.status = domain::ArticleStatus::Unpublished;
    save(tested);
    agree("a withdrawal");
    idle.status = domain::ArticleStatus::Scheduled;
    idle.first_published_at = now + 2 * hour;
    save(idle);
    agree("putting a story off");
    cranes.headline = "Ships queue outside the port";
    cranes.tag_names = {"Shipping"};
    save(cranes);
    agree("a story rewritten and tagged again");
    auto draft_only = draft("Crane operators train", 1, {"Ports"});
    draft_only.status = domain::ArticleStatus::Draft;
    draft_only.first_published_at.reset();
    save(draft_only);
    agree("a draft");
    tested.status = domain::ArticleStatus::Published;
    save(tested);
    agree("a story published again");
}

INSTANTIATE_TEST_SUITE_P(Backends, RelatedNewsTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace
}  // namespace dateline::app
