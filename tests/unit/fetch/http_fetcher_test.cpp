#include "fetch/http_fetcher.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "../support_loopback.hpp"

namespace dateline::fetch {

namespace {

bool public_address(const std::string& text) {
    sockaddr_storage storage{};
    if (text.find(':') == std::string::npos) {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
        v4->sin_family = AF_INET;
        EXPECT_EQ(inet_pton(AF_INET, text.c_str(), &v4->sin_addr), 1) << text;
    } else {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
        v6->sin6_family = AF_INET6;
        EXPECT_EQ(inet_pton(AF_INET6, text.c_str(), &v6->sin6_addr), 1) << text;
    }
    return is_public_address(reinterpret_cast<const sockaddr*>(&storage));
}

// A TCP socket listening on loopback that nobody answers: whether a client reached it shows in
// whether a connection waits to be accepted.
class Listener {
  public:
    Listener() {
        std::uint16_t port = 0;
        fd_ = testing_support::listen_on_loopback(port);
        port_ = port;
        ::fcntl(fd_, F_SETFL, O_NONBLOCK);
    }
    ~Listener() { ::close(fd_); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    int port() const { return port_; }
    bool reached() const {
        const int client = ::accept(fd_, nullptr, nullptr);
        if (client < 0) return false;
        ::close(client);
        return true;
    }

  private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace

TEST(HttpFetcher, OnlyAddressesThePublicInternetRoutesToArePublic) {
    for (const char* address : {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111",
                                "::ffff:93.184.216.34", "64:ff9b::808:808"})
        EXPECT_TRUE(public_address(address)) << address;
    for (const char* address : {"127.0.0.1",
                                "127.8.9.10",
                                "10.1.2.3",
                                "172.16.0.1",
                                "172.31.255.255",
                                "192.168.1.1",
                                "169.254.169.254",
                                "100.64.0.1",
                                "0.0.0.0",
                                "224.0.0.1",
                                "255.255.255.255",
                                "192.0.2.1",
                                "198.18.0.1",
                                "::1",
                                "::",
                                "fd00::1",
                                "fe80::1",
                                "ff02::1",
                                "::ffff:127.0.0.1",
                                "::ffff:10.0.0.1",
                                "64:ff9b::a00:1",
                                "2001:db8::1"})
        EXPECT_FALSE(public_address(address)) << address;
    EXPECT_TRUE(public_address("172.32.0.1")) << "just past 172.16/12";
    EXPECT_TRUE(public_address("100.128.0.1")) << "just past 100.64/10";
}

TEST(HttpFetcher, ALoopbackAddressIsRefusedBeforeAnyConnection) {
    const Listener server;
    const HttpFetcher fetcher(false);
    FetchRequest request;
    request.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/feed.xml";
    const auto got = fetcher.get(request);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::Forbidden);
    EXPECT_EQ(got.error().message,
              "its address 127.0.0.1 is a private, loopback or reserved one, which Dateline does "
              "not fetch from (wire_allow_private_addresses allows it)");
    EXPECT_FALSE(server.reached());
}

TEST(HttpFetcher, OtherSchemesAndUnreachableServersAreRefusedWithTheReason) {
    const HttpFetcher fetcher(true);
    FetchRequest request;
    request.url = "file:///etc/passwd";
    auto got = fetcher.get(request);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::Unavailable);
    EXPECT_NE(got.error().message.find("could not be fetched"), std::string::npos);

    int port = 0;
    {
        const Listener closed;  // a port nobody listens on once this is gone
        port = closed.port();
    }
    request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
    got = fetcher.get(request);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::Unavailable);
}

}  // namespace dateline::fetch
