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
