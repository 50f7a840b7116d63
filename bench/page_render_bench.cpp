// How fast the reader site turns a request into a page, without the network: the demo network in
// a temporary SQLite file, ReaderSite::handle called directly. Prints pages per second per core.
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/article_service.hpp"
#include "app/comment_intake.hpp"
#include "app/front_page_service.hpp"
#include "app/most_read.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "config/config.hpp"
#include "core/memory_policy.hpp"
#include "db/migrator.hpp"
#include "domain/paths.hpp"
#include "media/image_library.hpp"
#include "provision/demo_loader.hpp"
#include "provision/network_file.hpp"
#include "site/reader_site.hpp"

namespace {

using namespace dateline;

struct Fixture {
    std::filesystem::path dir;
    std::unique_ptr<db::Database> database;
    SystemClock clock;
    std::unique_ptr<app::ReaderService> reader;
    // Article pages carry the comment form, as served.
    std::unique_ptr<app::SecurityCheck> check;
    std::unique_ptr<app::CommentService> comments;
    std::unique_ptr<app::SharedLimits> limits;
    std::unique_ptr<app::CommentIntake> intake;
    std::unique_ptr<site::ReaderSite> site;
    std::unique_ptr<site::ReaderSite> cached_site;  // the same, with its page cache
    std::string article_path;

    Fixture() {
        const std::filesystem::path source = DATELINE_SOURCE_DIR;
        dir = std::filesystem::temp_directory_path() /
              ("dateline-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        database = std::move(*db::open_database("sqlite:" + (dir / "bench.db").string(), 4));
        {
            auto lease = database->acquire();
            (void)db::migrate(*lease, db::bundled_migrations("sqlite"));
        }
        auto spec =
            provision::read_network_spec(source / "demo/network.json", "http://localhost:8080");
        (void)app::create_network(*database, *spec);
        media::ImageLibrary images(dir / "media");
        app::MediaService media(*database, images, clock);
        app::ArticleService articles(*database, media, clock);
        (void)provision::load_demo_articles(articles, media, *spec, source / "demo", clock.now());
        // Cards and stories kept as `dateline serve` keeps them by default.
        const config::Config defaults;
        reader = std::make_unique<app::ReaderService>(*database, clock, defaults.story_cards,
                                                      defaults.kept_stories);
        auto directory = reader->directory();
        auto theme = site::load_theme(source / "themes/default");
        check = std::make_unique<app::SecurityCheck>(*app::load_security_secret(*database, clock),
                                                     clock);
        comments = std::make_unique<app::CommentService>(*database, clock);
        limits = std::make_unique<app::SharedLimits>(*database, clock);
        intake = std::make_unique<app::CommentIntake>(*comments, *limits, *check, clock);
        // Rendering is what is measured: the page cache is off.
        const site::CacheOptions uncached{0, std::chrono::seconds(0)};
        site::CommentOptions comment_options;
        comment_options.intake = intake.get();
        comment_options.check = check.get();
        site = std::move(*site::ReaderSite::create(*reader, *directory, std::move(*theme),
                                                   dir / "media", uncached, comment_options));
        cached_site = std::move(*site::ReaderSite::create(
            *reader, *directory, std::move(*site::load_theme(source / "themes/default")),
            dir / "media", {}, comment_options));
        const auto& english = *directory->site_by_slug("en");
        // A live front page: stories an editor chose, and the most read of the day.
        auto latest = reader->latest_stories(english, 20);
        std::vector<std::string> chosen;
        for (auto it = latest->rbegin(); it != latest->rend() && chosen.size() < 3; ++it)
            chosen.push_back((*it)->slug);
        (void)app::FrontPageService(*database, clock)
            .set_top_stories(english, chosen, domain::Actor::system("bench"));
        app::MostRead most_read(*database, clock);
        for (std::size_t i = 0; i < latest->size(); ++i)
            for (std::size_t reader_no = 0; reader_no <= i % 7; ++reader_no)
                most_read.count((*latest)[i]->id, "192.0.2." + std::to_string(reader_no));
        (void)most_read.flush();
        auto front = reader->front_page(*directory, english);
        if (front->top.front()->slug != chosen.front() || front->most_read.empty())
            std::fprintf(stderr, "the front page shows no chosen or most read stories\n");
        // The sixth newest story, the first of the latest list before stories were chosen.
        const auto& story = *(*latest)[5];
        article_path = domain::article_path("/en/", story.section->slug, story.slug);
    }
    ~Fixture() { std::filesystem::remove_all(dir); }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void serve(benchmark::State& state, const std::string& target) {
    auto& f = fixture();
    http::Request request;
    request.raw_target = target;
    request.target = *http::parse_target(target);
    request.host = "localhost:8080";
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto response = f.site->handle(request);
        bytes = response.payload().size();
        benchmark::DoNotOptimize(response);
    }
    state.counters["pages/s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["page_bytes"] = double(bytes);
}

// What an I/O thread does for a kept page once its request is parsed (the server's part aside):
// find it and answer it, its body and head shared with the cache.
void BM_cached_article(benchmark::State& state) {
    auto& f = fixture();
    http::Request request;
    request.raw_target = f.article_path;
    request.target = *http::parse_target(f.article_path);
    request.host = "localhost:8080";
    request.headers.emplace_back("accept-encoding", "gzip, deflate, br");
    // Kept on its first request, its coding made fast on the next and thoroughly once sent a
    // few times: brought there as readers would bring it, so that the loop times hits only.
    for (int request_no = 0; request_no < 8; ++request_no)
        if (!f.cached_site->handle_fast(request)) (void)f.cached_site->handle(request);
    if (!f.cached_site->handle_fast(request)) {
        state.SkipWithError("the article was not kept: this would time a miss");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(f.cached_site->handle_fast(request));
    state.counters["pages/s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_article(benchmark::State& state) {
    serve(state, fixture().article_path);
}
void BM_home(benchmark::State& state) {
    serve(state, "/en/");
}
void BM_section(benchmark::State& state) {
    serve(state, "/en/business/");
}
void BM_arabic_home(benchmark::State& state) {
    serve(state, "/ar/");
}

}  // namespace

BENCHMARK(BM_cached_article);
BENCHMARK(BM_article);
BENCHMARK(BM_home);
BENCHMARK(BM_section);
BENCHMARK(BM_arabic_home);

int main(int argc, char** argv) {
    dateline::keep_freed_memory_for_reuse();
    dateline::media::initialise(argv[0]);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
