// "Most read" on both backends: reads counted by the node, added up by the hour, ranked per site
// and per section over the last day; only stories readers can see; nothing lost when a flush
// fails.
#include "app/most_read.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "../support_network.hpp"
#include "app/article_service.hpp"
#include "app/reader_service.hpp"
#include "storage/article_store.hpp"

namespace dateline::app {
namespace {

constexpr UnixTime hour = 3600;
using Headlines = std::vector<std::string>;

class MostReadTest : public testing_support::StoryServicesTest {
  protected:
    void SetUp() override {
        spec.sites.front().sections.push_back({0, 0, "sport", "Sport", 1});
        DefaultNetworkTest::SetUp();
        if (!ready()) return;
        directory = *reader.directory();
    }

    domain::Id save(const std::string& headline, const std::string& section = "news",
                    domain::ArticleStatus status = domain::ArticleStatus::Published) {
        domain::ArticleDraft d;
        d.headline = headline;
        d.body_html = "<p>Text.</p>";
        d.section_slug = section;
        d.status = status;
        d.first_published_at = now - hour;
        auto saved = articles.save(first_site(), d);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        return saved.ok() ? saved->id : 0;
    }

    // `times` readers, each new, read `story` once.
    void read(domain::Id story, int times) {
        for (int i = 0; i < times; ++i)
            EXPECT_TRUE(reads.count(story, "2001:db8::" + std::to_string(++readers)));
    }

    void flush() {
        const auto done = reads.flush();
        ASSERT_TRUE(done.ok()) << done.error().message;
    }

    const domain::Site& site() const { return *directory->site_by_slug(first_site()); }
    const domain::Section& section(const std::string& slug) const {
        for (const auto& s : directory->sections_of(site()))
            if (s.slug == slug) return s;
        throw std::runtime_error("no section " + slug);
    }

    static Headlines headlines(const std::vector<Card>& stories) {
        Headlines out;
        for (const auto& a : stories) out.push_back(a->headline);
        return out;
    }
    Headlines site_ranking() {
        auto page = reader.front_page(*directory, site());
        EXPECT_TRUE(page.ok());
        return page.ok() ? headlines(page->most_read) : Headlines{};
    }
    Headlines section_ranking(const std::string& slug) {
        auto ranked = reader.most_read(section(slug));
        EXPECT_TRUE(ranked.ok());
        return ranked.ok() ? headlines(*ranked) : Headlines{};
    }

    void change(const std::string& sql, const db::Params& params = {}) {
        auto lease = database->acquire();
        const auto done = lease->execute(sql, params);
        ASSERT_TRUE(done.ok()) << done.error().message;
    }

    std::int64_t stored(const std::string& sql) {
        auto lease = database->acquire();
        auto rows = lease->query(sql);
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows->front().integer(0) : -1;
    }

