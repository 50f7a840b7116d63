// Every query a reader page (and the newsroom's lists) makes is answered from an index: no full
// scan of a growing table, and no sort of more rows than the page shows. Each query is recorded as
// the stores send it, then explained by the database itself (SQLite's EXPLAIN QUERY PLAN;
// PostgreSQL's EXPLAIN with sequential scans and sorts priced out, so that a plan still showing one
// has no index to use).
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <iostream>
#include <regex>
#include <set>

#include "../support_database.hpp"
#include "../support_fixed_clock.hpp"
#include "app/article_service.hpp"
#include "app/network_setup.hpp"
#include "provision/network_file.hpp"
#include "search/analyzer.hpp"
#include "storage/article_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/comment_store.hpp"
#include "storage/front_page_store.hpp"
#include "storage/readership_store.hpp"
#include "storage/revision_store.hpp"
#include "storage/search_store.hpp"
#include "storage/site_store.hpp"

namespace dateline::storage {

using testing_support::FixedClock;
using testing_support::TestDatabase;

namespace {

constexpr UnixTime now = 1'795'000'000;

// Forwards to a real connection and remembers every query.
class RecordingConnection final : public db::Connection {
  public:
    explicit RecordingConnection(db::Connection& real) : real_(real) {}
    Result<db::Rows> query(std::string_view sql, const db::Params& params) override {
        seen.push_back({std::string(sql), params});
        return real_.query(sql, params);
    }
    Result<std::int64_t> execute(std::string_view sql, const db::Params& params) override {
        return real_.execute(sql, params);
    }
    Status execute_script(std::string_view sql) override { return real_.execute_script(sql); }
    Status begin_write() override { return real_.begin_write(); }
    Status begin_read() override { return real_.begin_read(); }
    Status commit() override { return real_.commit(); }
    Status rollback() override { return real_.rollback(); }
    Status set_relaxed_commits(bool relaxed) override { return real_.set_relaxed_commits(relaxed); }
    Status reset_id_sequence(std::string_view table) override {
        return real_.reset_id_sequence(table);
    }
    std::string_view backend() const override { return real_.backend(); }

    std::vector<std::pair<std::string, db::Params>> seen;

  private:
    db::Connection& real_;
};

// A parameter as a literal of EXECUTE's argument list (test values: numbers and plain text).
std::string literal(const db::Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (std::holds_alternative<std::nullptr_t>(v)) return "NULL";
    std::string quoted = "'";
    for (const char ch : std::get<std::string>(v)) quoted += ch == '\'' ? "''" : std::string(1, ch);
    return quoted + "'";
}

// The plan's lines, as the backend words them. On PostgreSQL, the generic plan the server runs
// (the connections force generic plans; see db/postgres_database.cpp): the statement prepared
// under a name of its own and explained as executed.
std::vector<std::string> plan_of(db::Connection& c, const std::string& sql,
                                 const db::Params& params, bool analysed = false) {
    std::vector<std::string> lines;
    const bool sqlite = c.backend() == "sqlite";
    Result<db::Rows> rows = Error::internal("not explained");
    if (sqlite) {
        rows = c.query("EXPLAIN QUERY PLAN " + sql, params);
    } else {
        EXPECT_TRUE(c.execute_script("PREPARE plan_probe AS " + sql));
        std::string arguments;
        for (const auto& p : params) arguments += (arguments.empty() ? "" : ", ") + literal(p);
        rows = c.query(std::string(analysed ? "EXPLAIN (ANALYZE, COSTS OFF)" : "EXPLAIN") +
                       " EXECUTE plan_probe" +
                       (arguments.empty() ? std::string() : "(" + arguments + ")"));
        EXPECT_TRUE(c.execute_script("DEALLOCATE plan_probe"));
    }
    EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().cause) << "\n" << sql;
    if (!rows) return lines;
    for (const auto& r : *rows) lines.push_back(r.text(sqlite ? 3 : 0));
    return lines;
}

// Tables that grow with the archive and its readers (tags and bylines too: a newsroom's tags
// are a long tail).
const std::regex growing_table_scan{
    R"(^SCAN (a|t|x|aa|at|au|c|articles|article_tags|article_authors|comments|tags|authors)\b|Seq Scan on (articles|article_tags|article_authors|comments|tags|authors)\b)"};
// A sort of the rows before the LIMIT picks a few: the index did not give the order.
const std::regex sort_before_limit{R"(USE TEMP B-TREE FOR ORDER BY|(^|\s|>)Sort\b)"};

}  // namespace

class QueryPlanTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        domain::NetworkSpec spec = provision::default_network_spec("http://news.example");
        ASSERT_TRUE(app::create_network(*database, spec).ok());
        app::ArticleService service(*database, media, clock);
        for (int i = 0; i < 30; ++i) {
            domain::ArticleDraft d;
            d.headline = "Story " + std::to_string(i);
            d.body_html = "<p>Body</p>";
            d.section_slug = "news";
            d.tag_names = {"Ports", i % 2 ? "Trade" : "Weather"};
            d.author_names = {"Desk"};
            d.status = domain::ArticleStatus::Published;
            d.first_published_at = now - 3600 * i;
            ASSERT_TRUE(service.save("news", d).ok());
        }
    }

    // A query's plan, one line each; on PostgreSQL with full scans and sorts made the last
    // resort (in a transaction of its own), so that a plan still showing one has no index to use.
    // `analysed`: run as well, so that each step says whether it ran (PostgreSQL).
    std::vector<std::string> explained(db::Connection& real, const std::string& sql,
                                       const db::Params& params, bool analysed = false) {
        const bool postgres = real.backend() == "postgres";
        if (postgres) {
            EXPECT_TRUE(real.begin_write());
            EXPECT_TRUE(real.execute("SET LOCAL enable_seqscan = off"));
            EXPECT_TRUE(real.execute("SET LOCAL enable_sort = off"));
            EXPECT_TRUE(real.execute("SET LOCAL plan_cache_mode = force_generic_plan"));
        }
        auto plan = plan_of(real, sql, params, analysed);
        if (postgres) {
            EXPECT_TRUE(real.rollback());
        }
        return plan;
    }

    // Explains each recorded query; fails naming the query and its plan.
    void expect_index_backed(RecordingConnection& recorded, db::Connection& real) {
        ASSERT_FALSE(recorded.seen.empty());
        for (const auto& [sql, params] : recorded.seen) {
            const auto plan = explained(real, sql, params);
            std::string text;
            for (const auto& line : plan) text += "  " + line + "\n";
            for (const auto& line : plan) {
                EXPECT_FALSE(std::regex_search(line, growing_table_scan)) << "a full scan in\n"
                                                                          << sql << "\n"
                                                                          << text;
                if (sql.find(" LIMIT ") != std::string::npos) {
                    EXPECT_FALSE(std::regex_search(line, sort_before_limit))
                        << "a sort before the limit in\n"
                        << sql << "\n"
                        << text;
                }
            }
            if (std::getenv("SHOW_PLANS")) std::cerr << sql << "\n" << text;
        }
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    media::ImageLibrary images{database.dir() / "media"};
    app::MediaService media{*database, images, clock};
};

