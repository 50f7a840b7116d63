#include "app/wire_desk.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "../support_database.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "app/user_service.hpp"
#include "provision/network_file.hpp"

namespace dateline::app {

namespace fs = std::filesystem;
using testing_support::FixedClock;
using testing_support::TempDir;
using testing_support::TestDatabase;

constexpr UnixTime now = 1'795'000'000;  // late 2026

namespace {

// A ninjs 3.1 item as an agency would drop it.
std::string item(const std::string& uri, const std::string& version, const std::string& headline,
                 const std::string& version_created, const std::string& status = "usable") {
    return R"({"uri": ")" + uri + R"(", "version": ")" + version + R"(", "type": "text",
        "headlines": [{"role": "main", "value": ")" +
           headline + R"("}],
        "bodies": [{"contentType": "text/html", "value": "<p>Text of the story.</p>"}],
        "firstCreated": "2026-11-01T08:00:00Z", "versionCreated": ")" +
           version_created + R"(",
        "pubStatus": ")" +
           status + R"(", "language": "en"})";
}

domain::WireQueueQuery of_source(const std::string& name) {
    domain::WireQueueQuery query;
    query.source_name = name;
    return query;
}

}  // namespace

class WireDeskTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        domain::NetworkSpec spec = provision::default_network_spec("http://news.example");
        ASSERT_TRUE(create_network(*database, spec).ok());
        fs::create_directories(drop);
    }

    // Drops a file the way an upload finishes: written, then left alone.
    void drop_file(const std::string& name, const std::string& text, int minutes_ago = 5) {
        std::ofstream(drop / name) << text;
        fs::last_write_time(drop / name,
                            fs::file_time_type::clock::now() - std::chrono::minutes(minutes_ago));
    }

    // A queueing source "meridian" and, in its folder, a NewsML-G2 message of two items, the
    // first with a picture beside it.
    void drop_agency_message() {
        ASSERT_TRUE(desk.add_source("meridian", drop, "news", "", false).ok());
        const fs::path fixtures = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures";
        fs::create_directories(drop / "pictures");
        fs::copy_file(fixtures / "newsml_g2/pictures/harbour-dawn.jpg",
                      drop / "pictures/harbour-dawn.jpg");
        std::ifstream message(fixtures / "newsml_g2/news-message-package.xml");
        drop_file("message.xml", std::string((std::istreambuf_iterator<char>(message)), {}));
    }

    std::optional<domain::Article> story(const std::string& slug) {
        ReaderService reader(*database, clock);
        auto directory = reader.directory();
        auto found = reader.article(*directory->site_by_slug("news"), slug);
        return found.ok() && *found ? std::optional<domain::Article>(**found) : std::nullopt;
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    TempDir dir;
    const fs::path drop = dir.path() / "drop";
    media::ImageLibrary images{database.dir() / "media"};
    MediaService media{*database, images, clock};
    ArticleService articles{*database, media, clock};
    fetch::HttpFetcher fetcher{false};
    WireDesk desk{*database, articles, clock, database.dir() / "wire", {}, fetcher};
};

TEST_P(WireDeskTest, SourcesAreCheckedWhenAdded) {
    EXPECT_TRUE(desk.add_source("gulf-wire", drop, "news", "news", false).ok());
    const auto taken = desk.add_source("gulf-wire", drop, "news", "", false);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().field, "name");
    EXPECT_EQ(desk.add_source("a b", drop, "news", "", false).error().field, "name");
    EXPECT_EQ(desk.add_source("x", dir.path() / "nowhere", "news", "", false).error().field,
              "folder");
    EXPECT_EQ(desk.add_source("x", drop, "nosuchsite", "", false).error().field, "site");
    EXPECT_EQ(desk.add_source("x", drop, "news", "nosuchsection", false).error().field, "section");
    auto all = desk.sources();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().location, fs::canonical(drop).string());
    EXPECT_EQ(all->front().section_slug, "news");
    EXPECT_TRUE(desk.remove_source("gulf-wire").ok());
    EXPECT_EQ(desk.remove_source("gulf-wire").error().code, ErrorCode::NotFound);
}

