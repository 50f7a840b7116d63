#include "http/connection_limits.hpp"

#include <gtest/gtest.h>

namespace dateline::http {

TEST(ConnectionCounts, EachAddressAndEachNetworkHasItsLimit) {
    ConnectionCounts counts(2, 3);
    const std::string net = "203.0.113.0/24";
    EXPECT_TRUE(counts.admit("203.0.113.9", net));
    EXPECT_TRUE(counts.admit("203.0.113.9", net));
    EXPECT_FALSE(counts.admit("203.0.113.9", net)) << "the address is full";
    EXPECT_TRUE(counts.admit("203.0.113.10", net));
    EXPECT_FALSE(counts.admit("203.0.113.11", net)) << "the network is full";
    EXPECT_TRUE(counts.admit("198.51.100.7", "198.51.100.0/24")) << "another network";
    counts.release("203.0.113.9", net);
    EXPECT_TRUE(counts.admit("203.0.113.11", net)) << "a closed connection makes room";
}

TEST(ConnectionCounts, NoMoreConnectionsThanDescriptors) {
    EXPECT_EQ(connections_that_fit(10), 10);
    EXPECT_LT(connections_that_fit(2'000'000'000), 2'000'000'000);
}

}  // namespace dateline::http
