// Search through the application, on both backends: stories saved by ArticleService are found
// by ReaderService::search as readers spell their queries, in English and in Arabic, and the
// same stories come back in the same order from SQLite's FTS5 and PostgreSQL's tsvector.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "../support_network.hpp"
#include "app/article_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "app/search_indexer.hpp"
#include "provision/network_file.hpp"
#include "search/analyzer.hpp"
#include "search/query.hpp"
#include "storage/article_store.hpp"
#include "storage/search_store.hpp"

namespace dateline::app {
namespace {

constexpr UnixTime hour = 3600;

class SearchTest : public testing_support::StoryServicesTest {
  protected:
    void SetUp() override {
        domain::SiteSpec arabic;
        arabic.site.slug = "ar";
        arabic.site.name = "الأخبار";
        arabic.site.language = "ar";
        arabic.site.direction = domain::TextDirection::Rtl;
        arabic.site.time_zone = "Asia/Dubai";
        arabic.site.base_url = "http://news.example/ar/";
        arabic.sections.push_back({0, 0, "news", "أخبار", 0});
        spec.sites.push_back(std::move(arabic));
        DefaultNetworkTest::SetUp();
    }

    // A published story; its slug is its headline's.
    std::string story(const std::string& site, const std::string& headline, const std::string& body,
                      UnixTime hours_ago, const std::string& standfirst = "",
                      std::vector<std::string> tags = {}) {
        return story_at(site, headline, body, now - hours_ago * hour, standfirst, std::move(tags));
    }

    // A story published at `at`.
    std::string story_at(const std::string& site, const std::string& headline,
                         const std::string& body, UnixTime at, const std::string& standfirst = "",
                         std::vector<std::string> tags = {}) {
        domain::ArticleDraft d;
        d.headline = headline;
        d.standfirst = standfirst;
        d.body_html = body;
        d.section_slug = "news";
        d.tag_names = std::move(tags);
        d.status = domain::ArticleStatus::Published;
        d.first_published_at = at;
        auto saved = articles.save(site, d);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        return saved.ok() ? saved->slug : "";
    }

