#include "app/article_service.hpp"

#include <gtest/gtest.h>

#include "../support_database.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "db/migrator.hpp"
#include "provision/network_file.hpp"
#include "storage/article_store.hpp"

namespace dateline::app {

using testing_support::FixedClock;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'795'000'000;  // late 2026
constexpr UnixTime hour = 3600;

// One suite, run against every backend.
class ArticleServiceTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        domain::NetworkSpec spec = provision::default_network_spec("http://news.example");
        spec.sites[0].sections.push_back({0, 0, "sport", "Sport", 1});
        ASSERT_TRUE(create_network(*database, spec).ok());
    }

    domain::ArticleDraft published(std::string headline, UnixTime hours_ago,
                                   std::vector<std::string> tags = {}) {
        domain::ArticleDraft d;
        d.headline = std::move(headline);
        d.body_html = "<p>Body</p>";
        d.section_slug = "news";
        d.tag_names = std::move(tags);
        d.status = domain::ArticleStatus::Published;
        d.first_published_at = now - hours_ago * hour;
        return d;
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    media::ImageLibrary images{database.dir() / "media"};
    MediaService media{*database, images, clock};
};

TEST_P(ArticleServiceTest, SavesAndShowsPublishedArticles) {
    auto saved = ArticleService(*database, media, clock)
                     .save("news", published("Rain closes schools", 2, {"Weather"}));
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_TRUE(saved->created);
    EXPECT_TRUE(saved->visible);
    EXPECT_EQ(saved->url, "http://news.example/news/rain-closes-schools");

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    ASSERT_TRUE(directory.ok());
    const auto* site = directory->site_by_slug("news");
    auto article = reader.article(*site, "rain-closes-schools");
    ASSERT_TRUE(article.ok());
    ASSERT_TRUE(*article);
    EXPECT_EQ((*article)->headline, "Rain closes schools");
    ASSERT_EQ((*article)->tags.size(), 1u);
    EXPECT_EQ((*article)->tags[0].slug, "weather");
}

// Bylines and tags come in the order the desk gave, not in the order their names were first
// used: read for one story (a story page, one statement) and for a list (a feed, by links).
TEST_P(ArticleServiceTest, BylinesAndTagsKeepTheDesksOrderAloneAndInLists) {
    ArticleService service(*database, media, clock);
    auto first = published("Port reopens", 3, {"Alpha", "Middle", "Zoo"});
    first.author_names = {"Amal Desk", "Zed Writer"};
    ASSERT_TRUE(service.save("news", first).ok());
    auto second = published("Ferries resume", 2, {"Zoo", "Alpha", "Middle"});
    second.author_names = {"Zed Writer", "Amal Desk"};
    ASSERT_TRUE(service.save("news", second).ok());

    const auto names = [](const domain::Article& a) {
        std::vector<std::string> out;
        for (const auto& author : a.authors) out.push_back(author.name);
        for (const auto& tag : a.tags) out.push_back(tag.name);
        return out;
    };
    const std::vector<std::string> expected_first = {"Amal Desk", "Zed Writer", "Alpha", "Middle",
                                                     "Zoo"};
    const std::vector<std::string> expected_second = {"Zed Writer", "Amal Desk", "Zoo", "Alpha",
                                                      "Middle"};
    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    ASSERT_TRUE(directory.ok());
    const auto* site = directory->site_by_slug("news");
    auto alone = reader.article(*site, "ferries-resume");
    ASSERT_TRUE(alone.ok() && *alone);
    EXPECT_EQ(names(**alone), expected_second);

    auto lease = database->acquire();
    auto listed = storage::ArticleStore(*lease).list_visible({.site_id = site->id}, now, 10);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(names((*listed)[0]), expected_second);
    EXPECT_EQ(names((*listed)[1]), expected_first);
}