TEST_P(WireDeskTest, AQueueingSourceQueuesEachVersionOnceAndFilesTheFiles) {
    ASSERT_TRUE(desk.add_source("gulf-wire", drop, "news", "", false).ok());
    drop_file("one.json", item("urn:gulf:1", "1", "Harbour cranes arrive", "2026-11-01T08:00:00Z"));
    drop_file("broken.json", "{\"uri\": \"urn:gulf:2\", \"headlines\": ");
    drop_file("fresh.json", item("urn:gulf:3", "1", "Still being written", "2026-11-01T08:00:00Z"),
              0);
    auto run = desk.run_once();
    ASSERT_TRUE(run.ok()) << run.error().message;
    EXPECT_EQ(run->received, 1);
    EXPECT_EQ(run->published, 0);
    EXPECT_EQ(run->failed, 1);
    EXPECT_TRUE(fs::exists(drop / "done" / "one.json"));
    EXPECT_TRUE(fs::exists(drop / "failed" / "broken.json.reason.txt"));
    EXPECT_TRUE(fs::exists(drop / "fresh.json")) << "left until it is complete";
    EXPECT_FALSE(story("harbour-cranes-arrive")) << "queued, not published";

    auto queue = desk.queue({});
    ASSERT_TRUE(queue.ok());
    ASSERT_EQ(queue->size(), 1u);
    EXPECT_EQ(queue->front().source_name, "gulf-wire");
    EXPECT_EQ(queue->front().item.headline, "Harbour cranes arrive");
    EXPECT_EQ(queue->front().item.format, "ninjs 3.1");
    EXPECT_EQ(queue->front().item.body_html, "<p>Text of the story.</p>");

    // The same version again, from a second drop: filed, not queued twice.
    drop_file("one-again.json",
              item("urn:gulf:1", "1", "Harbour cranes arrive", "2026-11-01T08:00:00Z"));
    run = desk.run_once();
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->received, 0);
    EXPECT_EQ(run->repeated, 1);
    EXPECT_EQ(desk.queue({})->size(), 1u);
    EXPECT_TRUE(desk.queue(of_source("other"))->empty());
}

TEST_P(WireDeskTest, APublishingSourcePublishesCorrectsAndTakesDown) {
    ASSERT_TRUE(desk.add_source("gulf-wire", drop, "news", "news", true).ok());
    drop_file("v1.json", item("urn:gulf:9", "1", "Ferry fares cut", "2026-11-01T08:00:00Z"));
    ASSERT_EQ(desk.run_once()->published, 1);
    ASSERT_TRUE(story("ferry-fares-cut"));
    drop_file("v2.json",
              item("urn:gulf:9", "2", "Ferry fares cut by a third", "2026-11-01T09:00:00Z"));
    ASSERT_EQ(desk.run_once()->published, 1);
    ASSERT_TRUE(story("ferry-fares-cut"));
    EXPECT_EQ(story("ferry-fares-cut")->headline, "Ferry fares cut by a third");
    EXPECT_TRUE(desk.queue({})->front().article_id);
    // Out of order: the withdrawal (version 4) comes before version 3, which must not undo it.
    drop_file("v4.json", item("urn:gulf:9", "4", "Withdrawn", "2026-11-01T11:00:00Z", "canceled"),
              6);
    drop_file("v3.json",
              item("urn:gulf:9", "3", "Ferry fares cut by a half", "2026-11-01T10:00:00Z"), 5);
    const auto run = desk.run_once();
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->received, 2);
    EXPECT_FALSE(story("ferry-fares-cut")) << "taken down, and kept down";
}