    // The slugs a query finds on a site, best first (every page).
    std::vector<std::string> found(const std::string& site_slug, const std::string& text) {
        auto directory = reader.directory();
        EXPECT_TRUE(directory.ok());
        const auto* site = directory->site_by_slug(site_slug);
        const auto query = search::parse_query(text, site->language);
        std::vector<std::string> slugs;
        for (int page = 1; page <= ReaderService::max_search_page; ++page) {
            auto result = reader.search(*site, query, page);
            EXPECT_TRUE(result.ok()) << result.error().message << " " << result.error().cause;
            if (!result.ok()) break;
            for (const auto& a : result->articles) slugs.push_back(a.slug);
            if (!result->more) break;
        }
        return slugs;
    }
};

using Slugs = std::vector<std::string>;

TEST_P(SearchTest, FindsEnglishWordsInAnyInflectionAndCase) {
    const auto ports =
        story("news", "Ports reopen after the storm", "<p>Shipping resumed on Monday.</p>", 3);
    const auto harbour = story("news", "Harbour pilots strike",
                               "<p>The pilots who guide ships into the PORT stopped work.</p>", 2);
    story("news", "Schools close for the holiday", "<p>Pupils stay at home.</p>", 1);
    // The headline's match ranks first, whatever the dates.
    EXPECT_EQ(found("news", "port"), (Slugs{ports, harbour}));
    EXPECT_EQ(found("news", "PORTS"), (Slugs{ports, harbour}));
    EXPECT_EQ(found("news", "reopening"), (Slugs{ports}));
    EXPECT_EQ(found("news", "piloted ship"), (Slugs{harbour}));
    EXPECT_EQ(found("news", "volcano"), Slugs{});
    EXPECT_EQ(found("news", ""), Slugs{});
}

TEST_P(SearchTest, FindsArabicWordsHoweverTheyAreSpelled) {
    const auto library = story("ar", "افتتاح المكتبة العامة الجديدة في المدينة",
                               "<p>وقال مسؤول إن المكتبة تضم مئة ألف كتاب.</p>", 3);
    const auto hospital =
        story("ar", "مستشفى جديد للأطفال", "<p>يستقبل المستشفى أول مرضاه الأسبوع المقبل.</p>", 2);
    const auto roses =
        story("ar", "معرض الورد السنوي", "<p>يعرض المزارعون أزهاراً من الجبال.</p>", 1);
    // Without the article or with a conjunction, with diacritics, another alef, another hamza
    // carrier, alef maqsura as yaa, taa marbuta as haa, and tatweel: all find the story.
    EXPECT_EQ(found("ar", "مكتبة"), (Slugs{library}));
    EXPECT_EQ(found("ar", "والمكتبة"), (Slugs{library}));
    EXPECT_EQ(found("ar", "مَكْتَبَةٌ"), (Slugs{library}));
    EXPECT_EQ(found("ar", "مكتبه"), (Slugs{library}));
    EXPECT_EQ(found("ar", "مكـــتبة"), (Slugs{library}));
    EXPECT_EQ(found("ar", "افتتاح"), (Slugs{library}));
    EXPECT_EQ(found("ar", "إفتتاح"), (Slugs{library}));
    EXPECT_EQ(found("ar", "مسئول"), (Slugs{library}));
    EXPECT_EQ(found("ar", "مستشفي"), (Slugs{hospital}));
    EXPECT_EQ(found("ar", "المستشفيات"), (Slugs{hospital}));
    // Another inflection: a plural finds the singular's story.
    EXPECT_EQ(found("ar", "المكتبات"), (Slugs{library}));
    // "ورد" (roses) is not "رد" (a reply), nor is the library's story about roses.
    EXPECT_EQ(found("ar", "رد"), Slugs{});
    EXPECT_EQ(found("ar", "الورد"), (Slugs{roses}));
    // Each site searches its own stories.
    EXPECT_EQ(found("news", "مكتبة"), Slugs{});
}

TEST_P(SearchTest, QuotedPhrasesMatchOnlyThePhrase) {
    const auto phrase = story("news", "A new trade route", "<p>The new trade route opens.</p>", 2);
    const auto apart =
        story("news", "Trade talks", "<p>A new deal on the route was agreed for trade.</p>", 1);
    EXPECT_EQ(found("news", "trade route"), (Slugs{phrase, apart}));
    EXPECT_EQ(found("news", "\"trade route\""), (Slugs{phrase}));
    EXPECT_EQ(found("news", "“new trade route”"), (Slugs{phrase}));
    EXPECT_EQ(found("news", "\"route trade\""), Slugs{});
    // A phrase does not run from one part of a story into the next.
    const auto split = story("news", "Fishing boats", "<p>Boats return.</p>", 0, "Crews rest.");
    EXPECT_EQ(found("news", "\"boats crews\""), Slugs{});
    EXPECT_EQ(found("news", "boats crews"), (Slugs{split}));

    const auto arabic =
        story("ar", "طريق تجاري جديد", "<p>افتتح الطريق التجاري الجديد أمس.</p>", 2);
    story("ar", "محادثات تجارية", "<p>الطريق إلى اتفاق تجاري جديد ما زال طويلاً.</p>", 1);
    EXPECT_EQ(found("ar", "«الطريق التجاري»"), (Slugs{arabic}));
}

TEST_P(SearchTest, ExcludedWordsLeaveStoriesOut) {
    const auto dubai = story("news", "Dubai port grows", "<p>Volumes rose.</p>", 2);
    const auto oman = story("news", "Oman port grows", "<p>Volumes rose too.</p>", 1);
    EXPECT_EQ(found("news", "port"), (Slugs{oman, dubai}));
    EXPECT_EQ(found("news", "port -dubai"), (Slugs{oman}));
    EXPECT_EQ(found("news", "port -\"volumes rose too\""), (Slugs{dubai}));
    // Nothing to look for: only words to leave out.
    EXPECT_EQ(found("news", "-dubai"), Slugs{});
}

TEST_P(SearchTest, RanksHeadlineThenSummaryThenBodyAndNewestFirstWithin) {
    const auto body_old = story("news", "Weather", "<p>Flooding hit the coast.</p>", 5);
    const auto body_new = story("news", "Roads", "<p>Flooding closed roads.</p>", 1);
    const auto summary = story("news", "Rain", "<p>Rain fell.</p>", 4, "After the flooding");
    const auto tagged = story("news", "Clean-up", "<p>Crews worked.</p>", 6, "", {"Flooding"});
    const auto headline = story("news", "Flooding warning", "<p>Stay home.</p>", 3);
    EXPECT_EQ(found("news", "flooding"), (Slugs{headline, summary, tagged, body_new, body_old}));
}

TEST_P(SearchTest, FindsOnlyWhatReadersMaySee) {
    domain::ArticleDraft draft;
    draft.headline = "Secret draft about harbours";
    draft.body_html = "<p>Not yet.</p>";
    draft.section_slug = "news";
    ASSERT_TRUE(articles.save("news", draft).ok());
    story("news", "Harbours in the future", "<p>Scheduled.</p>", -5);
    const auto visible = story("news", "Harbours today", "<p>Out now.</p>", 1);
    EXPECT_EQ(found("news", "harbour"), (Slugs{visible}));
}

TEST_P(SearchTest, ARevisionIsSearchedAsItNowReads) {
    domain::ArticleDraft d;
    d.headline = "Volcano erupts";
    d.body_html = "<p>Ash fell.</p>";
    d.section_slug = "news";
    d.status = domain::ArticleStatus::Published;
    d.first_published_at = now - hour;
    d.external_id = "wire-1";
    ASSERT_TRUE(articles.save("news", d).ok());
    EXPECT_EQ(found("news", "volcano").size(), 1U);
    d.headline = "Earthquake shakes the island";
    ASSERT_TRUE(articles.save("news", d).ok());
    EXPECT_EQ(found("news", "volcano"), Slugs{});
    EXPECT_EQ(found("news", "earthquake").size(), 1U);
    // A save that fails leaves the index as it was.
    d.headline = "Tsunami warning";
    d.section_slug = "no-such-section";
    EXPECT_FALSE(articles.save("news", d).ok());
    EXPECT_EQ(found("news", "tsunami"), Slugs{});
    EXPECT_EQ(found("news", "earthquake").size(), 1U);
}

TEST_P(SearchTest, PagesFollowOneAnother) {
    Slugs all;
    for (int i = 0; i < 23; ++i)
        all.push_back(
            story("news", "Market report " + std::to_string(i), "<p>Shares.</p>", 30 - i));
    std::reverse(all.begin(), all.end());  // newest first
    EXPECT_EQ(found("news", "market"), all);

    auto directory = reader.directory();
    const auto* site = directory->site_by_slug("news");
    const auto query = search::parse_query("market", "en");
    auto third = reader.search(*site, query, 3);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->articles.size(), 3U);
    EXPECT_FALSE(third->more);
    auto fourth = reader.search(*site, query, 4);
    ASSERT_TRUE(fourth.ok());
    EXPECT_TRUE(fourth->articles.empty());
}

// A page of results may end in one tier and go on in the next: headline matches first, older
// as they are here, then the stories that hold the word only in their bodies.
TEST_P(SearchTest, PagesGoOnFromHeadlinesToBodies) {
    Slugs headlines;
    for (int i = 0; i < 13; ++i)
        headlines.push_back(
            story("news", "Harvest report " + std::to_string(i), "<p>Fields.</p>", 40 - i));
    Slugs bodies;
    for (int i = 0; i < 14; ++i)
        bodies.push_back(
            story("news", "Farm note " + std::to_string(i), "<p>The harvest came in.</p>", 20 - i));
    Slugs all(headlines.rbegin(), headlines.rend());  // newest first within each tier
    all.insert(all.end(), bodies.rbegin(), bodies.rend());
    EXPECT_EQ(found("news", "harvest"), all);
    EXPECT_EQ(found("news", "harvest -fields"), Slugs(bodies.rbegin(), bodies.rend()));
}

// Publishing, scheduling and calling off move a story in time without saving it again; a search
// finds it in its new place among the others.
TEST_P(SearchTest, AStoryMovedInTimeIsFoundInItsNewPlace) {
    const auto older = story("news", "Bridge opens", "<p>Traffic.</p>", 3);
    domain::ArticleDraft draft;
    draft.headline = "Bridge inspected";
    draft.body_html = "<p>Engineers.</p>";
    draft.section_slug = "news";
    auto written = articles.save("news", draft);
    ASSERT_TRUE(written.ok());
    const auto newer = story("news", "Bridge closes", "<p>Repairs.</p>", 1);
    EXPECT_EQ(found("news", "bridge"), (Slugs{newer, older}));

    const auto move = [&](domain::ArticleStatus status, std::optional<UnixTime> at) {
        auto lease = database->acquire();
        ASSERT_TRUE(storage::ArticleStore(*lease).set_status(written->id, status, at, now).ok());
    };
    move(domain::ArticleStatus::Published, now);
    EXPECT_EQ(found("news", "bridge"), (Slugs{written->slug, newer, older}));
    move(domain::ArticleStatus::Published, now - 2 * hour);
    EXPECT_EQ(found("news", "bridge"), (Slugs{newer, written->slug, older}));
    move(domain::ArticleStatus::Scheduled, now + hour);
    EXPECT_EQ(found("news", "bridge"), (Slugs{newer, older}));
    move(domain::ArticleStatus::Unpublished, std::nullopt);
    EXPECT_EQ(found("news", "bridge"), (Slugs{newer, older}));
    move(domain::ArticleStatus::Published, now - 4 * hour);
    EXPECT_EQ(found("news", "bridge"), (Slugs{newer, older, written->slug}));
}

// An archive's stories dated before 1970 rank by their dates among themselves, after every later
// story, and one moved further back goes with its new date (each saved in an order that is not
// their dates', so that ranking by id would show).
TEST_P(SearchTest, StoriesDatedBefore1970RankByTheirDates) {
    constexpr UnixTime year = 365 * 24 * hour;
    const auto in_1969 = story_at("news", "Harbour crane arrives", "<p>Cargo.</p>", -year / 2);
    const auto in_1960 = story_at("news", "Harbour opens", "<p>Ships.</p>", -10 * year);
    const auto today = story("news", "Harbour dredged", "<p>Silt.</p>", 1);
    const auto in_1965 = story_at("news", "Harbour walls rise", "<p>Stone.</p>", -5 * year);
    EXPECT_EQ(found("news", "harbour"), (Slugs{today, in_1969, in_1965, in_1960}));

    auto directory = reader.directory();
    ASSERT_TRUE(directory.ok());
    auto lease = database->acquire();
    auto id =
        storage::ArticleStore(*lease).id_by_slug(directory->site_by_slug("news")->id, in_1965);
    ASSERT_TRUE(id.ok() && *id);
    ASSERT_TRUE(storage::ArticleStore(*lease)
                    .set_status(**id, domain::ArticleStatus::Published, -20 * year, now)
                    .ok());
    EXPECT_EQ(found("news", "harbour"), (Slugs{today, in_1969, in_1960, in_1965}));
}

// Two nodes catching up at once, as after an upgrade: each story is indexed once, by one of them,
// a few at a time.
TEST_P(SearchTest, TwoNodesCatchingUpIndexEachStoryOnce) {
    constexpr int stories = 60;
    for (int i = 0; i < stories; ++i)
        story("news", "Harbour report " + std::to_string(i), "<p>Cranes.</p>", 1);
    {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("DELETE FROM search_documents").ok());
    }
    auto other = db::open_database(database.url(), 1);
    ASSERT_TRUE(other.ok());
    SearchIndexer first(*database, clock);
    SearchIndexer second(**other, clock);
    Result<std::int64_t> caught[2] = {std::int64_t{0}, std::int64_t{0}};
    std::thread a([&] { caught[0] = first.catch_up(SearchIndexer::batch_size); });
    std::thread b([&] { caught[1] = second.catch_up(SearchIndexer::batch_size); });
    a.join();
    b.join();
    ASSERT_TRUE(caught[0].ok()) << caught[0].error().cause;
    ASSERT_TRUE(caught[1].ok()) << caught[1].error().cause;
    EXPECT_EQ(*caught[0] + *caught[1], stories) << "each story once";
    EXPECT_EQ(*first.catch_up(SearchIndexer::catch_up_transaction + 1), 0);
    auto lease = database->acquire();
    auto indexed = lease->query("SELECT COUNT(*) FROM search_documents");
    ASSERT_TRUE(indexed.ok());
    EXPECT_EQ(indexed->front().integer(0), stories);
}

