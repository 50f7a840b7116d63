// The editors' order of a home page, on both backends: the chosen stories lead in their order,
// the newest fill the rest, each story shows once, and what readers cannot see is skipped or
// refused.
#include "app/front_page_service.hpp"

#include <gtest/gtest.h>

#include "../support_network.hpp"
#include "app/article_service.hpp"
#include "app/reader_service.hpp"
#include "app/user_service.hpp"
#include "domain/slug.hpp"
#include "storage/audit_store.hpp"

namespace dateline::app {
namespace {

constexpr UnixTime hour = 3600;
using Headlines = std::vector<std::string>;

class FrontPageTest : public testing_support::StoryServicesTest {
  protected:
    void SetUp() override {
        domain::SiteSpec sister;  // where a story may be moved
        sister.site.slug = "sister";
        sister.site.name = "Sister";
        sister.site.language = "en";
        sister.site.time_zone = "UTC";
        sister.site.base_url = "http://sister.example/";
        spec.sites.push_back(std::move(sister));
        DefaultNetworkTest::SetUp();
        if (!ready()) return;
        // Twenty stories an hour apart, "Story 0" the newest.
        for (int i = 0; i < 20; ++i) save("Story " + std::to_string(i), i);
    }

    void save(const std::string& headline, UnixTime hours_ago,
              domain::ArticleStatus status = domain::ArticleStatus::Published) {
        domain::ArticleDraft d;
        d.headline = headline;
        d.body_html = "<p>Text.</p>";
        d.section_slug = "news";
        d.status = status;
        d.first_published_at = now - hours_ago * hour;
        auto saved = articles.save(first_site(), d);
        ASSERT_TRUE(saved.ok()) << saved.error().message;
    }

    const domain::Site& site() {
        if (!directory) directory = *reader.directory();
        return *directory->site_by_slug(first_site());
    }

    Status choose(const Headlines& headlines) {
        std::vector<std::string> slugs;
        for (const auto& h : headlines) slugs.push_back(domain::slugify(h));
        return front.set_top_stories(site(), slugs, domain::Actor::system("test"));
    }

    // What a reader sees: the top stories, then the latest list.
    std::pair<Headlines, Headlines> home() {
        auto page = reader.front_page(*reader.directory(), site());
        EXPECT_TRUE(page.ok());
        std::pair<Headlines, Headlines> out;
        if (!page.ok()) return out;
        for (const auto& a : page->top) out.first.push_back(a->headline);
        for (const auto& a : page->latest) out.second.push_back(a->headline);
        return out;
    }

