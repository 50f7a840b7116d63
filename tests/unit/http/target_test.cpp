#include <gtest/gtest.h>

#include <cstdio>

#include "http/message.hpp"

namespace dateline::http {

TEST(Target, SplitsAndDecodes) {
    const auto t = parse_target("/ar/culture/%D9%85%D8%B9%D8%B1%D8%B6?page=2&x=a%20b");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->segments, (std::vector<std::string>{"ar", "culture", "معرض"}));
    EXPECT_FALSE(t->trailing_slash);
    EXPECT_EQ(t->param("page"), "2");
    EXPECT_EQ(t->param("x"), "a b");
}

TEST(Target, RootAndTrailingSlash) {
    auto t = parse_target("/");
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->segments.empty());
    EXPECT_TRUE(t->trailing_slash);
    t = parse_target("/en/");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->segments, std::vector<std::string>{"en"});
    EXPECT_TRUE(t->trailing_slash);
}

TEST(Target, AbsoluteFormKeepsPathAndQuery) {
    const auto t = parse_target("http://localhost:8080/en/business/?page=2");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->segments, (std::vector<std::string>{"en", "business"}));
    EXPECT_EQ(t->param("page"), "2");
    const auto root = parse_target("HTTP://example.com");
    ASSERT_TRUE(root);
    EXPECT_TRUE(root->segments.empty());
    EXPECT_FALSE(parse_target("http://example.com/../x"));
}

// Plain paths are split without Boost.URL. The same path with its first letter escaped takes the
// full parse: both must give the same answer, including the refusals.
TEST(Target, PlainPathsAnswerAsTheFullParse) {
    std::string deep;
    for (int i = 0; i < 33; ++i) deep += "/s";
    for (const std::string& plain : std::vector<std::string>{
             "/en", "/en/", "/en/world/older/12/", "/a.b/c~d/e-f_g", "/en/./x", "/en/../x",
             "/en//x", "/en/x//", "/en/...", "/en/.x/", "/x", deep, deep.substr(2)}) {
        std::string escaped = plain;
        const auto letter = escaped.find_first_of("enasx");
        char code[4];
        std::snprintf(code, sizeof code, "%%%02X", static_cast<unsigned char>(escaped[letter]));
        escaped.replace(letter, 1, code);
        const auto fast = parse_target(plain);
        const auto full = parse_target(escaped);
        ASSERT_EQ(fast.has_value(), full.has_value()) << plain << " against " << escaped;
        if (!fast) continue;
        EXPECT_EQ(fast->segments, full->segments) << plain;
        EXPECT_EQ(fast->trailing_slash, full->trailing_slash) << plain;
        EXPECT_TRUE(fast->query.empty());
    }
}

// A connection reads each request's target into the one its previous request had: what is left
// of a longer path, a query or a trailing slash must not show in the next.
TEST(Target, ATargetReadIntoAnEarlierOneIsAsIfReadAnew) {
    const std::vector<std::string> targets = {"/en/world/older/12/",
                                              "/en/",
                                              "/ar/culture/%D9%85?page=2",
                                              "/en/search?q=a&q=b",
                                              "/x",
                                              "/",
                                              "/en/world/a-long-story-name-beyond-small-strings"};
    for (const auto& earlier : targets) {
        for (const auto& next : targets) {
            Target reused;
            ASSERT_TRUE(parse_target(earlier, reused)) << earlier;
            ASSERT_TRUE(parse_target(next, reused)) << next;
            const auto anew = parse_target(next);
            ASSERT_TRUE(anew);
            EXPECT_EQ(reused.segments, anew->segments) << earlier << " then " << next;
            EXPECT_EQ(reused.trailing_slash, anew->trailing_slash) << earlier << " then " << next;
            EXPECT_EQ(reused.query, anew->query) << earlier << " then " << next;
        }
    }
}

class HostileTarget : public testing::TestWithParam<const char*> {};

TEST_P(HostileTarget, IsRefused) {
    EXPECT_FALSE(parse_target(GetParam())) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Targets, HostileTarget,
                         testing::Values("/../etc/passwd", "/en/%2e%2e/x", "/en/./x", "/en/%2E",
                                         "/a%2fb", "/a%5cb", "/a\\b", "//x", "/a//b", "/%00",
                                         "/%ff", "/%C0%AF", "/a?x=%00", "*", "ftp://x/", "relative",
                                         ""));

}  // namespace dateline::http