// Catching up walks on from where the last call stopped rather than from the first story each
// time (which made a re-index walk the archive once per batch), and a call that began part-way
// walks once more from the first story before it says nothing is left.
TEST_P(SearchTest, CatchingUpWalksOnAndLooksBehindBeforeSayingItIsDone) {
    constexpr int stories = 60;
    for (int i = 0; i < stories; ++i)
        story("news", "Quay notice " + std::to_string(i), "<p>Berths.</p>", 1);
    const auto forget = [&](const std::string& which) {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("DELETE FROM search_documents" + which).ok());
    };
    forget("");
    SearchIndexer indexer(*database, clock);
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::catch_up_transaction), 25);
    // Behind the walk now: the first story, made stale again.
    forget(" WHERE article_id = (SELECT MIN(id) FROM articles)");
    const auto first_indexed = [&] {
        auto lease = database->acquire();
        return lease
                   ->query(
                       "SELECT COUNT(*) FROM search_documents WHERE article_id = "
                       "(SELECT MIN(id) FROM articles)")
                   ->front()
                   .integer(0) == 1;
    };
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::catch_up_transaction), 25);
    EXPECT_FALSE(first_indexed()) << "the walk went on from where it stopped";
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::batch_size), stories - 50 + 1);
    EXPECT_TRUE(first_indexed()) << "and looked behind before it was done";
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::batch_size), 0);
    auto lease = database->acquire();
    auto indexed = lease->query("SELECT COUNT(*) FROM search_documents");
    ASSERT_TRUE(indexed.ok());
    EXPECT_EQ(indexed->front().integer(0),
              lease->query("SELECT COUNT(*) FROM articles")->front().integer(0));
}