    FrontPageService front{*database, clock};
    std::optional<NetworkDirectory> directory;
};

TEST_P(FrontPageTest, WithoutAChoiceTheNewestLead) {
    if (!ready()) return;
    const auto [top, latest] = home();
    EXPECT_EQ(top, (Headlines{"Story 0", "Story 1", "Story 2", "Story 3", "Story 4"}));
    EXPECT_EQ(latest.size(), std::size_t(ReaderService::latest_count));
    EXPECT_EQ(latest.front(), "Story 5");
}

TEST_P(FrontPageTest, TheChosenLeadInTheirOrderAndTheNewestFillTheRest) {
    if (!ready()) return;
    ASSERT_TRUE(choose({"Story 9", "Story 3"}).ok());
    const auto [top, latest] = home();
    EXPECT_EQ(top, (Headlines{"Story 9", "Story 3", "Story 0", "Story 1", "Story 2"}));
    // Each story once: the latest list goes on after the top, without the chosen ones.
    EXPECT_EQ(latest, (Headlines{"Story 4", "Story 5", "Story 6", "Story 7", "Story 8", "Story 10",
                                 "Story 11", "Story 12"}));
    auto listed = front.top_stories(site());
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->front().headline, "Story 9");
}

TEST_P(FrontPageTest, ReorderingAndClearing) {
    if (!ready()) return;
    ASSERT_TRUE(choose({"Story 9", "Story 3", "Story 7"}).ok());
    ASSERT_TRUE(choose({"Story 7", "Story 9"}).ok());  // moved, and one left out
    EXPECT_EQ(home().first, (Headlines{"Story 7", "Story 9", "Story 0", "Story 1", "Story 2"}));
    ASSERT_TRUE(choose({}).ok());
    EXPECT_EQ(home().first, (Headlines{"Story 0", "Story 1", "Story 2", "Story 3", "Story 4"}));
}

TEST_P(FrontPageTest, AStoryReadersCannotSeeYetIsSkippedUntilItsTime) {
    if (!ready()) return;
    save("Scheduled story", -2, domain::ArticleStatus::Scheduled);  // two hours ahead
    ASSERT_TRUE(choose({"Scheduled story", "Story 5"}).ok());
    EXPECT_EQ(home().first, (Headlines{"Story 5", "Story 0", "Story 1", "Story 2", "Story 3"}));
    clock.set(now + 3 * hour);
    EXPECT_EQ(home().first.front(), "Scheduled story");
}

// Which chosen stories show follows each story's state at once (migration 0034 keeps it on the
// choice's row), whoever changed it and however.
TEST_P(FrontPageTest, AChosenStoryWithdrawnOrPutOffLeavesTheTopAtOnceAndComesBack) {
    if (!ready()) return;
    ASSERT_TRUE(choose({"Story 9", "Story 3"}).ok());
    const auto change = [&](const std::string& sql, const db::Params& params) {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute(sql, params).ok()) << sql;
    };
    const Headlines chosen_lead{"Story 9", "Story 3", "Story 0", "Story 1", "Story 2"};
    const Headlines without_it{"Story 3", "Story 0", "Story 1", "Story 2", "Story 4"};
    ASSERT_EQ(home().first, chosen_lead);
    change("UPDATE articles SET status = 'unpublished' WHERE slug = $1", {std::string("story-9")});
    EXPECT_EQ(home().first, without_it);
    change("UPDATE articles SET status = 'published' WHERE slug = $1", {std::string("story-9")});
    EXPECT_EQ(home().first, chosen_lead);
    change("UPDATE articles SET status = 'scheduled', first_published_at = $1 WHERE slug = $2",
           {now + 2 * hour, std::string("story-9")});
    EXPECT_EQ(home().first, without_it);
    clock.set(now + 3 * hour);
    EXPECT_EQ(home().first, chosen_lead);
    // Moved to another site: no longer this front page's, until it comes back.
    change("UPDATE articles SET site_id = (SELECT MAX(id) FROM sites) WHERE slug = $1",
           {std::string("story-9")});
    EXPECT_EQ(home().first, without_it);
    change("UPDATE articles SET site_id = $1 WHERE slug = $2", {site().id, std::string("story-9")});
    EXPECT_EQ(home().first, chosen_lead);
}

TEST_P(FrontPageTest, RefusesWhatCannotLeadAndChangesNothing) {
    if (!ready()) return;
    save("Draft story", 0, domain::ArticleStatus::Draft);
    ASSERT_TRUE(choose({"Story 4"}).ok());
    for (const Headlines& wrong :
         {Headlines{"Story 1", "Draft story"}, Headlines{"Story 1", "No such story"},
          Headlines{"Story 1", "Story 1"},
          Headlines{"Story 1", "Story 2", "Story 3", "Story 5", "Story 6", "Story 7"}}) {
        const auto refused = choose(wrong);
        ASSERT_FALSE(refused.ok()) << wrong.back();
        EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
        EXPECT_EQ(refused.error().field, "stories");
        EXPECT_EQ(home().first.front(), "Story 4") << "unchanged after " << wrong.back();
    }
}

