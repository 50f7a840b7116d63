#include "http/access_log.hpp"

#include <gtest/gtest.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <regex>
#include <string>
#include <vector>

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

// Each line begins as the process's other text lines do (text_log_pattern, which spdlog writes
// for them): the local time to the millisecond, then the level.
TEST(AccessLog, BeginsALineAsTheProcesssOtherLinesBegin) {
    Pipe pipe;
    {
        AccessLog log({}, pipe.fds[1]);
        log.record(request("r1"));
        log.record(request("r2"));
    }
    const std::string time = R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3} info )";
    const std::regex line(time + R"((r\d) 203\.0\.113\.0 .*\n)");
    const auto out = pipe.written();
    std::vector<std::string> ids;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), line); it != std::sregex_iterator();
         ++it)
        ids.push_back((*it)[1]);
    EXPECT_EQ(ids, (std::vector<std::string>{"r1", "r2"})) << out;

    spdlog::pattern_formatter pattern(text_log_pattern);
    spdlog::memory_buf_t formatted;
    pattern.format(spdlog::details::log_msg("test", spdlog::level::info, "r3"), formatted);
    EXPECT_TRUE(std::regex_match(std::string(formatted.data(), formatted.size()),
                                 std::regex(time + "r3\n")))
        << std::string(formatted.data(), formatted.size());
}

// A process told to log only warnings (log_level = "warn") writes no access log.
TEST(AccessLog, WritesNothingBelowTheProcesssLevel) {
    Pipe pipe;
    const auto level = spdlog::get_level();
    spdlog::set_level(spdlog::level::warn);
    {
        AccessLog log({}, pipe.fds[1]);
        log.record(request("r1"));
    }
    spdlog::set_level(level);
    EXPECT_EQ(pipe.written(), "");
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
