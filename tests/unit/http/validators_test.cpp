#include "http/validators.hpp"

#include <gtest/gtest.h>

namespace dateline::http {

TEST(Validators, IfNoneMatchNamesOneOfItsTagsWeaklyOrAll) {
    EXPECT_TRUE(etag_matches(R"("abc")", R"("abc")"));
    EXPECT_TRUE(etag_matches(R"("x", "abc")", R"("abc")"));
    EXPECT_TRUE(etag_matches(R"(W/"abc")", R"("abc")")) << "weak comparison";
    EXPECT_TRUE(etag_matches("*", R"("abc")"));
    EXPECT_FALSE(etag_matches(R"("abcd")", R"("abc")"));
    EXPECT_FALSE(etag_matches("", R"("abc")"));
    EXPECT_FALSE(etag_matches(R"("abc-br")", R"("abc")")) << "another representation";
}

TEST(HttpDate, WritesTheImfFixdate) {
    EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
    EXPECT_EQ(format_http_date(1'795'000'000), "Wed, 18 Nov 2026 11:06:40 GMT");
}

TEST(HttpDate, ReadsTheThreeFormsRecipientsMustAccept) {
    // RFC 9110, 5.6.7: the same moment in each form.
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
    EXPECT_EQ(parse_http_date(format_http_date(1'795'000'000)), 1'795'000'000);
}

TEST(HttpDate, RefusesWhatIsNotADate) {
    for (const char* text :
         {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "1994-11-06T08:49:37Z",
          "Sun, 06 Nov 1994 08:49:37 GMT trailing", "Sun, 32 Nov 1994 08:49:37 GMT"})
        EXPECT_FALSE(parse_http_date(text)) << text;
}

}  // namespace dateline::http
