#include "http/access_log.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <string>

namespace dateline::http {
namespace {

// A pipe the log writes into and the test reads back without waiting.
struct Pipe {
    Pipe() { EXPECT_EQ(::pipe2(fds, O_NONBLOCK), 0); }
    ~Pipe() {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    std::string written() const {
        std::string out;
        char buf[4096];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
            out.append(buf, static_cast<std::size_t>(n));
        return out;
    }
    int fds[2] = {-1, -1};
};

AccessRecord request(const std::string& id) {
    return {.request_id = id,
            .address = "203.0.113.9",
            .method = "GET",
            .target = "/en/world/",
            .status = 200,
            .body_bytes = 18036,
            .micros = 14};
}

TEST(AccessLog, KeepsLinesUntilFlushed) {
    Pipe pipe;
    AccessLog log(pipe.fds[1]);
    log.record(request("r1"));
    EXPECT_EQ(pipe.written(), "");
    log.flush();
    const auto out = pipe.written();
    const std::string line = R"(r1 203.0.113.9 "GET /en/world/" 200 18036 14us)"
                             "\n";  // after the time and level, as the default pattern writes them
    ASSERT_GT(out.size(), line.size());
    EXPECT_EQ(out.substr(out.size() - line.size()), line) << out;
}

TEST(AccessLog, WritesFullBatchesInWholeLinesAndTheRestWhenDestroyed) {
    Pipe pipe;
    std::string written;
    {
        AccessLog log(pipe.fds[1]);
        for (int i = 0; i < 200; ++i) log.record(request("r" + std::to_string(i)));
        written = pipe.written();
        ASSERT_FALSE(written.empty()) << "a full batch goes out without a flush";
        EXPECT_EQ(written.back(), '\n');
        EXPECT_EQ(written.find(" r199 "), std::string::npos) << "the last lines are still kept";
    }
    written += pipe.written();
    for (const char* id : {" r0 ", " r100 ", " r199 "})
        EXPECT_NE(written.find(id), std::string::npos) << id;
}

}  // namespace
}  // namespace dateline::http
