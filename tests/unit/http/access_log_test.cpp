#include "http/access_log.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

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
            .address = "203.0.113.0",
            .method = "GET",
            .target = "/en/world/",
            .status = 200,
            .body_bytes = 18036,
            .micros = 14};
}

TEST(AccessLog, KeepsLinesUntilFlushed) {
    Pipe pipe;
    AccessLog log({}, pipe.fds[1]);
    log.record(request("r1"));
    EXPECT_EQ(pipe.written(), "");
    log.flush();
    const auto out = pipe.written();
    const std::string line = R"(r1 203.0.113.0 "GET /en/world/" 200 18036 14us -)"
                             "\n";  // after the time and level, as the default pattern writes them
    ASSERT_GT(out.size(), line.size());
    EXPECT_EQ(out.substr(out.size() - line.size()), line) << out;
}

TEST(AccessLog, WritesFullBatchesInWholeLinesAndTheRestWhenDestroyed) {
    Pipe pipe;
    std::string written;
    {
        AccessLog log({}, pipe.fds[1]);
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

// For log shippers: one JSON object a line, the client's target escaped, the page cache's answer.
TEST(AccessLog, WritesJsonLines) {
    Pipe pipe;
    {
        AccessLog log({.format = AccessLogFormat::Json}, pipe.fds[1]);
        const std::string id = "r7";  // the record holds views, as the server's do
        auto r = request(id);
        r.target = "/en/search?q=\"quoted\"\\";
        r.cache = "hit";
        log.record(r);
    }
    const auto out = pipe.written();
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.back(), '\n');
    EXPECT_EQ(out.find('\n'), out.size() - 1) << "one line";
    boost::system::error_code ec;
    const auto line = boost::json::parse(out, ec);
    ASSERT_FALSE(ec) << out;
    const auto& o = line.as_object();
    EXPECT_EQ(o.at("id").as_string(), "r7");
    EXPECT_EQ(o.at("level").as_string(), "info");
    EXPECT_EQ(o.at("address").as_string(), "203.0.113.0");
    EXPECT_EQ(o.at("method").as_string(), "GET");
    EXPECT_EQ(o.at("target").as_string(), R"(/en/search?q=\x22quoted\x22\x5C)");
    EXPECT_EQ(o.at("status").as_int64(), 200);
    EXPECT_EQ(o.at("bytes").as_int64(), 18036);
    EXPECT_EQ(o.at("micros").as_int64(), 14);
    EXPECT_EQ(o.at("cache").as_string(), "hit");
    // RFC 3339 in UTC, to the millisecond.
    const std::string time(o.at("time").as_string());
    EXPECT_EQ(time.size(), 24u) << time;
    EXPECT_EQ(time.back(), 'Z') << time;
}

// A target that carries quotes, line breaks or bytes that are not UTF-8 cannot forge a field or
// a line: they are written as \xHH.
TEST(AccessLog, WritesAHostileTargetPrintably) {
    Pipe pipe;
    {
        AccessLog log({}, pipe.fds[1]);
        const std::string id = "r9";
        auto r = request(id);
        r.target = "/en/\" 200 1 1us hit\n2026 info forged\xff";
        log.record(r);
    }
    const auto out = pipe.written();
    EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
    EXPECT_NE(
        out.find(R"("GET /en/\x22\x20200\x201\x201us\x20hit\x0A2026\x20info\x20forged\xFF" 200)"),
        std::string::npos)
        << out;
}

TEST(AccessLog, KeepsAsMuchOfAnAddressAsTheSettingsAllow) {
    EXPECT_EQ(logged_address("203.0.113.9", LoggedAddress::Network), "203.0.113.0");
    EXPECT_EQ(logged_address("2001:db8:7:8::9", LoggedAddress::Network), "2001:db8:7::");
    EXPECT_EQ(logged_address("203.0.113.9", LoggedAddress::Full), "203.0.113.9");
    EXPECT_EQ(logged_address("203.0.113.9", LoggedAddress::None), "-");
}

}  // namespace
}  // namespace dateline::http
