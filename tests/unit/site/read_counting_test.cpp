// Which requests for a story's page count as a person reading it: browsers' GETs, in any case of
// header names' values; not robots, previewers, tools, headless browsers, prefetches, HEAD, or a
// client that does not say what it is.
#include "site/read_counting.hpp"

#include <gtest/gtest.h>

namespace dateline::site {
namespace {

http::Request request(std::string agent, http::Method method = http::Method::Get,
                      std::vector<std::pair<std::string, std::string>> more = {}) {
    http::Request r;
    r.method = method;
    if (!agent.empty()) r.headers.emplace_back("user-agent", std::move(agent));
    for (auto& field : more) r.headers.push_back(std::move(field));
    return r;
}

constexpr const char* firefox =
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
constexpr const char* safari_phone =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
constexpr const char* chrome_phone =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36";

TEST(ReadCounting, BrowsersReadingAPageAreReads) {
    for (const char* agent : {firefox, safari_phone, chrome_phone})
        EXPECT_TRUE(is_a_read(request(agent))) << agent;
}

TEST(ReadCounting, MachinesAreNotReaders) {
    for (const char* agent :
         {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
          "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
          "Mozilla/5.0 (compatible; Baiduspider/2.0)",
          "Mozilla/5.0 (compatible; Yahoo! Slurp)",
          "facebookexternalhit/1.1",
          "WhatsApp/2.24.1 A",
          "TelegramBot (like TwitterBot)",
          "Slackbot-LinkExpanding 1.0",
          "curl/7.88.1",
          "Wget/1.21.3",
          "python-requests/2.31",
          "Go-http-client/1.1",
          "Java/17.0.9",
          "node",
          "axios/1.7.2",
          "okhttp/4.12.0",
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
          "Mozilla/5.0 Chrome-Lighthouse",
          "UptimeRobot/2.0",
          "Pingdom.com_bot_version_1.4",
          "Mozilla/5.0 (compatible; NewsCrawler/3.1)",
          "LinkPreview/1.0",
          "SiteMonitor/2.2",
          "libwww-perl/6.72",
          "Apache-HttpClient/4.5.14 (Java/17)",
          "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 PhantomJS/2.1.1 Safari/538.1",
          "Scrapy/2.11.0 (+https://scrapy.org)",
          "Mozilla/5.0 (Linux) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 SLURP"})
        EXPECT_FALSE(is_a_read(request(agent))) << agent;
}

TEST(ReadCounting, OnlyAGetThatIsNotAPrefetchFromAClientThatNamesItself) {
    EXPECT_FALSE(is_a_read(request("")));
    EXPECT_FALSE(is_a_read(request(std::string(firefox) + std::string(600, ' '))))
        << "longer than any browser's name";
    EXPECT_FALSE(is_a_read(request(firefox, http::Method::Head)));
    EXPECT_FALSE(is_a_read(request(firefox, http::Method::Post)));
    EXPECT_FALSE(
        is_a_read(request(chrome_phone, http::Method::Get, {{"sec-purpose", "prefetch"}})));
    EXPECT_FALSE(is_a_read(
        request(chrome_phone, http::Method::Get, {{"sec-purpose", "prefetch;prerender"}})));
    EXPECT_FALSE(is_a_read(request(safari_phone, http::Method::Get, {{"purpose", "prefetch"}})));
    EXPECT_FALSE(is_a_read(request(firefox, http::Method::Get, {{"x-moz", "Prefetch"}})));
}

}  // namespace
}  // namespace dateline::site
