#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>

namespace dateline::testing_support {

/// A TCP socket listening on an ephemeral port of 127.0.0.1, and that port.
inline int listen_on_loopback(std::uint16_t& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::listen(fd, 4), 0);
    socklen_t length = sizeof address;
    EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    port = ntohs(address.sin_port);
    return fd;
}

/// A TCP socket connected to `port` of 127.0.0.1, after `before_connect` had it (options that
/// only count when set before, such as the receive buffer's size).
template <typename BeforeConnect>
int connect_to_loopback(std::uint16_t port, BeforeConnect before_connect) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    before_connect(fd);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    return fd;
}

inline int connect_to_loopback(std::uint16_t port) {
    return connect_to_loopback(port, [](int) {});
}

/// A TCP socket connected to `port` of 127.0.0.1 whose reads give up after `seconds` (a server
/// that never answers, or never closes, fails the test instead of hanging it).
inline int connect_with_patience(std::uint16_t port, int seconds) {
    return connect_to_loopback(port, [seconds](int socket) {
        const timeval patience{seconds, 0};
        ::setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    });
}

}  // namespace dateline::testing_support