// A serving node's start asks whether anything is stale before it walks the stories: a document
// missing, or made by an older or a newer analysis, is seen, and a current index is left alone.
TEST_P(SearchTest, AStartCatchesUpOnlyWhenADocumentIsMissingOrOfAnotherAnalysis) {
    story("news", "Ferry timetable", "<p>Summer sailings.</p>", 2);
    const auto second = story("news", "Ferry fares", "<p>Prices.</p>", 1);
    SearchIndexer indexer(*database, clock);
    const auto stale = [&] {
        auto lease = database->acquire();
        auto any = storage::SearchStore(*lease).any_stale(search::analysis_version);
        EXPECT_TRUE(any.ok());
        return any.ok() && *any;
    };
    const auto change = [&](const std::string& sql) {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute(sql).ok()) << sql;
    };
    const std::string version = std::to_string(search::analysis_version);
    EXPECT_FALSE(stale());
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::batch_size), 0);

    change("DELETE FROM search_documents WHERE article_id = (SELECT MIN(id) FROM articles)");
    EXPECT_TRUE(stale()) << "a story without its document";
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::batch_size), 1);
    EXPECT_FALSE(stale());

    for (const auto* other : {" - 1", " + 1"}) {
        change("UPDATE search_documents SET analysis = " + version + other +
               " WHERE article_id = (SELECT MAX(id) FROM articles)");
        EXPECT_TRUE(stale()) << "a document of analysis " << version << other;
        EXPECT_EQ(*indexer.catch_up(SearchIndexer::batch_size), 1);
        EXPECT_FALSE(stale());
    }
    EXPECT_EQ(found("news", "fare"), (Slugs{second}));
}

