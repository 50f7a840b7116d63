#include "core/ip_address.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(IpAddress, OneSpellingPerAddress) {
    EXPECT_EQ(canonical_ip("203.0.113.9"), "203.0.113.9");
    EXPECT_EQ(canonical_ip("::ffff:203.0.113.9"), "203.0.113.9");
    EXPECT_EQ(canonical_ip("2001:DB8:0:0:0:0:0:1"), "2001:db8::1");
    for (const char* v4 : {"0.0.0.0", "255.255.255.255", "10.200.3.45", "192.0.2.100"})
        EXPECT_EQ(canonical_ip(v4), v4);
    EXPECT_EQ(canonical_ip("::ffff:0.0.0.1"), "0.0.0.1");
    for (const char* bad :
         {"", "203.0.113", "203.0.113.9:80", "[::1]", "news.example", "1.2.3.4/24", " 203.0.113.9"})
        EXPECT_FALSE(canonical_ip(bad)) << bad;
}

TEST(IpAddress, RecognisedAsCanonicalIpRecognises) {
    for (const char* text : {"203.0.113.9", "::ffff:203.0.113.9", "2001:DB8::1", "::1", "",
                             "203.0.113", "203.0.113.9:80", "[::1]", "news.example", "localhost"})
        EXPECT_EQ(is_ip_address(text), canonical_ip(text).has_value()) << text;
}

TEST(IpAddress, AnonymisedForLogs) {
    EXPECT_EQ(anonymised_ip("203.0.113.9"), "203.0.113.0");
    EXPECT_EQ(anonymised_ip("127.0.0.1"), "127.0.0.0");
    EXPECT_EQ(anonymised_ip("2001:db8:1:2:3:4:5:6"), "2001:db8:1::");
    EXPECT_EQ(anonymised_ip("::1"), "::");
    EXPECT_EQ(anonymised_ip("not an address"), "not an address");
}

TEST(IpAddress, NetworksForLimits) {
    EXPECT_EQ(ip_network("203.0.113.9"), "203.0.113.0/24");
    EXPECT_EQ(ip_network("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
    EXPECT_EQ(ip_network("not an address"), "not an address");
}

}  // namespace dateline
