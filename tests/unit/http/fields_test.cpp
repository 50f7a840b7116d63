#include <gtest/gtest.h>

#include "http/message.hpp"

namespace dateline::http {

TEST(Fields, GoOnTheWireAsNameColonValueLines) {
    std::string out = "HTTP/1.1 200 OK\r\n";
    EXPECT_TRUE(append_fields(out, {{"Content-Type", "text/html"}, {"ETag", "\"ab\""}}));
    EXPECT_EQ(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: \"ab\"\r\n");
}

// A line break in a value (a Location built from a hostile path, say) would end the head early
// and let the rest be read as another response.
TEST(Fields, ALineBreakOrNulAnywhereRefusesThemAllAndWritesNothing) {
    for (const std::string& bad : {std::string("a\r\nSet-Cookie: x=1"), std::string("a\nb"),
                                   std::string("a\rb"), std::string("a\0b", 3)}) {
        std::string out = "kept";
        EXPECT_FALSE(append_fields(out, {{"Location", "/fine"}, {"Location", bad}}));
        EXPECT_FALSE(append_fields(out, {{bad, "value"}}));
        EXPECT_EQ(out, "kept");
    }
}

}  // namespace dateline::http
