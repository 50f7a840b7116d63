#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("مرحبا بالعالم"));
    EXPECT_TRUE(is_valid_utf8("emoji \xF0\x9F\x93\xB0"));
}

TEST(Utf8, RejectsMalformedSequences) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(count_code_points("abc"), 3u);
    EXPECT_EQ(count_code_points("سلام"), 4u);
    EXPECT_EQ(count_code_points("\xF0\x9F\x93\xB0"), 1u);
}

}  // namespace dateline

namespace dateline {

TEST(Utf8, DisplayableTextKeepsWhatCanBeShown) {
    EXPECT_EQ(to_displayable_utf8("Salam, سلام\nline\ttab"), "Salam, سلام\nline\ttab");
    EXPECT_EQ(to_displayable_utf8("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
    EXPECT_EQ(to_displayable_utf8(std::string("nul \0 bell \x07", 12)),
              "nul \xEF\xBF\xBD bell \xEF\xBF\xBD");
    EXPECT_EQ(to_displayable_utf8("cut \xD8"), "cut \xEF\xBF\xBD");  // a truncated sequence
    EXPECT_TRUE(is_valid_utf8(to_displayable_utf8("\xC0\xAF overlong \xED\xA0\x80")));
}

}  // namespace dateline
