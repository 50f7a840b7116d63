#include "cache/page_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace dateline::cache {

namespace {
std::shared_ptr<const CachedPage> page(std::string body) {
    auto p = std::make_shared<CachedPage>();
    p->body = std::move(body);
    p->etag = etag_for(p->body);
    return p;
}
}  // namespace

TEST(PageCache, KeepsAndReturnsPages) {
    PageCache cache(1024 * 1024, std::chrono::seconds(30));
    EXPECT_FALSE(cache.get("a").page);
    cache.put("a", page("<p>A</p>"), cache.generation());
    const auto hit = cache.get("a");
    ASSERT_TRUE(hit.page);
    EXPECT_TRUE(hit.fresh);
    EXPECT_EQ(hit.page->body, "<p>A</p>");
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
    PageCache cache(250, std::chrono::seconds(30));
    for (const char* key : {"k1", "k2", "k3"}) cache.put(key, page(std::string(100, 'x')), 0);
    EXPECT_LE(cache.bytes(), 250u);
    EXPECT_FALSE(cache.get("k1").page);
    EXPECT_TRUE(cache.get("k3").page);
    cache.put("huge", page(std::string(1000, 'y')), 0);
    EXPECT_FALSE(cache.get("huge").page);
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
