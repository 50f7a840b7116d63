#include "app/wire_desk.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../support_database.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
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
    WireDesk desk{*database, articles, clock, database.dir() / "wire", {}};
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

    auto queue = desk.queue("");
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
    EXPECT_EQ(desk.queue("")->size(), 1u);
    EXPECT_TRUE(desk.queue("other")->empty());
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
    EXPECT_TRUE(desk.queue("")->front().article_id);
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

INSTANTIATE_TEST_SUITE_P(Backends, WireDeskTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