TEST_P(ArticleServiceTest, DraftsAndFutureArticlesStayHidden) {
    ArticleService service(*database, media, clock);
    auto draft = published("Draft story", 1);
    draft.status = domain::ArticleStatus::Draft;
    ASSERT_TRUE(service.save("news", draft).ok());
    auto scheduled = published("Scheduled story", 1);
    scheduled.status = domain::ArticleStatus::Scheduled;
    scheduled.first_published_at = now + hour;
    auto saved = service.save("news", scheduled);
    ASSERT_TRUE(saved.ok());
    EXPECT_FALSE(saved->visible);

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    const auto* site = directory->site_by_slug("news");
    EXPECT_FALSE(*reader.article(*site, "draft-story"));
    EXPECT_FALSE(*reader.article(*site, "scheduled-story"));
    clock.set(now + 2 * hour);  // the scheduled time has come
    EXPECT_TRUE(*reader.article(*site, "scheduled-story"));
}

TEST_P(ArticleServiceTest, SameHeadlineGetsADistinctSlug) {
    ArticleService service(*database, media, clock);
    auto first = service.save("news", published("Markets close higher", 3));
    auto second = service.save("news", published("Markets close higher", 1));
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(first->slug, "markets-close-higher");
    EXPECT_EQ(second->slug, "markets-close-higher-2");
}

TEST_P(ArticleServiceTest, ExternalIdUpdatesInsteadOfDuplicating) {
    ArticleService service(*database, media, clock);
    auto d = published("First version", 3);
    d.external_id = "urn:wire:42";
    auto first = service.save("news", d);
    d.headline = "Second version";
    auto second = service.save("news", d);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(first->id, second->id);
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->slug, "first-version");  // the published URL stays stable

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    auto page =
        reader.section_page(directory->sections_of(*directory->site_by_slug("news"))[0], {});
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->articles.size(), 1u);
    EXPECT_EQ(page->articles[0]->headline, "Second version");
}

TEST_P(ArticleServiceTest, RefusesUnknownSectionsAndLeavesNothingBehind) {
    ArticleService service(*database, media, clock);
    auto d = published("Orphan", 1, {"New tag"});
    d.section_slug = "nowhere";
    auto saved = service.save("news", d);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().field, "section");
    auto lease = database->acquire();
    auto tags = lease->query("SELECT COUNT(*) FROM tags");
    EXPECT_EQ(tags->front().integer(0), 0);  // the transaction rolled back the new tag too
}

TEST_P(ArticleServiceTest, RelatedNewsPrefersSharedTags) {
    ArticleService service(*database, media, clock);
    ASSERT_TRUE(service.save("news", published("Main story", 1, {"Ports", "Trade"})).ok());
    ASSERT_TRUE(service.save("news", published("Unrelated newer", 0)).ok());
    ASSERT_TRUE(service.save("news", published("Shares one tag", 5, {"Trade"})).ok());
    ASSERT_TRUE(service.save("news", published("Shares two tags", 9, {"Trade", "Ports"})).ok());

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    auto story = reader.story(*directory->site_by_slug("news"), "main-story", 1);
    ASSERT_TRUE(story.ok() && *story);
    // Saved before the two that share its tags, the story has them in its list all the same:
    // each was offered to the lists of the stories it chose. A story of the same section that
    // shares nothing else is not related.
    const auto& related = (*story)->related;
    ASSERT_EQ(related.size(), 2u);
    EXPECT_EQ(related[0]->headline, "Shares two tags");
    EXPECT_EQ(related[1]->headline, "Shares one tag");
}

// The headlines of a listing page, in the order shown.
std::vector<std::string> headlines(const ArticlePage& page) {
    std::vector<std::string> out;
    for (const auto& a : page.articles) out.push_back(a->headline);
    return out;
}