    MostRead reads{*database, clock};
    int readers = 0;
    std::optional<NetworkDirectory> directory;
};

TEST_P(MostReadTest, NothingIsRankedUntilStoriesAreRead) {
    if (!ready()) return;
    save("Quiet story");
    flush();
    EXPECT_TRUE(site_ranking().empty());
    EXPECT_TRUE(section_ranking("news").empty());
}

TEST_P(MostReadTest, StoriesAreRankedBySiteAndBySection) {
    if (!ready()) return;
    const auto a = save("Harbour reopens");
    const auto b = save("Budget passes");
    const auto c = save("Rain expected");
    const auto d = save("Final won on penalties", "sport");
    read(a, 3);
    read(b, 1);
    read(c, 2);
    read(d, 4);
    EXPECT_EQ(reads.pending(), 10);
    flush();
    EXPECT_EQ(reads.pending(), 0);
    EXPECT_EQ(site_ranking(), (Headlines{"Final won on penalties", "Harbour reopens",
                                         "Rain expected", "Budget passes"}));
    EXPECT_EQ(section_ranking("news"),
              (Headlines{"Harbour reopens", "Rain expected", "Budget passes"}));
    EXPECT_EQ(section_ranking("sport"), (Headlines{"Final won on penalties"}));
}

TEST_P(MostReadTest, FlushesAddUpAndARankingHoldsFiveWithTheNewerFirstOnATie) {
    if (!ready()) return;
    std::vector<domain::Id> ids;
    ids.reserve(7);
    for (int i = 0; i < 7; ++i) ids.push_back(save("Story " + std::to_string(i)));
    for (const auto id : ids) read(id, 1);
    flush();
    read(ids[0], 2);  // three reads in all, over two flushes
    flush();
    EXPECT_EQ(stored("SELECT SUM(reads) FROM article_reads"), 9);
    EXPECT_EQ(site_ranking(), (Headlines{"Story 0", "Story 6", "Story 5", "Story 4", "Story 3"}));
}

TEST_P(MostReadTest, OnlyTheLastDayCounts) {
    if (!ready()) return;
    const auto old_news = save("Yesterday's big story");
    const auto fresh = save("This morning's story");
    read(old_news, 50);
    flush();
    EXPECT_EQ(site_ranking(), (Headlines{"Yesterday's big story"}));
    clock.set(now + 24 * hour);
    read(fresh, 1);
    flush();
    EXPECT_EQ(site_ranking(), (Headlines{"This morning's story"}));
    // The hours outside the window are forgotten.
    EXPECT_EQ(stored("SELECT COUNT(*) FROM article_reads"), 1);
}

TEST_P(MostReadTest, OnlyStoriesReadersCanSeeAreShown) {
    if (!ready()) return;
    const auto shown = save("Shown story");
    const auto withdrawn = save("Withdrawn story");
    read(shown, 1);
    read(withdrawn, 5);
    flush();
    ASSERT_EQ(site_ranking(), (Headlines{"Withdrawn story", "Shown story"}));
    // Unpublished after the ranking was made: gone from the list at once, not at the next flush.
    change("UPDATE articles SET status = 'unpublished' WHERE id = $1", {withdrawn});
    EXPECT_EQ(site_ranking(), (Headlines{"Shown story"}));
    EXPECT_EQ(section_ranking("news"), (Headlines{"Shown story"}));
}

TEST_P(MostReadTest, ARankedStoryPutOffOrRepublishedFollowsAtOnce) {
    if (!ready()) return;
    const auto shown = save("Shown story");
    const auto moved = save("Moved story");
    read(shown, 1);
    read(moved, 5);
    flush();
    const Headlines both{"Moved story", "Shown story"};
    ASSERT_EQ(site_ranking(), both);
    // Put off to a later time: gone until then, from the site's ranking and its section's.
    change("UPDATE articles SET status = 'scheduled', first_published_at = $1 WHERE id = $2",
           {now + 2 * hour, moved});
    EXPECT_EQ(site_ranking(), (Headlines{"Shown story"}));
    EXPECT_EQ(section_ranking("news"), (Headlines{"Shown story"}));
    clock.set(now + 3 * hour);
    EXPECT_EQ(site_ranking(), both);
    // Withdrawn, then published again: back with no new ranking.
    change("UPDATE articles SET status = 'unpublished' WHERE id = $1", {moved});
    EXPECT_EQ(site_ranking(), (Headlines{"Shown story"}));
    EXPECT_EQ(section_ranking("news"), (Headlines{"Shown story"}));
    change("UPDATE articles SET status = 'published' WHERE id = $1", {moved});
    EXPECT_EQ(section_ranking("news"), both);
}

// An editor withdraws a story while the ranking that first names it is written. The ranking
// waits for the editor's write turn: on PostgreSQL it used to commit at once, its row carrying
// the listed time the withdrawal's trigger could not yet see, and the story stayed ranked.
TEST_P(MostReadTest, AStoryWithdrawnWhileTheRankingIsWrittenIsNotRanked) {
    if (!ready()) return;
    const auto shown = save("Shown story");
    const auto withdrawn = save("Story withdrawn meanwhile");
    read(shown, 2);
    flush();
    read(withdrawn, 5);
    auto editor = database->acquire();
    ASSERT_TRUE(editor->begin_write().ok());
    storage::ArticleStore stories(*editor);
    ASSERT_TRUE(stories.lock({withdrawn}).ok());
    ASSERT_TRUE(
        stories.set_status(withdrawn, domain::ArticleStatus::Unpublished, std::nullopt, now).ok());
    std::thread ranking([&] { flush(); });
    // Time for the ranking to reach its write (it waits there for the turn).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_TRUE(editor->commit().ok());
    ranking.join();
    EXPECT_EQ(site_ranking(), (Headlines{"Shown story"}));
    EXPECT_EQ(section_ranking("news"), (Headlines{"Shown story"}));
}

TEST_P(MostReadTest, AStoryGoneSinceItWasReadIsSkippedNotAFailure) {
    if (!ready()) return;
    const auto kept = save("Kept story");
    read(kept, 2);
    read(987654, 3);  // no such story (deleted since it was read)
    flush();
    EXPECT_EQ(site_ranking(), (Headlines{"Kept story"}));
    EXPECT_EQ(stored("SELECT SUM(reads) FROM article_reads"), 2);
}

TEST_P(MostReadTest, AFailedFlushKeepsTheReadsForTheNext) {
    if (!ready()) return;
    const auto story = save("Story read while the database fails");
    read(story, 4);
    change("ALTER TABLE article_reads RENAME TO article_reads_away");
    EXPECT_FALSE(reads.flush().ok());
    EXPECT_EQ(reads.pending(), 4);
    change("ALTER TABLE article_reads_away RENAME TO article_reads");
    EXPECT_EQ(stored("SELECT COUNT(*) FROM article_reads"), 0) << "nothing written";
    read(story, 1);
    flush();
    EXPECT_EQ(stored("SELECT SUM(reads) FROM article_reads"), 5);
    EXPECT_EQ(site_ranking(), (Headlines{"Story read while the database fails"}));
}

TEST_P(MostReadTest, ARankingThatFailsLeavesTheReadsAddedOnce) {
    if (!ready()) return;
    const auto story = save("Story ranked late");
    read(story, 4);
    change("ALTER TABLE most_read RENAME TO most_read_away");
    EXPECT_FALSE(reads.flush().ok());
    change("ALTER TABLE most_read_away RENAME TO most_read");
    // The reads were kept in their own transaction: not counted again by the next flush.
    EXPECT_EQ(reads.pending(), 0);
    EXPECT_EQ(stored("SELECT SUM(reads) FROM article_reads"), 4);
    EXPECT_TRUE(site_ranking().empty());
    flush();
    EXPECT_EQ(stored("SELECT SUM(reads) FROM article_reads"), 4);
    EXPECT_EQ(site_ranking(), (Headlines{"Story ranked late"}));
}

TEST_P(MostReadTest, AReaderReloadingAStoryCountsOnce) {
    if (!ready()) return;
    const auto story = save("Reloaded story");
    const auto other = save("Other story");
    EXPECT_TRUE(reads.count(story, "198.51.100.7"));
    for (int i = 0; i < 50; ++i) EXPECT_FALSE(reads.count(story, "198.51.100.7"));
    EXPECT_TRUE(reads.count(other, "198.51.100.7")) << "the same reader's other story counts";
    EXPECT_TRUE(reads.count(story, "198.51.100.8")) << "another reader counts";
    EXPECT_EQ(reads.pending(), 3);
    flush();
    EXPECT_EQ(site_ranking(), (Headlines{"Reloaded story", "Other story"}));
}

TEST_P(MostReadTest, ARankingNoNodeMadeForADayIsNoLongerShown) {
    if (!ready()) return;
    read(save("Story of the day"), 2);
    flush();
    ASSERT_EQ(site_ranking(), (Headlines{"Story of the day"}));
    // Every node stopped counting: nothing ranks again, and the ranking ages out.
    clock.set(now + 23 * hour);
    EXPECT_EQ(site_ranking(), (Headlines{"Story of the day"}));
    clock.set(now + 24 * hour);
    EXPECT_TRUE(site_ranking().empty());
    EXPECT_TRUE(section_ranking("news").empty());
}

TEST_P(MostReadTest, ThreadsCountWithoutLosingReads) {
    if (!ready()) return;
    const auto story = save("Read everywhere");
    std::vector<std::thread> threads;
    threads.reserve(8);
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1000; ++i)
                reads.count(story, std::to_string(t) + "." + std::to_string(i));
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(reads.pending(), 8000);
    flush();
    EXPECT_EQ(stored("SELECT reads FROM most_read WHERE section_id = 0"), 8000);
}

INSTANTIATE_TEST_SUITE_P(Backends, MostReadTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace
}  // namespace dateline::app
