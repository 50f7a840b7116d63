// A large body, sent from the body file (sendfile) or from the response's own string: whole to a
// slow reader, while the page it came from is gone, no longer than the write time to a reader who
// stops reading, and never at the cost of another reader on the same I/O thread.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "../support_loopback.hpp"
#include "../support_server.hpp"
#include "cache/body_file.hpp"

namespace dateline::http {

namespace {

// Larger than any socket buffers between the two ends, so that the server must wait for the
// reader again and again.
constexpr std::size_t body_bytes = 24 * 1024 * 1024;

std::string pattern(std::size_t size) {
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
    return out;
}

// Where the body a response carries is held.
enum class HeldIn { BodyFile, OwnString };

std::string name_of(const testing::TestParamInfo<HeldIn>& info) {
    return info.param == HeldIn::BodyFile ? "FromTheBodyFile" : "FromItsOwnString";
}

ServerOptions sending_options(std::chrono::seconds write_time) {
    ServerOptions options;
    options.threads = 1;
    options.worker_threads = 1;
    options.read_timeout = write_time;
    return options;
}

// A server whose every answer is either a fresh stretch of the body file, owned by the response
// alone (as a page dropped from the cache while it is sent), or a string of its own.
class SendingServer {
  public:
    SendingServer(HeldIn held_in, std::chrono::seconds write_time)
        : file_(made_file()), server_(sending_options(write_time), [this, held_in](const Request&) {
              Response r;
              if (held_in == HeldIn::OwnString) {
                  r.body = body_;
                  return r;
              }
              auto kept = file_->keep({body_});
              r.shared_body = {kept, kept->bytes(0), kept->fd(), kept->offset(0)};
              // Another page kept while this one goes out must not show in it.
              (void)file_->keep({std::string(body_.size(), 'z')});
              return r;
          }) {}

    std::uint16_t port() const { return server_.port(); }
    const std::string& body() const { return body_; }

  private:
    static std::shared_ptr<cache::BodyFile> made_file() {
        std::string error;
        auto file = cache::BodyFile::create(error);
        EXPECT_TRUE(file) << error;
        return file;
    }

    std::string body_ = pattern(body_bytes);
    std::shared_ptr<cache::BodyFile> file_;
    testing_support::RunningServer server_;  // last: stopped before the body and file go
};

// A connected client with a small receive buffer, its request sent.
int ask(std::uint16_t port) {
    const int fd = testing_support::connect_to_loopback(port, [](int socket) {
        const int small = 16 * 1024;
        ::setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        const timeval patience{10, 0};  // a server that never ends the response fails the test
        ::setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    });
    testing_support::send_all(fd, "GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    return fd;
}

// Everything until the server ends the connection; false when it did not within the patience.
bool read_to_end(int fd, std::string& out) {
    auto ending = testing_support::read_until_closed(fd);
    out = std::move(ending.received);
    return ending.after.has_value();
}

class ServerSend : public testing::TestWithParam<HeldIn> {};

}  // namespace

TEST_P(ServerSend, ALargeBodyReachesASlowReaderWhole) {
    SendingServer server(GetParam(), std::chrono::seconds(15));
    const int fd = ask(server.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the buffers fill up
    std::string response;
    EXPECT_TRUE(read_to_end(fd, response));
    ::close(fd);
    const auto end_of_head = response.find("\r\n\r\n");
    ASSERT_NE(end_of_head, std::string::npos);
    const auto head = response.substr(0, end_of_head);
    EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head;
    EXPECT_NE(head.find("Content-Length: " + std::to_string(body_bytes)), std::string::npos);
    ASSERT_EQ(response.size() - end_of_head - 4, body_bytes);
    EXPECT_TRUE(response.compare(end_of_head + 4, body_bytes, server.body()) == 0)
        << "the body as it was kept, not another page's bytes";
}

TEST_P(ServerSend, AReaderWhoLeavesMidBodyEndsOnlyTheirConnection) {
    // sendfile(2) cannot be told not to raise SIGPIPE: unless the server ignores it (and every
    // write says MSG_NOSIGNAL), the next send to a reader gone ends the whole process (this
    // test's with it).
    SendingServer server(GetParam(), std::chrono::seconds(15));
    for (int reader = 0; reader < 3; ++reader) {
        const int fd = ask(server.port());
        char chunk[65536];
        ASSERT_GT(::recv(fd, chunk, sizeof chunk, 0), 0);
        const linger reset{1, 0};  // leave with a reset, as a closed tab's connection can
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        ::close(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const int fd = ask(server.port());
    std::string response;
    EXPECT_TRUE(read_to_end(fd, response));
    ::close(fd);
    EXPECT_NE(response.find("\r\n\r\n"), std::string::npos);
    EXPECT_GT(response.size(), body_bytes) << "the next reader gets the whole page";
}

TEST_P(ServerSend, AReaderWhoStopsReadingIsLetGoAfterTheWriteTime) {
    SendingServer server(GetParam(), std::chrono::seconds(1));
    const int fd = ask(server.port());
    const auto started = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    std::string response;
    EXPECT_TRUE(read_to_end(fd, response)) << "the server still held the connection";
    ::close(fd);
    EXPECT_LT(response.size(), body_bytes) << "cut short";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8));
}

TEST_P(ServerSend, AReaderWhoStopsReadingHoldsUpNoOtherReader) {
    // One I/O thread: a write that blocked on the first reader's full buffer would stall it.
    SendingServer server(GetParam(), std::chrono::seconds(15));
    const int stalled = ask(server.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // its buffers fill up
    const int fd = ask(server.port());
    std::string response;
    EXPECT_TRUE(read_to_end(fd, response)) << "the second reader waited for the first";
    ::close(fd);
    ::close(stalled);
    EXPECT_GT(response.size(), body_bytes) << "the second reader gets the whole page";
}

INSTANTIATE_TEST_SUITE_P(Bodies, ServerSend, testing::Values(HeldIn::BodyFile, HeldIn::OwnString),
                         name_of);

}  // namespace dateline::http
