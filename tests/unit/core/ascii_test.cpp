#include "core/ascii.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(Ascii, OnlyLettersAToZChangeCase) {
    EXPECT_EQ(ascii_lowercase("Content-Type: TEXT/Html"), "content-type: text/html");
    // UTF-8 bytes (here an Arabic word and a capital with an accent) stay as they are, whatever
    // the locale would make of a single byte.
    EXPECT_EQ(ascii_lowercase("\xd8\xa7\xd9\x84QUDS \xc3\x89T\xc3\x89"),
              "\xd8\xa7\xd9\x84quds \xc3\x89t\xc3\x89");
    EXPECT_EQ(ascii_lower('@'), '@');
    EXPECT_EQ(ascii_lower('['), '[');
    EXPECT_EQ(ascii_lower('Z'), 'z');
}

TEST(Ascii, ComparesButForCase) {
    EXPECT_TRUE(equals_ignoring_ascii_case("Gzip", "gZIP"));
    EXPECT_FALSE(equals_ignoring_ascii_case("gzip", "gzip2"));
    EXPECT_FALSE(equals_ignoring_ascii_case("@", "`")) << "one apart, as A and a are";
    EXPECT_TRUE(starts_with_ignoring_ascii_case("Bearer abc", "bearer "));
    EXPECT_FALSE(starts_with_ignoring_ascii_case("Bear", "bearer "));
    EXPECT_TRUE(starts_with_ignoring_ascii_case("anything", ""));
    EXPECT_TRUE(contains_ignoring_ascii_case("CREATE TABLE x; DROP Table y", "drop table"));
    EXPECT_FALSE(contains_ignoring_ascii_case("dropped tables", "drop table"));
    EXPECT_TRUE(contains_ignoring_ascii_case("Mozilla/5.0 (compatible; Googlebot/2.1)", "bot"));
}

}  // namespace dateline
