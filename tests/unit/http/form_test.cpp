#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace dateline::http {

TEST(Form, DecodesAsBrowsersEncode) {
    const auto form = parse_form("name=Rana+Haddad&comment=Line%0D%0A2+%26+more&empty=&flag");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->find("name")->second, "Rana Haddad");
    EXPECT_EQ(form->find("comment")->second, "Line\r\n2 & more");
    EXPECT_EQ(form->find("empty")->second, "");
    EXPECT_EQ(form->count("flag"), 1u);
    const auto arabic = parse_form("name=%D8%B3%D9%84%D9%85%D9%89");
    EXPECT_EQ(arabic->find("name")->second, "سلمى");
    EXPECT_TRUE(parse_form("")->empty());
}

TEST(Form, MalformedOrHugeFormsAreRefused) {
    EXPECT_FALSE(parse_form("name=%ZZ"));
    EXPECT_FALSE(parse_form("name=raw space"));
    std::string many;
    for (int i = 0; i < 40; ++i) many += "f" + std::to_string(i) + "=x&";
    EXPECT_FALSE(parse_form(many, 32));
    EXPECT_TRUE(parse_form(many, 64));
}

TEST(Form, AViewIntoALargerBufferParsesOnlyItsOwnBytes) {
    // Boost.URL 1.81's parse_query measures its argument again with strlen, so a view into a
    // larger buffer used to be read on to the next NUL.
    const std::string text = "a=1&b=2&c=3";
    const auto form = parse_form(std::string_view(text).substr(0, 5));  // "a=1&b"
    ASSERT_TRUE(form);
    ASSERT_EQ(form->size(), 2u);
    EXPECT_EQ(form->find("a")->second, "1");
    EXPECT_EQ(form->find("b")->second, "");
    EXPECT_EQ(form->count("c"), 0u);
    // No NUL anywhere after the view: reading on would leave the buffer.
    const std::vector<char> unterminated = {'n', '=', 'x', '%', '4', '1', '+', 'y'};
    const auto short_form = parse_form(std::string_view(unterminated.data(), 3));  // "n=x"
    ASSERT_TRUE(short_form);
    ASSERT_EQ(short_form->size(), 1u);
    EXPECT_EQ(short_form->find("n")->second, "x");
    // The view ends inside an escape: malformed, whatever follows in the buffer.
    EXPECT_FALSE(parse_form(std::string_view(unterminated.data(), 5)));  // "n=x%4"
}

TEST(ClientAddress, OnlyTrustedProxiesAreBelieved) {
    Request r;
    r.remote_address = "10.0.0.2";
    r.headers = {{"x-forwarded-for", "198.51.100.1, 203.0.113.9"}};
    EXPECT_EQ(client_address(r, {}), "10.0.0.2");  // nobody trusted: the peer it is
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "203.0.113.9");
    // A chain of our own proxies is walked back to the first address that is not one of them.
    r.headers = {{"x-forwarded-for", "198.51.100.1, 203.0.113.9, 10.0.0.3"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2", "10.0.0.3"}), "203.0.113.9");
    r.headers = {{"x-forwarded-for", "<script>"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "10.0.0.2");
    r.headers = {};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "10.0.0.2");
}

TEST(ClientAddress, EveryForwardedLineCountsAndSpellingsAgree) {
    Request r;
    r.remote_address = "::ffff:10.0.0.2";  // a dual-stack socket's view of an IPv4 proxy
    // HAProxy adds a line of its own: the reader's address is on the last one, whatever the
    // first (the client's own) says.
    r.headers = {{"x-forwarded-for", "192.0.2.66"}, {"x-forwarded-for", "203.0.113.9"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "203.0.113.9");
    r.headers = {{"x-forwarded-for", "2001:DB8:0:0::7"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "2001:db8::7");
    // Some proxies add the port; a hop that is no address stops the walk.
    r.headers = {{"x-forwarded-for", "203.0.113.9:5555"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "203.0.113.9");
    r.headers = {{"x-forwarded-for", "[2001:db8::7]:443"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "2001:db8::7");
    r.headers = {{"x-forwarded-for", "198.51.100.1, unknown"}};
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "10.0.0.2");
    r.remote_address = "::ffff:198.51.100.4";  // an untrusted peer, given in its IPv4 form
    EXPECT_EQ(client_address(r, {"10.0.0.2"}), "198.51.100.4");
}

}  // namespace dateline::http