TEST_P(SearchTest, TheIndexerCatchesUpAndRebuilds) {
    const auto ports = story("news", "Ports reopen", "<p>Ships sail.</p>", 2);
    const auto arabic = story("ar", "المكتبة تفتح", "<p>الكتب.</p>", 1);
    // As after an upgrade: stories the index does not hold.
    {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("DELETE FROM search_documents").ok());
    }
    EXPECT_EQ(found("news", "port"), Slugs{});
    SearchIndexer indexer(*database, clock);
    auto caught = indexer.catch_up(SearchIndexer::batch_size);
    ASSERT_TRUE(caught.ok()) << caught.error().message << " " << caught.error().cause;
    EXPECT_EQ(*caught, 2);
    EXPECT_EQ(*indexer.catch_up(SearchIndexer::batch_size), 0);
    EXPECT_EQ(found("news", "port"), (Slugs{ports}));
    EXPECT_EQ(found("ar", "مكتبة"), (Slugs{arabic}));

    std::vector<std::pair<std::int64_t, std::int64_t>> progress;
    auto rebuilt = indexer.rebuild(
        [&](std::int64_t done, std::int64_t total) { progress.emplace_back(done, total); });
    ASSERT_TRUE(rebuilt.ok());
    EXPECT_EQ(*rebuilt, 2);
    EXPECT_EQ(progress.front(), (std::pair<std::int64_t, std::int64_t>{0, 2}));
    EXPECT_EQ(progress.back(), (std::pair<std::int64_t, std::int64_t>{2, 2}));
    EXPECT_EQ(found("news", "port"), (Slugs{ports}));
    EXPECT_EQ(found("ar", "مكتبة"), (Slugs{arabic}));
}

