#include "metrics/registry.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace dateline::metrics {

namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

}  // namespace

// Route names live as long as the route tables: string literals stand in for them here.
constexpr std::string_view article_route = "/{site}/{section}/{slug}";
constexpr std::string_view home_route = "/{site}/";

TEST(MetricsRegistry, RequestsAreCountedByRouteMethodAndStatusAndTimedByRoute) {
    Registry registry;
    registry.observe_request(article_route, "GET", 200, microseconds(80));
    registry.observe_request(article_route, "GET", 200, milliseconds(3));
    registry.observe_request(article_route, "POST", 303, milliseconds(40));
    registry.observe_request({}, "BREW", 400, microseconds(10));
    const auto text = registry.exposition();
    EXPECT_TRUE(has_line(text, "# TYPE dateline_http_requests_total counter")) << text;
    EXPECT_TRUE(has_line(
        text,
        R"(dateline_http_requests_total{method="GET",route="/{site}/{section}/{slug}",status="200"} 2)"))
        << text;
    EXPECT_TRUE(has_line(
        text,
        R"(dateline_http_requests_total{method="POST",route="/{site}/{section}/{slug}",status="303"} 1)"));
    EXPECT_TRUE(has_line(
        text, R"(dateline_http_requests_total{method="other",route="none",status="400"} 1)"))
        << "an unknown method and no route";
    // Histogram buckets are cumulative: 80 µs is under 0.1 ms, 3 ms under 5 ms, 40 ms under 50.
    const std::string bucket =
        R"(dateline_http_request_duration_seconds_bucket{route="/{site}/{section}/{slug}",le=")";
    EXPECT_TRUE(has_line(text, bucket + R"(0.0001"} 1)")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"(0.005"} 2)"));
    EXPECT_TRUE(has_line(text, bucket + R"(0.05"} 3)"));
    EXPECT_TRUE(has_line(text, bucket + R"(+Inf"} 3)"));
    EXPECT_TRUE(has_line(
        text,
        R"(dateline_http_request_duration_seconds_count{route="/{site}/{section}/{slug}"} 3)"));
}

TEST(MetricsRegistry, RendersAreTimedByRoute) {
    Registry registry;
    registry.observe_render(home_route, milliseconds(2));
    const auto text = registry.exposition();
    EXPECT_TRUE(
        has_line(text, R"(dateline_page_render_duration_seconds_count{route="/{site}/"} 1)"))
        << text;
    EXPECT_TRUE(has_line(
        text, R"(dateline_page_render_duration_seconds_bucket{route="/{site}/",le="0.001"} 0)"));
    EXPECT_TRUE(has_line(
        text, R"(dateline_page_render_duration_seconds_bucket{route="/{site}/",le="0.0025"} 1)"));
}

TEST(MetricsRegistry, CollectorsReportWhatTheirOwnersKeepAtEachScrape) {
    Registry registry;
    double kept = 5;
    registry.add_collector([&kept](Sink& sink) {
        sink.gauge("dateline_test_pages", "Pages.", kept);
        sink.counter("dateline_test_hits_total", "Hits, by outcome.", 7, {{"outcome", "hit"}});
        sink.counter("dateline_test_hits_total", "Hits, by outcome.", 2, {{"outcome", "miss"}});
    });
    auto text = registry.exposition();
    EXPECT_TRUE(has_line(text, "# TYPE dateline_test_pages gauge")) << text;
    EXPECT_TRUE(has_line(text, "dateline_test_pages 5"));
    EXPECT_TRUE(has_line(text, R"(dateline_test_hits_total{outcome="hit"} 7)"));
    EXPECT_TRUE(has_line(text, R"(dateline_test_hits_total{outcome="miss"} 2)"));
    EXPECT_EQ(text.find("# TYPE dateline_test_hits_total"),
              text.rfind("# TYPE dateline_test_hits_total"))
        << "one family, two series";
    kept = 6;
    EXPECT_TRUE(has_line(registry.exposition(), "dateline_test_pages 6")) << "read when asked";
}

TEST(MetricsRegistry, ThreadsCountingAtOnceLoseNothing) {
    Registry registry;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&registry] {
            for (int i = 0; i < 5000; ++i)
                registry.observe_request(home_route, "GET", 200, microseconds(50));
        });
    for (auto& t : threads) t.join();
    EXPECT_TRUE(has_line(
        registry.exposition(),
        R"(dateline_http_requests_total{method="GET",route="/{site}/",status="200"} 20000)"));
}

TEST(MetricsRegistry, ANewRegistryStartsFromNothing) {
    {
        Registry first;
        first.observe_request(home_route, "GET", 200, microseconds(50));
    }
    Registry second;  // possibly where the first was: a thread's memo must not point into it
    second.observe_request(home_route, "GET", 200, microseconds(50));
    EXPECT_TRUE(
        has_line(second.exposition(),
                 R"(dateline_http_requests_total{method="GET",route="/{site}/",status="200"} 1)"));
}

}  // namespace dateline::metrics
