// A reader has a time to send each request and a time to come back with the next; past it the
// server closes the connection (a slow head, a stalled body, an idle keep-alive connection hold
// nothing for ever). The time runs only while the server waits for the reader: a page that takes
// longer to make than the read time still reaches its reader.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "../support_loopback.hpp"
#include "../support_server.hpp"

namespace dateline::http {

namespace {

using namespace std::chrono_literals;

constexpr auto read_time = 1s;
constexpr auto idle_time = 2s;
constexpr auto slow_page = 2500ms;  // longer than the read time

// One I/O thread; "/slow" takes longer to answer than the read time, everything else answers at
// once.
ServerOptions timed_options() {
    ServerOptions options;
    options.threads = 1;
    options.worker_threads = 1;
    options.read_timeout = read_time;
    options.idle_timeout = idle_time;
    return options;
}

class TimedServer : public testing_support::RunningServer {
  public:
    TimedServer()
        : RunningServer(timed_options(), [](const Request& request) {
              if (request.raw_target == "/slow") std::this_thread::sleep_for(slow_page);
              return Response::text(200, "answered\n");
          }) {}
};

// A connection that gives up waiting after 10 s (a server that never closes fails the test).
int connect(std::uint16_t port) {
    return testing_support::connect_with_patience(port, 10);
}

using testing_support::Ending;
using testing_support::read_until_closed;
using testing_support::send_all;

// The connection was closed by the server after `least`, and not long after (the server checks
// its connections' times four times a second).
void expect_closed_after(const Ending& ending, std::chrono::milliseconds least) {
    ASSERT_TRUE(ending.after) << "the server still held the connection after 10 s";
    EXPECT_GE(*ending.after, least - 50ms);
    EXPECT_LT(*ending.after, least + 1500ms);
}

// What a reader sends before falling silent: nothing, half a head, a head and part of its body.
struct Silence {
    const char* name;
    const char* sent;
    friend std::ostream& operator<<(std::ostream& out, const Silence& s) { return out << s.name; }
};

class ServerTimeoutsReading : public testing::TestWithParam<Silence> {};

}  // namespace

TEST_P(ServerTimeoutsReading, AReaderWhoFallsSilentIsCutAfterTheReadTime) {
    TimedServer server;
    const int fd = connect(server.port());
    const auto started = std::chrono::steady_clock::now();
    if (*GetParam().sent) send_all(fd, GetParam().sent);
    const auto ending = read_until_closed(fd, started);
    ::close(fd);
    expect_closed_after(ending, read_time);
    EXPECT_EQ(ending.received, "") << "nothing is answered to part of a request";
}

INSTANTIATE_TEST_SUITE_P(Requests, ServerTimeoutsReading,
                         testing::Values(Silence{"Nothing", ""},
                                         Silence{"HalfAHead", "GET / HTTP/1.1\r\nHost: test\r\n"},
                                         Silence{"PartOfABody",
                                                 "POST /comments HTTP/1.1\r\nHost: test\r\n"
                                                 "Content-Length: 100\r\n\r\nname="}),
                         [](const testing::TestParamInfo<Silence>& silence) {
                             return std::string(silence.param.name);
                         });

TEST(ServerTimeouts, AnIdleKeptAliveConnectionIsClosedAfterTheIdleTime) {
    TimedServer server;
    const int fd = connect(server.port());
    send_all(fd, "GET / HTTP/1.1\r\nHost: test\r\n\r\n");
    const auto answer = testing_support::read_response(fd);
    const auto answered = std::chrono::steady_clock::now();
    ASSERT_TRUE(answer.whole) << answer.head;
    EXPECT_EQ(answer.head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.head;
    const auto ending = read_until_closed(fd, answered);
    ::close(fd);
    expect_closed_after(ending, idle_time);
}

TEST(ServerTimeouts, APageSlowerThanTheReadTimeStillReachesItsReader) {
    TimedServer server;
    const int fd = connect(server.port());
    send_all(fd, "GET /slow HTTP/1.1\r\nHost: test\r\n\r\n");
    const auto slow = testing_support::read_response(fd);
    EXPECT_EQ(slow.head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << slow.head;
    EXPECT_EQ(slow.body, "answered\n");
    // And the connection is kept for the next request, which is answered.
    send_all(fd, "GET / HTTP/1.1\r\nHost: test\r\n\r\n");
    const auto next = testing_support::read_response(fd);
    EXPECT_EQ(next.head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << next.head;
    EXPECT_EQ(next.body, "answered\n");
    ::close(fd);
}

}  // namespace dateline::http