TEST_P(SearchTest, WordsWithPunctuationAndQuotesAreTermsOfTheirOwn) {
    const auto us = story("news", "U.S. envoy visits", "<p>O'Neill met officials.</p>", 2);
    story("news", "Us and them", "<p>A column.</p>", 1);
    EXPECT_EQ(found("news", "u.s."), (Slugs{us}));
    EXPECT_EQ(found("news", "o'neill"), (Slugs{us}));
    // Query syntax typed by a reader is only ever words: no operator reaches the index.
    EXPECT_EQ(found("news", "envoy OR column"), Slugs{});
    EXPECT_EQ(found("news", "\"envoy) NOT (visits\""), Slugs{});
    EXPECT_EQ(found("news", "headline:envoy"), Slugs{});
    EXPECT_EQ(found("news", "'envoy' & 'visits'"), (Slugs{us}));
}

// A search reads the newest stories first and goes further back only when it must: on
// PostgreSQL in windows of the site's newest stories (16 times the stories asked for, then one
// sized by the matches found there, or every match of the site when that costs less), on SQLite
// down its index. Either way a match is found wherever it lies, in the same order: 1,000 stories,
// a minute apart, each with "report" in its body.
TEST_P(SearchTest, AMatchIsFoundHoweverFarBackItLies) {
    auto directory = reader.directory();
    ASSERT_TRUE(directory.ok());
    const auto site_id = directory->site_by_slug("news")->id;
    auto lease = database->acquire();
    storage::SearchStore index(*lease);
    // Story `age` minutes old has these words in its headline.
    std::map<int, std::vector<std::string>> headlines = {{3, {"gamma"}},
                                                         {10, {"epsilon"}},
                                                         {100, {"epsilon"}},
                                                         {200, {"beta"}},
                                                         {250, {"report", "epsilon"}},
                                                         {280, {"gamma"}},
                                                         {290, {"beta"}},
                                                         {600, {"epsilon"}},
                                                         {999, {"delta"}}};
    const std::vector<int> alpha = {5, 20, 35, 50, 65, 80, 95, 110, 125, 200, 300, 700};
    for (const int age : alpha) headlines[age].push_back("alpha");
    std::map<int, domain::Id> story_aged;
    for (int age = 0; age < 1000; ++age) {
        auto added = lease->query(
            "INSERT INTO articles (site_id, slug, headline, status, first_published_at, "
            "updated_at, created_at) VALUES ($1, $2, $2, 'published', $3, $3, $3) RETURNING id",
            {site_id, "aged-" + std::to_string(age), std::int64_t{now - age * 60}});
        ASSERT_TRUE(added.ok()) << added.error().cause;
        story_aged[age] = added->front().integer(0);
        storage::SearchDocument document;
        if (auto h = headlines.find(age); h != headlines.end()) document.headline = h->second;
        document.body = {"report"};
        ASSERT_TRUE(index.put(story_aged[age], document, 1).ok());
    }
    const auto find = [&](const std::string& word, int limit, int offset) {
        auto found = index.find(site_id, now, {{{word}}, {}}, limit, offset);
        EXPECT_TRUE(found.ok()) << found.error().cause;
        return found.ok() ? *found : std::vector<domain::Id>{};
    };
    using Ids = std::vector<domain::Id>;
    const auto aged = [&](std::initializer_list<int> ages) {
        Ids ids;
        for (const int age : ages) ids.push_back(story_aged.at(age));
        return ids;
    };
    EXPECT_EQ(find("gamma", 1, 0), aged({3})) << "in the first window";
    EXPECT_EQ(find("alpha", 10, 0), aged({5, 20, 35, 50, 65, 80, 95, 110, 125, 200}))
        << "nine in the first window, the tenth in the second";
    EXPECT_EQ(find("epsilon", 3, 0), aged({10, 100, 250})) << "one in the first: all of them";
    EXPECT_EQ(find("beta", 1, 0), aged({200})) << "none in the first: all of them";
    EXPECT_EQ(find("delta", 1, 0), aged({999}));
    EXPECT_EQ(find("beta", 1, 1), aged({290})) << "the second page";
    EXPECT_EQ(find("report", 3, 0), aged({250, 0, 1})) << "the headline first, then the newest";
    EXPECT_EQ(find("report", 2, 998), aged({998, 999}));
    // Words left out, in a window and past it.
    const auto find_without = [&](const std::string& word, const std::string& without, int limit) {
        auto found = index.find(site_id, now, {{{word}}, {{without}}}, limit, 0);
        EXPECT_TRUE(found.ok()) << found.error().cause;
        return found.ok() ? *found : std::vector<domain::Id>{};
    };
    EXPECT_EQ(find_without("alpha", "beta", 10), aged({5, 20, 35, 50, 65, 80, 95, 110, 125, 300}))
        << "200 holds beta: the tenth lies further back";
    EXPECT_EQ(find_without("report", "epsilon", 3), aged({0, 1, 2}))
        << "the headline's one left out";
    EXPECT_EQ(find_without("alpha", "report", 1), Ids{}) << "every story's body holds it";
    auto candidates = index.newest_with_any(site_id, now, {"gamma", "delta"}, 2);
    ASSERT_TRUE(candidates.ok());
    EXPECT_EQ(*candidates, aged({3, 280}));
    candidates = index.newest_with_any(site_id, now, {"delta"}, 1);
    ASSERT_TRUE(candidates.ok());
    EXPECT_EQ(*candidates, aged({999}));
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace
}  // namespace dateline::app
