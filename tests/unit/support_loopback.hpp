#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

/// Sends all of `text` on `fd`, as a client sends its request.
inline void send_all(int fd, std::string_view text) {
    EXPECT_EQ(::send(fd, text.data(), text.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(text.size()));
}

/// One HTTP/1.1 response read from `fd`: its head (without the blank line that ends it) and, by
/// its Content-Length, its body. Not `whole` when the connection ended, or the socket's patience
/// ran out, first.
struct HttpAnswer {
    std::string head;
    std::string body;
    bool whole = false;
};

inline HttpAnswer read_response(int fd) {
    std::string received;
    char chunk[4096];
    for (;;) {
        if (const auto end = received.find("\r\n\r\n"); end != std::string::npos) {
            const auto field = received.find("Content-Length: ");
            if (field != std::string::npos && field < end) {
                const auto length = std::stoul(received.substr(field + 16));
                if (received.size() >= end + 4 + length)
                    return {received.substr(0, end), received.substr(end + 4, length), true};
            }
        }
        const auto n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return {received, "", false};
        received.append(chunk, static_cast<std::size_t>(n));
    }
}

/// What a server sent on `fd` until it closed the connection (or reset it, as a server cutting
/// a reader off may), and how long after `since` it did; no time when the socket's patience ran
/// out first.
struct Ending {
    std::string received;
    std::optional<std::chrono::steady_clock::duration> after;
};

inline Ending read_until_closed(
    int fd, std::chrono::steady_clock::time_point since = std::chrono::steady_clock::now()) {
    Ending ending;
    char chunk[65536];
    for (;;) {
        const auto n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            ending.received.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        if (n == 0 || errno == ECONNRESET) ending.after = std::chrono::steady_clock::now() - since;
        return ending;
    }
}

}  // namespace dateline::testing_support
