#include "cache/page_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace dateline::cache {

namespace {
std::shared_ptr<const CachedPage> page(std::string body) {
    auto p = std::make_shared<CachedPage>();
    p->etag = etag_for(body);
    auto plain = std::make_shared<KeptBody>();
    plain->heap = std::move(body);
    p->bodies[0] = std::move(plain);
    return p;
}

// What a page of `body` bytes kept under a key of `key` bytes with `tags` tags costs the budget.
std::size_t cost(std::size_t body, std::size_t key, std::size_t tags = 0) {
    return PageCache::page_overhead + tags * PageCache::tag_overhead + key + etag_for("").size() +
           body;
}
}  // namespace

TEST(PageCache, KeepsAndReturnsPages) {
    PageCache cache(1024 * 1024, std::chrono::seconds(30));
    EXPECT_FALSE(cache.get("a").page);
    cache.put("a", page("<p>A</p>"), cache.generation());
    const auto hit = cache.get("a");
    ASSERT_TRUE(hit.page);
    EXPECT_TRUE(hit.fresh);
    EXPECT_EQ(hit.page->bytes(Body::Plain), "<p>A</p>");
}

TEST(PageCache, DropsOnlyThePagesTaggedWithWhatChanged) {
    PageCache cache(1024 * 1024, std::chrono::seconds(30));
    cache.put("1 /en/", page("home"), cache.generation(), {"site:1"});
    cache.put("1 /en/world/story", page("story"), cache.generation(), {"site:1", "article:7"});
    cache.put("1 /en/world/other", page("other"), cache.generation(), {"site:1", "article:8"});
    cache.put("2 /ar/", page("ar home"), cache.generation(), {"site:2"});
    const auto during = cache.generation();
    cache.drop_tagged("article:7");  // a comment under story 7 was approved
    EXPECT_FALSE(cache.get("1 /en/world/story").page);
    EXPECT_TRUE(cache.get("1 /en/world/other").page);
    EXPECT_TRUE(cache.get("1 /en/").page);
    // A page rendered while the change landed is not kept.
    cache.put("1 /en/world/story", page("stale story"), during, {"site:1", "article:7"});
    EXPECT_FALSE(cache.get("1 /en/world/story").page);
    cache.drop_tagged("site:1");  // a story of site 1 changed
    EXPECT_FALSE(cache.get("1 /en/").page);
    EXPECT_FALSE(cache.get("1 /en/world/other").page);
    EXPECT_TRUE(cache.get("2 /ar/").page);
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_EQ(cache.bytes(), cost(7, std::string("2 /ar/").size(), 1));
    const auto stats = cache.statistics();
    EXPECT_EQ(stats.pages, 1u);
    EXPECT_EQ(stats.bytes, cache.bytes());
    EXPECT_EQ(stats.dropped, 3u) << "the story, then the home page and the other story";
    EXPECT_EQ(stats.evicted, 0u);
}

TEST(PageCache, ClearDropsEverythingAndRefusesPagesRenderedBefore) {
    PageCache cache(1024 * 1024, std::chrono::seconds(30));
    const auto before = cache.generation();
    cache.put("a", page("old"), before);
    cache.clear();
    EXPECT_FALSE(cache.get("a").page);
    cache.put("b", page("rendered before the change"), before);
    EXPECT_FALSE(cache.get("b").page);
    cache.put("b", page("rendered after"), cache.generation());
    EXPECT_TRUE(cache.get("b").page);
}

TEST(PageCache, StaysWithinItsBytesOldestFirst) {
    const std::size_t budget = cost(100, 2) * 5 / 2;  // two pages and a half
    PageCache cache(budget, std::chrono::seconds(30));
    for (const char* key : {"k1", "k2", "k3"}) cache.put(key, page(std::string(100, 'x')), 0);
    EXPECT_LE(cache.bytes(), budget);
    EXPECT_EQ(cache.bytes(), 2 * cost(100, 2)) << "what a page holds beside its bytes counts";
    EXPECT_FALSE(cache.get("k1").page);
    EXPECT_TRUE(cache.get("k3").page);
    EXPECT_EQ(cache.statistics().evicted, 1u);
    EXPECT_EQ(cache.statistics().dropped, 0u) << "eviction is not invalidation";
    cache.put("huge", page(std::string(budget, 'y')), 0);
    EXPECT_FALSE(cache.get("huge").page);
}

TEST(PageCache, AReadPageOutlivesOnesNobodyRead) {
    PageCache cache(cost(100, 6) * 5 / 2, std::chrono::seconds(30));
    cache.put("read", page(std::string(100, 'x')), 0);
    cache.put("unread", page(std::string(100, 'x')), 0);
    EXPECT_TRUE(cache.get("read").page);  // a reader comes back for it
    cache.put("new", page(std::string(100, 'x')), 0);
    EXPECT_TRUE(cache.get("read").page);
    EXPECT_FALSE(cache.get("unread").page);
    EXPECT_TRUE(cache.get("new").page);
}