TEST_P(FrontPageTest, EachChangeIsRecordedOnce) {
    if (!ready()) return;
    ASSERT_TRUE(choose({"Story 2", "Story 8"}).ok());
    ASSERT_TRUE(choose({"Story 2", "Story 8"}).ok());  // the same order: nothing to record
    auto lease = database->acquire();
    auto entries = storage::AuditStore(*lease).list({});
    ASSERT_TRUE(entries.ok());
    int recorded = 0;
    for (const auto& e : *entries) {
        if (e.action != domain::AuditAction::SiteTopStories) continue;
        ++recorded;
        EXPECT_EQ(e.detail, "Story 2, Story 8");
    }
    EXPECT_EQ(recorded, 1);
}

// The breaking-news banner: up for its hours, for a story readers can see, on one site; down when
// taken down, when its time is up, or when its story is withdrawn.
TEST_P(FrontPageTest, BreakingNewsBanner) {
    if (!ready()) return;
    auto added = UserService(*database, clock)
                     .add({"desk@news.example", "Desk", domain::Role::Editor, {first_site()}},
                          "a long enough passphrase");
    ASSERT_TRUE(added.ok()) << added.error().message;
    const domain::User editor = *added;
    EXPECT_FALSE(reader.banner(site()));
    const auto put = front.set_breaking(editor, site(), domain::slugify("Story 3"),
                                        "  Floods close the coast road  ", 2);
    ASSERT_TRUE(put.ok()) << put.error().message << " " << put.error().cause;
    reader.forget_banners();
    auto banner = reader.banner(site());
    ASSERT_TRUE(banner);
    EXPECT_EQ(banner->text, "Floods close the coast road");
    EXPECT_EQ(banner->path, "/news/story-3");
    // An empty line: the story's headline.
    ASSERT_TRUE(front.set_breaking(editor, site(), domain::slugify("Story 4"), "", 1).ok());
    reader.forget_banners();
    EXPECT_EQ(reader.banner(site())->text, "Story 4");
    // Refused, and the banner kept.
    save("Draft story", 0, domain::ArticleStatus::Draft);
    for (const auto& [slug, text, hours, field] :
         {std::tuple{std::string("draft-story"), std::string(), 2, "story"},
          std::tuple{std::string("no-such-story"), std::string(), 2, "story"},
          std::tuple{domain::slugify("Story 4"), std::string(141, 'x'), 2, "text"},
          std::tuple{domain::slugify("Story 4"), std::string(), 0, "hours"},
          std::tuple{domain::slugify("Story 4"), std::string(), 49, "hours"}}) {
        const auto refused = front.set_breaking(editor, site(), slug, text, hours);
        ASSERT_FALSE(refused.ok()) << slug;
        EXPECT_EQ(refused.error().field, field) << slug;
    }
    domain::User author = editor;
    author.role = domain::Role::Author;
    EXPECT_EQ(front.set_breaking(author, site(), "story-1", "", 2).error().code,
              ErrorCode::Forbidden);
    EXPECT_EQ(front.clear_breaking(author, site()).error().code, ErrorCode::Forbidden);
    reader.forget_banners();
    EXPECT_EQ(reader.banner(site())->text, "Story 4");
    // Its time up: gone (the same read, judged again at each page).
    clock.set(now + 3600);
    EXPECT_FALSE(reader.banner(site()));
    EXPECT_FALSE(front.breaking(site()).value());
    clock.set(now);
    // Its story withdrawn: gone with it.
    {
        auto lease = database->acquire();
        ASSERT_TRUE(lease->execute("UPDATE articles SET status = 'unpublished' WHERE slug = $1",
                                   {std::string("story-4")}));
    }
    reader.forget_banners();
    EXPECT_FALSE(reader.banner(site()));
    // Taken down.
    ASSERT_TRUE(front.set_breaking(editor, site(), "story-5", "", 2).ok());
    ASSERT_TRUE(front.clear_breaking(editor, site()).ok());
    reader.forget_banners();
    EXPECT_FALSE(reader.banner(site()));
    ASSERT_TRUE(front.clear_breaking(editor, site()).ok()) << "nothing to take down is no error";
}

INSTANTIATE_TEST_SUITE_P(Backends, FrontPageTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace
}  // namespace dateline::app