TEST_P(ArticleServiceTest, PagesListingsFromAStoryWhateverTheirDepth) {
    using From = ListingRequest::From;
    ArticleService service(*database, media, clock);
    // 45 stories, two at each publication time: the id orders stories of the same second.
    std::vector<std::string> newest_first;
    for (int i = 44; i >= 0; --i) newest_first.push_back("Story " + std::to_string(i));
    for (int i = 0; i < 45; ++i) {
        auto story = published("Story " + std::to_string(i), 45 - i / 2, {"Ports"});
        story.author_names = {"Desk"};
        ASSERT_TRUE(service.save("news", story).ok());
    }
    auto draft = published("Draft story", 1);
    draft.status = domain::ArticleStatus::Draft;
    const auto draft_id = service.save("news", draft)->id;

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    const auto& site = *directory->site_by_slug("news");
    const auto& section = directory->sections_of(site)[0];
    const auto tag = reader.tag(site, "ports");
    ASSERT_TRUE(tag.ok() && tag->has_value());
    const auto author = reader.author(site, "desk");
    ASSERT_TRUE(author.ok() && author->has_value());
    for (const char* listing : {"section", "tag", "author"}) {
        SCOPED_TRACE(listing);
        auto page_at = [&](ListingRequest at) {
            const std::string_view kind = listing;
            return kind == "tag"      ? reader.tag_page(**tag, at)
                   : kind == "author" ? reader.author_page(**author, at)
                                      : reader.section_page(section, at);
        };
        // Older and older: every story once, in reading order, 20 to a page.
        std::vector<std::string> seen;
        std::vector<ArticlePage> pages;
        ListingRequest at;
        for (;;) {
            auto page = page_at(at);
            ASSERT_TRUE(page.ok()) << page.error().message;
            EXPECT_EQ(page->newest, pages.empty());
            EXPECT_EQ(page->newer.has_value(), !pages.empty());
            for (auto& h : headlines(*page)) seen.push_back(h);
            pages.push_back(*page);
            if (!page->older) break;
            at = {From::OlderThan, *page->older};
        }
        EXPECT_EQ(seen, newest_first);
        ASSERT_EQ(pages.size(), 3u);
        EXPECT_EQ(pages[2].articles.size(), 5u);
        // Newer from the last page is the middle page again, and newer from that the first.
        auto middle = page_at({From::NewerThan, *pages[2].newer});
        ASSERT_TRUE(middle.ok());
        EXPECT_EQ(headlines(*middle), headlines(pages[1]));
        EXPECT_EQ(middle->older, pages[1].older);
        auto first = page_at({From::NewerThan, *middle->newer});
        ASSERT_TRUE(first.ok());
        EXPECT_TRUE(first->newest);
        EXPECT_EQ(headlines(*first), headlines(pages[0]));
        // No page starts at a story that is not listed, at an unknown one, or past the oldest.
        EXPECT_EQ(page_at({From::OlderThan, draft_id}).error().code, ErrorCode::NotFound);
        EXPECT_EQ(page_at({From::NewerThan, 999999}).error().code, ErrorCode::NotFound);
        EXPECT_EQ(page_at({From::OlderThan, pages[2].articles.back()->id}).error().code,
                  ErrorCode::NotFound);
    }
}

TEST_P(ArticleServiceTest, AStoryLeavingTheListingLeavesItsTagAndAuthorPages) {
    ArticleService service(*database, media, clock);
    auto story = published("Withdrawn later", 2, {"Ports"});
    story.author_names = {"Desk"};
    story.external_id = "urn:wire:7";
    ASSERT_TRUE(service.save("news", story).ok());
    auto stays = published("Stays", 3, {"Ports"});
    stays.author_names = {"Desk"};
    ASSERT_TRUE(service.save("news", stays).ok());
    story.status = domain::ArticleStatus::Draft;
    ASSERT_TRUE(service.save("news", story).ok());

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    const auto& site = *directory->site_by_slug("news");
    const auto tag = reader.tag(site, "ports");
    const auto author = reader.author(site, "desk");
    ASSERT_TRUE(author.ok() && author->has_value());
    auto page = reader.tag_page(**tag, {});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(headlines(*page), std::vector<std::string>{"Stays"});
    page = reader.author_page(**author, {});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(headlines(*page), std::vector<std::string>{"Stays"});
    // However the status changes, the reading orders follow (triggers keep them).
    {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("UPDATE articles SET status = 'draft' WHERE slug = 'stays'"));
        ASSERT_TRUE(
            lease->execute("UPDATE articles SET status = 'published', "
                           "first_published_at = $1 WHERE slug = 'withdrawn-later'",
                           {now - 5 * hour}));
    }
    page = reader.tag_page(**tag, {});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(headlines(*page), std::vector<std::string>{"Withdrawn later"});
    page = reader.author_page(**author, {});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(headlines(*page), std::vector<std::string>{"Withdrawn later"});
}

