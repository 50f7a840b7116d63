// Requests that change something (POST and the rest) run on threads of their own: while they
// are all held up, by a flood or by a write waiting for the database, a page (GET, HEAD) is still
// answered, and their queue filling up turns away only their own kind.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <initializer_list>
#include <mutex>
#include <string>
#include <thread>

#include "../support_loopback.hpp"
#include "../support_server.hpp"

namespace dateline::http {

namespace {

// One I/O thread, one thread for pages and one for changes.
ServerOptions held_options(int max_queued) {
    ServerOptions options;
    options.threads = 1;
    options.worker_threads = 1;
    options.change_threads = 1;
    options.max_queued_requests = max_queued;
    return options;
}

// Every POST waits until the test lets them all go; every GET answers at once.
class HeldServer {
  public:
    explicit HeldServer(int max_queued)
        : server_(held_options(max_queued), [this](const Request& request) {
              if (request.method == Method::Post) {
                  std::unique_lock lock(mutex_);
                  ++held_;
                  changed_.notify_all();
                  changed_.wait(lock, [this] { return released_; });
              }
              return Response::text(200, "answered\n");
          }) {}
    ~HeldServer() { release(); }  // before the server stops: it waits for the held requests
    HeldServer(const HeldServer&) = delete;
    HeldServer& operator=(const HeldServer&) = delete;

    std::uint16_t port() const { return server_.port(); }

    // True once `count` POSTs are inside the handler, waiting.
    bool holding(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(5), [&] { return held_ >= count; });
    }

    void release() {
        const std::lock_guard lock(mutex_);
        released_ = true;
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int held_ = 0;
    bool released_ = false;
    testing_support::RunningServer server_;  // last: stopped before the members it reads go
};

// A connection with `method /` sent on it, which gives up reading after two seconds.
int send_request(std::uint16_t port, std::string_view method) {
    const int fd = testing_support::connect_with_patience(port, 2);
    testing_support::send_all(fd, std::string(method) +
                                      " / HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n"
                                      "Connection: close\r\n\r\n");
    return fd;
}

// The status line of the answer on `fd`, or "" when none came whole within its patience.
std::string status_line(int fd) {
    const auto answer = testing_support::read_response(fd);
    return answer.whole ? answer.head.substr(0, answer.head.find("\r\n")) : "";
}

// Once let go, the held changes are answered: held up, never dropped.
void expect_answered(std::initializer_list<int> held) {
    for (const int fd : held) {
        EXPECT_EQ(status_line(fd), "HTTP/1.1 200 OK");
        ::close(fd);
    }
}

}  // namespace

TEST(ServerLanes, APageIsAnsweredWhileEveryChangeIsHeldUp) {
    HeldServer server(16);
    const int first = send_request(server.port(), "POST");
    ASSERT_TRUE(server.holding(1));
    const int second = send_request(server.port(), "POST");  // waits behind the first
    std::this_thread::sleep_for(std::chrono::milliseconds(100));

    const int page = send_request(server.port(), "GET");
    EXPECT_EQ(status_line(page), "HTTP/1.1 200 OK") << "the page waited for the changes";
    ::close(page);

    server.release();
    expect_answered({first, second});
}

TEST(ServerLanes, AFullQueueOfChangesTurnsAwayChangesOnly) {
    HeldServer server(2);
    const int first = send_request(server.port(), "POST");
    ASSERT_TRUE(server.holding(1));
    const int second = send_request(server.port(), "POST");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));

    const int third = send_request(server.port(), "POST");
    EXPECT_EQ(status_line(third), "HTTP/1.1 503 Service Unavailable");
    ::close(third);
    const int page = send_request(server.port(), "GET");
    EXPECT_EQ(status_line(page), "HTTP/1.1 200 OK") << "the changes' queue turned a page away";
    ::close(page);

    server.release();
    expect_answered({first, second});
}

}  // namespace dateline::http