TEST_P(QueryPlanTest, ReaderPagesUseIndexesOnly) {
    app::ArticleService service(*database, media, clock);
    for (int i = 0; i < 12; ++i) {
        domain::ArticleDraft d;
        d.headline = "Wire story " + std::to_string(i);
        d.body_html = "<p>Body</p>";
        d.status = domain::ArticleStatus::Published;
        d.first_published_at = now - 100 * 3600 - 3600 * i;  // older than the news window
        ASSERT_TRUE(service.save("news", d).ok());
    }
    auto lease = database->acquire();
    RecordingConnection recorded(*lease);
    SiteStore sites(recorded);
    ArticleStore articles(recorded);
    CommentStore comments(recorded);

    auto site_list = sites.sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    const domain::Id site = site_list->front().id;
    auto sections = sites.sections(site);
    ASSERT_TRUE(sections.ok() && !sections->empty());
    const domain::Id section = sections->front().id;
    auto tag = sites.tag_by_slug(site, "ports");
    ASSERT_TRUE(tag.ok() && tag->has_value());
    auto author = sites.author_by_slug(site, "desk");
    ASSERT_TRUE(author.ok() && author->has_value());

    // Home, section, tag, author and sectionless listings, first and deep pages both ways.
    for (const ArticleFilter& filter :
         {ArticleFilter{.site_id = site}, ArticleFilter{.site_id = site, .section_id = section},
          ArticleFilter{.site_id = site, .tag_id = (*tag)->id},
          ArticleFilter{.site_id = site, .author_id = (*author)->id},
          ArticleFilter{.site_id = site, .sectionless = true}}) {
        auto first = articles.list_visible(filter, now, 21);
        ASSERT_TRUE(first.ok());
        ASSERT_GT(first->size(), 10u);
        const auto middle = (*first)[10];
        auto position = articles.listed_position(site, middle.id);
        ASSERT_TRUE(position.ok() && position->has_value());
        using From = ListingPage::From;
        ASSERT_TRUE(articles.list_visible(filter, now, 21, {From::OlderThan, **position}).ok());
        ASSERT_TRUE(articles.list_visible(filter, now, 21, {From::NewerThan, **position}).ok());
        // What reader pages read since their cards are kept (app::StoryCards): the same stories,
        // in the same order, from the same walk.
        for (const ListingPage& page : {ListingPage{}, ListingPage{From::OlderThan, **position},
                                        ListingPage{From::NewerThan, **position}}) {
            auto cards = articles.list_visible(filter, now, 21, page);
            auto ids = articles.list_visible_ids(filter, now, 21, page);
            ASSERT_TRUE(cards.ok() && ids.ok());
            std::vector<domain::Id> card_ids;
            for (const auto& a : *cards) card_ids.push_back(a.id);
            EXPECT_EQ(*ids, card_ids);
        }
    }
    // An article page: the story, related news, its comments.
    auto story = articles.visible_by_slug(site, "story-3", now);
    ASSERT_TRUE(story.ok() && story->has_value());
    // A story kept in memory is checked against its row by key on each page.
    auto current = articles.unchanged(**story, now);
    ASSERT_TRUE(current.ok() && *current);
    auto related = articles.related_ids(**story, now, 6);
    ASSERT_TRUE(related.ok());
    EXPECT_FALSE(related->empty());
    // The cards not kept in memory (app::StoryCards), read by id.
    auto related_cards =
        articles.by_ids(*related, ArticleStore::Columns::Card, ArticleStore::Details::Bare);
    ASSERT_TRUE(related_cards.ok());
    EXPECT_EQ(related_cards->size(), related->size());
    // The home page's chosen stories, those readers may see.
    ASSERT_TRUE(FrontPageStore(*lease).set_top_stories(site, {}, *related).ok());
    auto chosen = FrontPageStore(recorded).visible_top_stories(site, now);
    ASSERT_TRUE(chosen.ok());
    EXPECT_EQ(*chosen, *related);
    ASSERT_TRUE(comments.approved_for((*story)->id, 50, 0).ok());
    ASSERT_TRUE(comments.approved_count((*story)->id).ok());
    // The site's and the section's most read (app::MostRead), each ranking by its key.
    {
        ReadershipStore ranking(*lease);
        ASSERT_TRUE(ranking.add_reads(now / 3600, {{(*story)->id, 3}}).ok());
        auto ranked = ranking.rank(now / 3600 - 23, 5);
        ASSERT_TRUE(ranked.ok());
        ASSERT_TRUE(ranking.set_rankings(now / 3600, *ranked).ok());
    }
    ReadershipStore readership(recorded);
    auto most_read = readership.most_read(site, 0, now, now / 3600 - 23, 5);
    ASSERT_TRUE(most_read.ok());
    EXPECT_EQ(most_read->size(), 1u);
    ASSERT_TRUE(readership.most_read(site, section, now, now / 3600 - 23, 5).ok());
    // Its corrections and its translations on sister sites.
    auto linked = **story;
    ASSERT_TRUE(articles.attach_notes(linked).ok());
    linked.translation_group = linked.id;
    ASSERT_TRUE(articles.translations(linked).ok());
    // The newsroom's list of a site: all of it, by state, by author, by words; a story's
    // revisions; the audit log, of every site and of one.
    NewsroomQuery list;
    list.site_ids = {site};
    ASSERT_TRUE(articles.list_for_newsroom(list).ok());
    list.status = domain::ArticleStatus::Review;
    ASSERT_TRUE(articles.list_for_newsroom(list).ok());
    list.status.reset();
    list.created_by = 1;
    ASSERT_TRUE(articles.list_for_newsroom(list).ok());
    list.created_by.reset();
    list.text = "harbour";
    ASSERT_TRUE(articles.list_for_newsroom(list).ok());
    list.text.clear();
    list.after = ChangePosition{now, 1000};  // a page further down
    ASSERT_TRUE(articles.list_for_newsroom(list).ok());
    list.status = domain::ArticleStatus::Published;
    ASSERT_TRUE(articles.list_for_newsroom(list).ok());
    list.status.reset();
    list.after.reset();
    ASSERT_TRUE(RevisionStore(recorded).list((*story)->id).ok());
    ASSERT_TRUE(AuditStore(recorded).list({}).ok());
    ASSERT_TRUE(AuditStore(recorded).list({site, 1000, 100}).ok());
    // The newsroom's moderation queue of one status, on one site and on all.
    ASSERT_TRUE(comments.list({domain::CommentStatus::Pending, {site}, "", 50}).ok());
    ASSERT_TRUE(comments.list({domain::CommentStatus::Pending, {}, "links", 50}).ok());
    // The tags and authors a static export walks, and the sitemap of listings.
    auto tags = sites.listed_tags(site, now);
    ASSERT_TRUE(tags.ok());
    EXPECT_FALSE(tags->empty());
    auto authors = sites.author_activity(site, now);
    ASSERT_TRUE(authors.ok());
    ASSERT_EQ(authors->size(), 1u);
    EXPECT_EQ(authors->front().latest, now) << "the author's newest story";
    ASSERT_TRUE(sites.tag_activity(site, now).ok());
    // A feed's whole stories, the news sitemap's last hours, and a sitemap's span of ids.
    using Details = ArticleStore::Details;
    ASSERT_TRUE(articles
                    .list_visible({.site_id = site, .section_id = section}, now, 20, {},
                                  Details::Attached, ArticleStore::Columns::Whole)
                    .ok());
    auto recent = articles.list_visible({.site_id = site, .published_since = now - 10 * 3600}, now,
                                        1000, {}, Details::Bare);
    ASSERT_TRUE(recent.ok());
    EXPECT_EQ(recent->size(), 11u) << "the stories of the last ten hours, the tenth included";
    ASSERT_TRUE(articles.visible_in_id_span(site, now, 0, 10'000).ok());

    expect_index_backed(recorded, *lease);
}

// A site's sitemaps list its stories by spans of ids: every visible story in exactly one span,
// and a span's last change is its latest story's.
TEST_P(QueryPlanTest, SitemapSpansHoldEveryVisibleStoryOnce) {
    auto lease = database->acquire();
    ArticleStore articles(*lease);
    auto site_list = SiteStore(*lease).sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    const domain::Id site = site_list->front().id;
    // Ten ids a span, so that the thirty stories fill several.
    auto spans = articles.visible_id_spans(site, now, 10);
    ASSERT_TRUE(spans.ok());
    ASSERT_GE(spans->size(), 3u);
    std::set<domain::Id> seen;
    for (const auto& span : *spans) {
        auto stories =
            articles.visible_in_id_span(site, now, span.number * 10, span.number * 10 + 10);
        ASSERT_TRUE(stories.ok());
        ASSERT_FALSE(stories->empty()) << "span " << span.number;
        UnixTime latest = 0;
        for (const auto& a : *stories) {
            EXPECT_EQ(a.id / 10, span.number);
            EXPECT_TRUE(seen.insert(a.id).second) << "story " << a.id << " in two spans";
            latest = std::max({latest, a.first_published_at, a.updated_at});
        }
        EXPECT_EQ(span.last_changed, latest);
    }
    EXPECT_EQ(seen.size(), 30u);
    // A story not yet published is in none.
    auto later = articles.visible_id_spans(site, now - 3600 * 29, 10);
    ASSERT_TRUE(later.ok());
    std::size_t early = 0;
    for (const auto& span : *later) {
        auto stories = articles.visible_in_id_span(site, now - 3600 * 29, span.number * 10,
                                                   span.number * 10 + 10);
        ASSERT_TRUE(stories.ok());
        early += stories->size();
    }
    EXPECT_EQ(early, 1u) << "only the story published 29 hours before now";

    // A span's sitemap walks the primary key's range, not the site's whole listing index (an
    // index search too, but one whose cost grows with the archive).
    RecordingConnection recorded(*lease);
    ASSERT_TRUE(ArticleStore(recorded).visible_in_id_span(site, now, 0, 10).ok());
    ASSERT_EQ(recorded.seen.size(), 1u);
    std::string plan;
    for (const auto& line : explained(*lease, recorded.seen[0].first, recorded.seen[0].second))
        plan += line + "\n";
    EXPECT_TRUE(plan.find("SEARCH a USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") !=
                    std::string::npos ||
                plan.find("using articles_pkey on articles a") != std::string::npos)
        << plan;
}

// A search reads the stories its terms' index entries name, then those stories by key. On
// SQLite each tier's index is read newest first and the read stops after the page (no sort:
// its cost follows the page, not how many stories match). On PostgreSQL the first statement
// finds where a window of the site's newest stories starts (here the site has fewer stories than
// the window would hold, so it has no start and every tier reads the whole site), and one index
// answers for the words, the site (and a window) at once.
TEST_P(QueryPlanTest, SearchWalksItsIndexAndTheStoriesItFinds) {
    auto lease = database->acquire();
    auto site_list = SiteStore(*lease).sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    RecordingConnection recorded(*lease);
    auto found = SearchStore(recorded).find(site_list->front().id, now,
                                            {{{"port"}, {"desk"}}, {{"weather"}}}, 20, 0);
    ASSERT_TRUE(found.ok()) << found.error().cause;
    EXPECT_EQ(found->size(), 15u) << "the stories tagged Trade, not Weather";
    ASSERT_FALSE(recorded.seen.empty());
    const bool sqlite = lease->backend() == "sqlite";
    // None of the stories holds both words in its headline: each tier is read in turn.
    EXPECT_EQ(recorded.seen.size(), 3u);
    // In the order read: the headline, the whole story (which says whether more is to be
    // found), the headline and summary.
    const std::array<std::string_view, 3> pg_tiers{"headline_terms", "terms", "lead_terms"};
    for (std::size_t i = 0; i < recorded.seen.size(); ++i) {
        const auto& [sql, params] = recorded.seen[i];
        std::string plan;
        for (const auto& line : explained(*lease, sql, params)) {
            plan += line + "\n";
            EXPECT_FALSE(std::regex_search(line, growing_table_scan)) << line;
        }
        if (!sqlite) {
            // The words, the site (and the window, had there been one) in one scan.
            EXPECT_NE(plan.find("Bitmap Index Scan on search_documents_tiers"), std::string::npos)
                << plan;
            EXPECT_NE(plan.find("Index Cond: ((" + std::string(pg_tiers[i]) +
                                " @@ $3) AND (site_id = $1))"),
                      std::string::npos)
                << plan;
            // Each match's story by key. The site's listing is read only for the first
            // window's start, before any match.
            EXPECT_NE(plan.find("articles_pkey"), std::string::npos) << plan;
            const auto listing = plan.find("articles_site_listed");
            if (listing != std::string::npos) {
                EXPECT_EQ(i, 0u) << plan;
                EXPECT_LT(listing, plan.find("CTE d")) << plan;
                EXPECT_EQ(plan.find("articles_site_listed", listing + 1), std::string::npos)
                    << plan;
                // The site's kept count says it lists fewer stories than the window would
                // hold: the walk for the window's start never runs.
                std::string run;
                for (const auto& line : explained(*lease, sql, params, true)) run += line + "\n";
                EXPECT_NE(run.find("Index Only Scan using articles_site_listed on articles a_2 "
                                   "(never executed)"),
                          std::string::npos)
                    << run;
            }
            continue;
        }
        EXPECT_EQ(plan.rfind("SCAN s VIRTUAL TABLE INDEX", 0), 0U) << "first\n" << plan;
        EXPECT_NE(plan.find("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos)
            << plan;
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << "no sort\n" << plan;
        EXPECT_EQ(plan.find("articles_site_listed"), std::string::npos) << plan;
    }
}

// A search that finds nothing stops at the whole story's tier, whose matches hold every tier's:
// two tiers read, not three.
TEST_P(QueryPlanTest, ASearchThatFindsNothingReadsTwoTiers) {
    auto lease = database->acquire();
    auto site_list = SiteStore(*lease).sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    // Ten stories asked for: the site (30 stories) is smaller than PostgreSQL's first window.
    // One: a window of 16, whose statement finds its start, and holding no match, answers from
    // every match of the site too. Two statements either way, on both backends.
    for (const int wanted : {10, 1}) {
        RecordingConnection recorded(*lease);
        auto found =
            SearchStore(recorded).find(site_list->front().id, now, {{{"zzyzx"}}, {}}, wanted, 0);
        ASSERT_TRUE(found.ok()) << found.error().cause;
        EXPECT_TRUE(found->empty());
        EXPECT_EQ(recorded.seen.size(), 2u) << wanted << " wanted";
    }
}

// On PostgreSQL a window of the site's newest stories is read in the same one scan of the index
// as the words and the site. The first statement finds the window's start in the site's listing;
// the next tiers are given it. One story asked for: a window of the 16 newest of the site's 30.
TEST_P(QueryPlanTest, ASearchsWindowIsReadInTheIndexScanOfItsWords) {
    auto lease = database->acquire();
    if (lease->backend() != "postgres") GTEST_SKIP() << "SQLite reads its index newest first";
    auto site_list = SiteStore(*lease).sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    RecordingConnection recorded(*lease);
    auto found = SearchStore(recorded).find(site_list->front().id, now, {{{"port"}}, {}}, 1, 0);
    ASSERT_TRUE(found.ok()) << found.error().cause;
    EXPECT_EQ(found->size(), 1u);
    ASSERT_FALSE(recorded.seen.empty());
    // The window: a bound of the index scan, not a filter of what it found.
    const std::regex windowed(
        R"(Index Cond: \(\(\w+ @@ \$3\) AND \(site_id = \$1\) AND \(search_key >= \$\d+\)\))");
    for (std::size_t i = 0; i < recorded.seen.size(); ++i) {
        const auto& [sql, params] = recorded.seen[i];
        std::string plan;
        for (const auto& line : explained(*lease, sql, params)) plan += line + "\n";
        EXPECT_TRUE(std::regex_search(plan, windowed)) << plan;
        // The start, walked down the site's listing from now, once.
        const auto start = plan.find("CTE s");
        EXPECT_EQ(start != std::string::npos, i == 0) << plan;
        if (start != std::string::npos) {
            EXPECT_NE(plan.find("Index Only Scan using articles_site_listed", start),
                      std::string::npos)
                << plan;
        }
    }
}

// A serving node asks at start-up whether the search index must catch up. The answer comes from
// indexes: no story's row is read (reading them all mapped the whole database file into the
// process), and the documents are counted and ranged in their index by analysis.
TEST_P(QueryPlanTest, TheCheckThatTheSearchIndexIsCurrentReadsNoStory) {
    auto lease = database->acquire();
    RecordingConnection recorded(*lease);
    auto stale = SearchStore(recorded).any_stale(search::analysis_version);
    ASSERT_TRUE(stale.ok()) << stale.error().cause;
    EXPECT_FALSE(*stale);
    ASSERT_EQ(recorded.seen.size(), 1u);
    const auto& [sql, params] = recorded.seen.front();
    std::string plan;
    for (const auto& line : explained(*lease, sql, params)) plan += line + "\n";
    if (lease->backend() == "sqlite") {
        EXPECT_NE(plan.find("SCAN articles USING COVERING INDEX"), std::string::npos) << plan;
        EXPECT_EQ(plan.find("SCAN articles\n"), std::string::npos) << plan;
        EXPECT_NE(plan.find("SCAN search_documents USING COVERING INDEX search_documents_analysis"),
                  std::string::npos)
            << plan;
        EXPECT_NE(plan.find("SEARCH search_documents USING COVERING INDEX "
                            "search_documents_analysis (analysis<?)"),
                  std::string::npos)
            << plan;
        EXPECT_NE(plan.find("SEARCH search_documents USING COVERING INDEX "
                            "search_documents_analysis (analysis>?)"),
                  std::string::npos)
            << plan;
    } else {
        // PostgreSQL's count visits the rows it counts (their visibility lives there), in the
        // database server's memory, not the node's; the ranges stay in the index.
        EXPECT_EQ(plan.find("Seq Scan"), std::string::npos) << plan;
        EXPECT_NE(plan.find("Index Only Scan using search_documents_analysis"), std::string::npos)
            << plan;
        EXPECT_NE(plan.find("Index Cond: (analysis < $1)"), std::string::npos) << plan;
        EXPECT_NE(plan.find("Index Cond: (analysis > $1)"), std::string::npos) << plan;
    }
}

// A story's related news: its list by key, each story by its primary key, never the site's
// listing (an index too, but one the size of the archive).
TEST_P(QueryPlanTest, RelatedNewsReadsTheStorysListFromOneIndex) {
    auto lease = database->acquire();
    auto site_list = SiteStore(*lease).sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    auto story = ArticleStore(*lease).visible_by_slug(site_list->front().id, "story-3", now);
    ASSERT_TRUE(story.ok() && story->has_value());
    RecordingConnection recorded(*lease);
    auto related = ArticleStore(recorded).related_ids(**story, now, 6);
    ASSERT_TRUE(related.ok());
    EXPECT_EQ(related->size(), 6u) << "the stories sharing its tags, closest in time first";
    std::string plan;
    for (const auto& line : explained(*lease, recorded.seen[0].first, recorded.seen[0].second))
        plan += line + "\n";
    EXPECT_TRUE(plan.find("related_stories_order") != std::string::npos) << plan;
    EXPECT_EQ(plan.find("articles"), std::string::npos)
        << "whether a related story is listed is on its list's row\n"
        << plan;
}

TEST_P(QueryPlanTest, ChosenAndMostReadStoriesAreReadWithoutLookingEachUp) {
    auto lease = database->acquire();
    auto site_list = SiteStore(*lease).sites();
    ASSERT_TRUE(site_list.ok() && !site_list->empty());
    const auto site = site_list->front().id;
    ArticleStore articles(*lease);
    std::vector<domain::Id> chosen;
    for (const auto* slug : {"story-3", "story-7"}) {
        auto id = articles.id_by_slug(site, slug);
        ASSERT_TRUE(id.ok() && id->has_value());
        chosen.push_back(**id);
    }
    ASSERT_TRUE(FrontPageStore(*lease).set_top_stories(site, {}, chosen).ok());
    ReadershipStore ranking(*lease);
    ASSERT_TRUE(ranking.add_reads(now / 3600, {{chosen[0], 2}, {chosen[1], 5}}).ok());
    auto ranked = ranking.rank(now / 3600 - 23, 5);
    ASSERT_TRUE(ranked.ok());
    ASSERT_TRUE(ranking.set_rankings(now / 3600, *ranked).ok());

    RecordingConnection recorded(*lease);
    auto top = FrontPageStore(recorded).visible_top_stories(site, now);
    ASSERT_TRUE(top.ok());
    EXPECT_EQ(*top, chosen);
    auto most_read = ReadershipStore(recorded).most_read(site, 0, now, now / 3600 - 23, 5);
    ASSERT_TRUE(most_read.ok());
    EXPECT_EQ(*most_read, (std::vector<domain::Id>{chosen[1], chosen[0]}));
    ASSERT_EQ(recorded.seen.size(), 2u);
    for (const auto& [sql, params] : recorded.seen) {
        std::string plan;
        for (const auto& line : explained(*lease, sql, params)) plan += line + "\n";
        EXPECT_EQ(plan.find("articles"), std::string::npos)
            << "whether a chosen or ranked story is listed is on its row\n"
            << sql << "\n"
            << plan;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, QueryPlanTest, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& b) { return std::string(b.param); });

}  // namespace dateline::storage
