#include "domain/paths.hpp"

#include <gtest/gtest.h>

namespace dateline::domain {
namespace {

TEST(Paths, AnUnreservedSlugIsWrittenAsItIs) {
    EXPECT_EQ(encode_path_segment("flood-warning_2026.v2~final"), "flood-warning_2026.v2~final");
    EXPECT_EQ(encode_path_segment(""), "");
}

TEST(Paths, EveryOtherByteIsPercentEncodedInCapitals) {
    // "سوق" (market) in UTF-8, between ASCII runs: each byte of it, and nothing around it.
    EXPECT_EQ(encode_path_segment("a-\xD8\xB3\xD9\x88\xD9\x82-b"), "a-%D8%B3%D9%88%D9%82-b");
    EXPECT_EQ(encode_path_segment("a b/c?d%e#f&g"), "a%20b%2Fc%3Fd%25e%23f%26g");
    // A Latin-1 letter is a byte above 0x7F, encoded whatever the locale calls it.
    EXPECT_EQ(encode_path_segment("caf\xE9"), "caf%E9");
    EXPECT_EQ(encode_path_segment(std::string_view("\0\x7F", 2)), "%00%7F");
}

TEST(Paths, StoryAndListingPathsEncodeTheirSlugs) {
    EXPECT_EQ(article_path("/en/", "world", "rain-returns"), "/en/world/rain-returns");
    EXPECT_EQ(article_path("/ar/", "", "\xD9\x85\xD8\xB7\xD8\xB1"), "/ar/news/%D9%85%D8%B7%D8%B1");
    EXPECT_EQ(section_path("/", "local news"), "/local%20news/");
    EXPECT_EQ(tag_path("/en/", "elections"), "/en/tags/elections/");
    EXPECT_EQ(author_path("/en/", "m.haddad"), "/en/authors/m.haddad/");
    EXPECT_EQ(search_path("/en/", "rain & wind", 2), "/en/search?q=rain%20%26%20wind&page=2");
}

}  // namespace
}  // namespace dateline::domain