TEST_P(WireDeskTest, EveryAgencyFormatReachesTheQueueWithItsPictures) {
    ASSERT_TRUE(desk.add_source("meridian", drop, "news", "", false).ok());
    const fs::path fixtures = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures";
    const auto copy = [&](const fs::path& from, const std::string& name) {
        fs::copy_file(from, drop / name);
        fs::last_write_time(drop / name,
                            fs::file_time_type::clock::now() - std::chrono::minutes(5));
    };
    fs::create_directories(drop / "pictures");
    fs::copy_file(fixtures / "newsml_g2/pictures/harbour-dawn.jpg",
                  drop / "pictures/harbour-dawn.jpg");
    fs::copy_file(fixtures / "nitf/harbour-dawn.jpg", drop / "harbour-dawn.jpg");
    copy(fixtures / "newsml_g2/news-message-package.xml", "message.xml");
    copy(fixtures / "newsml_g2/text-item-arabic-xhtml.xml", "arabic.xml");
    copy(fixtures / "nitf/harbour-dredging.nitf", "channel.nitf");
    fs::copy_file(fixtures / "feeds/pictures/causeway-dawn.jpg",
                  drop / "pictures/causeway-dawn.jpg");
    copy(fixtures / "feeds/rss2-coastline.xml", "coast.rss");
    copy(fixtures / "feeds/atom-updated-v1.xml", "update.atom");
    drop_file("sitemap.xml", "<urlset><url><loc>https://x.example/</loc></url></urlset>");

    const auto run = desk.run_once();
    ASSERT_TRUE(run.ok()) << run.error().message;
    // Two stories of the message, the Arabic item, the NITF one, two of the RSS feed, the Atom.
    EXPECT_EQ(run->received, 7);
    EXPECT_EQ(run->failed, 1);
    EXPECT_TRUE(fs::exists(drop / "done" / "message.xml"));
    EXPECT_TRUE(fs::exists(drop / "done" / "channel.nitf"));
    std::ifstream reason(drop / "failed" / "sitemap.xml.reason.txt");
    const std::string why((std::istreambuf_iterator<char>(reason)), {});
    EXPECT_NE(why.find("an XML document whose root element is <urlset>"), std::string::npos) << why;
    // The message's video and its item without a headline are named in the run's problems.
    int skipped = 0;
    for (const auto& problem : run->problems)
        if (problem.rfind((drop / "message.xml").string() + ": item urn:newsml:", 0) == 0)
            ++skipped;
    EXPECT_EQ(skipped, 2);

    auto queue = desk.queue(of_source("meridian"));
    ASSERT_TRUE(queue.ok());
    ASSERT_EQ(queue->size(), 7u);
    std::map<std::string, domain::WireItem> by_headline;
    for (const auto& received : *queue) by_headline[received.item.headline] = received.item;
    const auto& ferry = by_headline.at("Solar ferry begins night crossings");
    EXPECT_EQ(ferry.format, "NewsML-G2 2.33");
    ASSERT_TRUE(ferry.image);
    EXPECT_TRUE(fs::exists(ferry.image->location)) << "the picture is kept by the desk";
    EXPECT_EQ(fs::path(ferry.image->location).parent_path(), database.dir() / "wire" / "pictures");
    EXPECT_EQ(ferry.image->credit, "Meridian Wire / Huda Nasser");
    EXPECT_EQ(by_headline.at("Aqaba channel opens to deeper ships").format, "NITF 3.6");
    EXPECT_EQ(by_headline.at("أسعار الخضار تنخفض في السوق المركزي").language, "ar");
    EXPECT_EQ(by_headline.at("Fish market opens an hour earlier").urgency, 5);
    int feeds = 0;
    for (const auto& [headline, item] : by_headline) {
        if (item.format == "RSS 2.0" || item.format == "Atom 1.0") ++feeds;
        if (item.format == "RSS 2.0" && item.image) {
            EXPECT_TRUE(fs::exists(item.image->location)) << "the feed's picture is kept";
        }
    }
    EXPECT_EQ(feeds, 3);
    EXPECT_TRUE(fs::exists(drop / "done" / "coast.rss"));
}