TEST(PageCache, ADroppedPageLeavesNoTagBehindAndReplacingKeepsOneCopy) {
    PageCache cache(1024 * 1024, std::chrono::seconds(30));
    cache.put("1 /en/", page("home v1"), cache.generation(), {"home:1", "story:7", "story:7"});
    cache.put("1 /en/", page("home v2"), cache.generation(), {"home:1", "story:8"});
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_EQ(cache.get("1 /en/").page->bytes(Body::Plain), "home v2");
    cache.drop_tagged("story:7");  // no longer on the page
    EXPECT_TRUE(cache.get("1 /en/").page);
    cache.drop_tagged(std::vector<std::string>{"story:9", "story:8"});
    EXPECT_FALSE(cache.get("1 /en/").page);
    EXPECT_EQ(cache.bytes(), 0u);
}

TEST(PageCache, AVersionWithACodingMoreTakesThePagesPlaceAndCountsItsBytes) {
    // Room for both pages and a few bytes more.
    const std::size_t budget = cost(300, 1, 1) + cost(300, 1) + 100;
    PageCache cache(budget, std::chrono::seconds(30));
    const auto v1 = page(std::string(300, 'x'));
    cache.put("a", v1, cache.generation(), {"story:7"});
    cache.put("b", page(std::string(300, 'y')), cache.generation());
    const auto before = cache.bytes();
    auto gzip = std::make_shared<KeptBody>();
    gzip->heap = std::string(40, 'z');
    const auto v2 = v1->with(Body::Gzip, gzip);
    EXPECT_FALSE(v1->body(Body::Gzip)) << "the version kept is not changed under its readers";
    EXPECT_EQ(v2->body(Body::Plain), v1->body(Body::Plain)) << "the plain body is shared";
    ASSERT_TRUE(cache.replace("a", v1, v2));
    EXPECT_EQ(cache.get("a").page, v2);
    EXPECT_EQ(cache.bytes(), before + 40);
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_FALSE(cache.replace("a", v1, v1->with(Body::Brotli, gzip)))
        << "a version of a page no longer kept does not come back";
    EXPECT_EQ(cache.get("a").page, v2);

    // The page keeps its tags, and is the most recently used: the budget lets "b" go first.
    auto brotli = std::make_shared<KeptBody>();
    brotli->heap = std::string(350, 'w');
    ASSERT_TRUE(cache.replace("a", v2, v2->with(Body::Brotli, brotli)));
    EXPECT_FALSE(cache.get("b").page);
    EXPECT_EQ(cache.statistics().evicted, 1u);
    EXPECT_LE(cache.bytes(), budget);
    cache.drop_tagged("story:7");
    EXPECT_FALSE(cache.get("a").page);
    EXPECT_EQ(cache.bytes(), 0u);
    EXPECT_FALSE(cache.replace("a", v2, v2->with(Body::Brotli, brotli)))
        << "a dropped page is not kept again";
    EXPECT_EQ(cache.size(), 0u);
}

TEST(PageCache, AVersionLargerThanTheBudgetIsNotKept) {
    const std::size_t budget = 2 * cost(300, 1) + 10;
    PageCache cache(budget, std::chrono::seconds(30));
    const auto small = page(std::string(300, 'x'));
    cache.put("a", small, cache.generation());
    cache.put("b", page(std::string(300, 'y')), cache.generation());
    auto huge = std::make_shared<KeptBody>();
    huge->heap = std::string(budget, 'z');
    EXPECT_TRUE(cache.replace("a", small, small->with(Body::Brotli, huge)));
    EXPECT_FALSE(cache.get("a").page) << "let go, as a page that size is never kept";
    EXPECT_TRUE(cache.get("b").page) << "and nothing else for it";
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_LE(cache.bytes(), budget);
}

// A body kept as it was rendered may hold more room than bytes: the budget counts the room.
TEST(PageCache, ABodyCountsTheMemoryItHolds) {
    PageCache cache(1024 * 1024, std::chrono::seconds(30));
    auto roomy = std::make_shared<KeptBody>();
    roomy->heap.reserve(1000);
    roomy->heap.assign(100, 'x');
    auto p = std::make_shared<CachedPage>();
    p->etag = etag_for(roomy->heap);
    p->bodies[0] = std::move(roomy);
    cache.put("a", p, cache.generation());
    EXPECT_GE(cache.bytes(), cost(1000, 1));
}

TEST(PageCache, PagesGoStaleButStayAvailable) {
    PageCache cache(1024, std::chrono::seconds(0));
    cache.put("a", page("x"), 0);
    const auto found = cache.get("a");
    ASSERT_TRUE(found.page);
    EXPECT_FALSE(found.fresh);
}

TEST(PageCache, EtagsFollowTheBody) {
    EXPECT_EQ(etag_for("same"), etag_for("same"));
    EXPECT_NE(etag_for("one"), etag_for("two"));
    EXPECT_EQ(etag_for("x").front(), '"');
}

}  // namespace dateline::cache
