// The pieces every request or every render goes through, one at a time (Google Benchmark): what
// a change to one of them moves, without the noise of a whole server. `make bench` runs it.
#include <benchmark/benchmark.h>

#include <string>

#include "cache/page_cache.hpp"
#include "http/content_coding.hpp"
#include "http/message.hpp"
#include "http/validators.hpp"
#include "render/date_formatter.hpp"
#include "search/analyzer.hpp"

namespace {

using namespace dateline;

// A page of the size and shape of the demo's home page (30 KB of markup and prose).
const std::string& page_body() {
    static const std::string body = [] {
        std::string html =
            "<!doctype html><html lang=\"en\"><head><title>Home</title></head><body>";
        for (int i = 0; html.size() < 30 * 1024; ++i)
            html +=
                "<article class=\"card\"><h2 class=\"card__headline\"><a href=\"/en/world/story-" +
                std::to_string(i) +
                "\">Harbour works resume after the winter storms</a></h2><p>The port "
                "authority said the new berths would open in spring, ahead of the ferry "
                "season.</p><time datetime=\"2026-11-28T14:05:00+04:00\">28 Nov 2026</time>"
                "</article>";
        return html + "</body></html>";
    }();
    return body;
}

// A story's path as nearly every reader asks for it, then one with a query (Boost.URL's parse).
void BM_parse_target(benchmark::State& state) {
    const std::string target = "/en/culture/beirut-jazz-festival-returns-to-the-waterfront";
    for (auto _ : state) benchmark::DoNotOptimize(http::parse_target(target));
}

void BM_parse_target_with_query(benchmark::State& state) {
    const std::string target =
        "/en/culture/beirut-jazz-festival-returns-to-the-waterfront?comments=2";
    for (auto _ : state) benchmark::DoNotOptimize(http::parse_target(target));
}

void BM_append_fields(benchmark::State& state) {
    const std::vector<std::pair<std::string, std::string>> fields{
        {"Content-Type", "text/html; charset=utf-8"},
        {"Content-Language", "en"},
        {"Cache-Control", "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400"},
        {"ETag", "\"6b13262b6eb00d61\""},
        {"Last-Modified", "Mon, 30 Nov 2026 15:47:35 GMT"},
        {"Vary", "Accept-Encoding"}};
    std::string out;
    for (auto _ : state) {
        out.clear();
        benchmark::DoNotOptimize(http::append_fields(out, fields));
    }
}

void BM_etag(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(cache::etag_for(page_body()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page_body().size()));
}

void BM_gzip(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(http::gzip_compress(page_body()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page_body().size()));
}

void BM_brotli(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(http::brotli_compress(page_body()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page_body().size()));
}

void BM_gzip_fast(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(http::gzip_compress(page_body(), http::Effort::Fast));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page_body().size()));
}

void BM_brotli_fast(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(http::brotli_compress(page_body(), http::Effort::Fast));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page_body().size()));
}

void BM_preferred_coding(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(http::preferred_coding("gzip, deflate, br, zstd", true, true));
}

// A card's date: remembered after its first formatting (the case of every page but the first).
void BM_format_date(benchmark::State& state) {
    const auto formatter = *render::DateFormatter::create("ar", "Asia/Dubai", false);
    for (auto _ : state) benchmark::DoNotOptimize(formatter.format(1796000000));
}

// A moment never formatted before, each time: the cost of ICU itself.
void BM_format_new_date(benchmark::State& state) {
    const auto formatter = *render::DateFormatter::create("ar", "Asia/Dubai", false);
    UnixTime t = 1796000000;
    for (auto _ : state) benchmark::DoNotOptimize(formatter.format(t += 61));
}

}  // namespace

// A story's text as the search index will read it, in each language (about 3 KB).
std::string story_text(const std::string& paragraph) {
    std::string text;
    while (text.size() < 3 * 1024) text += paragraph + "\n\n";
    return text;
}

// A story's search terms (search::terms), in its language.
void BM_analyze(benchmark::State& state, const char* language, const char* paragraph) {
    const std::string text = story_text(paragraph);
    for (auto _ : state) benchmark::DoNotOptimize(search::terms(text, language));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_parse_target);
BENCHMARK(BM_parse_target_with_query);
BENCHMARK(BM_append_fields);
BENCHMARK(BM_etag);
BENCHMARK(BM_gzip);
BENCHMARK(BM_brotli);
BENCHMARK(BM_gzip_fast);
BENCHMARK(BM_brotli_fast);
BENCHMARK(BM_preferred_coding);
BENCHMARK(BM_format_date);
BENCHMARK(BM_format_new_date);
BENCHMARK_CAPTURE(
    BM_analyze, english, "en",
    "The port authority said on Sunday that the new container berths at the harbour "
    "would open in spring, ahead of the ferry season, after storms delayed the works.");
BENCHMARK_CAPTURE(BM_analyze, arabic, "ar",
                  "قالت هيئة الميناء يوم الأحد إن أرصفة الحاويات الجديدة في المرفأ ستفتح في "
                  "الربيع، قبل موسم العبّارات، بعد أن أخّرت العواصف الأعمال.");

BENCHMARK_MAIN();