TEST_P(WireDeskTest, TheQueueIsFilteredAndAnEditorUsesAnItemOnce) {
    drop_agency_message();
    const fs::path fixtures = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures";
    std::ifstream arabic(fixtures / "newsml_g2/text-item-arabic-xhtml.xml");
    drop_file("arabic.xml", std::string((std::istreambuf_iterator<char>(arabic)), {}));
    ASSERT_EQ(desk.run_once()->received, 3);

    const auto headlines = [&](const domain::WireQueueQuery& query) {
        std::vector<std::string> out;
        const auto items = desk.queue(query);  // kept: a range-for would not keep the Result
        for (const auto& r : *items) out.push_back(r.item.headline);
        std::sort(out.begin(), out.end());
        return out;
    };
    domain::WireQueueQuery query;
    query.language = "en";
    EXPECT_EQ(headlines(query), (std::vector<std::string>{"Fish market opens an hour earlier",
                                                          "Solar ferry begins night crossings"}));
    query.language = "ar";
    EXPECT_EQ(headlines(query), std::vector<std::string>{"أسعار الخضار تنخفض في السوق المركزي"});
    query = {};
    query.urgency = 2;  // the ferry has the message's priority 2, the brief urgency 5
    EXPECT_EQ(headlines(query), std::vector<std::string>{"Solar ferry begins night crossings"});
    query = {};
    query.text = "FISH market";
    EXPECT_EQ(headlines(query), std::vector<std::string>{"Fish market opens an hour earlier"});
    query.text = "100%";  // LIKE's wildcards are only characters
    EXPECT_TRUE(headlines(query).empty());
    query = {};
    query.limit = 2;
    const auto first = *desk.queue(query);
    ASSERT_EQ(first.size(), 2u);
    query.before_id = first.back().id;
    const auto rest = *desk.queue(query);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_NE(rest.front().id, first.front().id);
    EXPECT_NE(rest.front().id, first.back().id);

    // "Use": a draft with every field and the picture, remembered by the item.
    const auto add = [&](const std::string& email, domain::Role role) {
        auto added = UserService(*database, clock)
                         .add({email, "", role, {"news"}}, "correct horse battery staple");
        EXPECT_TRUE(added.ok()) << added.error().message;
        return added ? *added : domain::User{};
    };
    const domain::User editor = add("editor@news.example", domain::Role::Editor);
    const auto all = desk.queue({});
    ASSERT_TRUE(all.ok());
    const auto id_of = [&](const std::string& headline) {
        for (const auto& r : *all)
            if (r.item.headline == headline) return r.id;
        return domain::Id{0};
    };
    const domain::Id ferry = id_of("Solar ferry begins night crossings");
    auto story = desk.use(editor, ferry, "news", "");
    ASSERT_TRUE(story.ok()) << story.error().message;
    EXPECT_EQ(story->status, domain::ArticleStatus::Draft);
    EXPECT_EQ(story->headline, "Solar ferry begins night crossings");
    EXPECT_EQ(story->dateline, "Muscat");
    EXPECT_EQ(story->source_credit, "MERIDIAN");
    ASSERT_TRUE(story->lead_image);
    EXPECT_EQ(story->lead_credit, "Meridian Wire / Huda Nasser");
    EXPECT_EQ(desk.item(ferry)->value().article_id, story->id);
    // Using it again opens the same story; an item that is not there is NotFound.
    EXPECT_EQ(desk.use(editor, ferry, "news", "")->id, story->id);
    EXPECT_EQ(desk.use(editor, 999999, "news", "").error().code, ErrorCode::NotFound);
    // Someone who does not write for the site may not.
    const domain::User outsider = add("moderator@news.example", domain::Role::Moderator);
    const domain::Id brief = id_of("Fish market opens an hour earlier");
    EXPECT_EQ(desk.use(outsider, brief, "news", "").error().code, ErrorCode::Forbidden);
    EXPECT_FALSE(desk.item(brief)->value().article_id);
}

// A data directory restored or moved elsewhere (or another node's, under another path) keeps
// its queue's pictures: the queue records each picture's whole path, which older nodes read
// during a rolling upgrade, and a desk finds a path that is no more in its own pictures folder.
TEST_P(WireDeskTest, TheQueueFindsItsPicturesWhereverTheDataDirectoryGoes) {
    drop_agency_message();
    ASSERT_EQ(desk.run_once()->received, 2);
    auto recorded = database->acquire()->query(
        "SELECT id FROM wire_items WHERE content LIKE '%\"location\":%'");
    ASSERT_TRUE(recorded.ok());
    ASSERT_EQ(recorded->size(), 1u);
    const domain::Id id = recorded->front().integer(0);
    const std::string kept = desk.item(id)->value().item.image->location;
    ASSERT_EQ(fs::path(kept).parent_path(), database.dir() / "wire" / "pictures");

    const fs::path moved = dir.path() / "moved-wire";
    fs::rename(database.dir() / "wire", moved);
    ASSERT_FALSE(fs::exists(kept));
    WireDesk elsewhere{*database, articles, clock, moved, {}, fetcher};
    auto item = elsewhere.item(id);
    ASSERT_TRUE(item.ok() && *item);
    ASSERT_TRUE((*item)->item.image);
    EXPECT_EQ((*item)->item.image->location,
              (moved / "pictures" / fs::path(kept).filename()).string());
    EXPECT_TRUE(fs::exists((*item)->item.image->location));

    // A recorded path whose last part names no file, or a folder, is left as it was.
    auto rewritten = database->acquire()->execute(
        "UPDATE wire_items SET content = REPLACE(content, $1, $2) WHERE id = $3",
        {kept, "/srv/gone/wire/pictures/..", std::int64_t{id}});
    ASSERT_TRUE(rewritten.ok()) << rewritten.error().message;
    item = elsewhere.item(id);
    ASSERT_TRUE(item.ok() && *item && (*item)->item.image);
    EXPECT_EQ((*item)->item.image->location, "/srv/gone/wire/pictures/..");
}

INSTANTIATE_TEST_SUITE_P(Backends, WireDeskTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