TEST_P(ArticleServiceTest, CreatingTheNetworkTwiceIsAConflict) {
    const auto again =
        create_network(*database, provision::default_network_spec("http://news.example"));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
}

TEST_P(ArticleServiceTest, NamesThatSlugifyAlikeStayTwoAuthors) {
    ArticleService service(*database, media, clock);
    auto first = published("First byline", 2);
    first.author_names = {"José Pérez"};
    auto second = published("Second byline", 1);
    second.author_names = {"Jose Perez"};
    ASSERT_TRUE(service.save("news", first).ok());
    ASSERT_TRUE(service.save("news", second).ok());
    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    const auto* site = directory->site_by_slug("news");
    EXPECT_EQ((*reader.article(*site, "first-byline"))->authors.at(0).name, "José Pérez");
    EXPECT_EQ((*reader.article(*site, "second-byline"))->authors.at(0).name, "Jose Perez");
}

TEST_P(ArticleServiceTest, TheBodyIsSanitizedWhateverItsSource) {
    ArticleService service(*database, media, clock);
    auto d = published("Body check", 1);
    d.body_html = "<p onclick=\"x()\">Safe<script>alert(1)</script></p>";
    ASSERT_TRUE(service.save("news", d).ok());
    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    const auto article = *reader.article(*directory->site_by_slug("news"), "body-check");
    EXPECT_EQ(article->body_html, "<p>Safe</p>");
    EXPECT_EQ(article->body_text, "Safe");
}

namespace {

// Wide enough that smaller copies for srcset are written beside it.
const std::filesystem::path picture_fixture =
    std::filesystem::path(DATELINE_SOURCE_DIR) / "demo/images/airport-terminal.jpg";

domain::WireItem wire_item_with_picture(std::string guid) {
    domain::WireItem item;
    item.guid = std::move(guid);
    item.headline = "Harbour at dawn " + item.guid;
    item.body_html = "<p>Body</p>";
    item.image = domain::WireImage{picture_fixture.string(), "The quay.", "Photo desk", {}};
    return item;
}

std::vector<std::string> files_in(const std::filesystem::path& directory) {
    std::vector<std::string> names;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(directory, ec);
         !ec && it != std::filesystem::directory_iterator(); ++it)
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::int64_t count(db::Database& database, const std::string& sql) {
    auto lease = database.acquire();
    auto rows = lease->query(sql);
    return rows ? rows->front().integer(0) : -1;
}

}  // namespace

TEST_P(ArticleServiceTest, ARefusedImportLeavesNoPictureBehind) {
    ArticleService service(*database, media, clock);
    auto saved = service.import_wire_item("news", wire_item_with_picture("urn:wire:1"), true,
                                          "no-such-section");
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().field, "section");
    EXPECT_EQ(files_in(images.directory()), std::vector<std::string>{}) << "no file in media/";
    EXPECT_EQ(count(*database, "SELECT COUNT(*) FROM media"), 0) << "no media row";
    EXPECT_EQ(count(*database, "SELECT COUNT(*) FROM articles"), 0) << "no article";
}

TEST_P(ArticleServiceTest, ARefusedImportKeepsAPictureAnotherArticleUses) {
    ArticleService service(*database, media, clock);
    auto first = service.import_wire_item("news", wire_item_with_picture("urn:wire:1"), true);
    ASSERT_TRUE(first.ok()) << first.error().message;
    const auto files = files_in(images.directory());
    ASSERT_FALSE(files.empty());

    auto second = service.import_wire_item("news", wire_item_with_picture("urn:wire:2"), true,
                                           "no-such-section");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(files_in(images.directory()), files) << "the shared picture's files stay";
    EXPECT_EQ(count(*database, "SELECT COUNT(*) FROM media"), 1);
    EXPECT_EQ(count(*database, "SELECT COUNT(*) FROM articles WHERE lead_media_id IS NOT NULL"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticleServiceTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
