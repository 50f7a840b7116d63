// dateline serve: every site of the network over HTTP until SIGINT or SIGTERM. The composition
// root of the server: it builds the services, the reader surface and the HTTP server.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <thread>

#include "api/api.hpp"
#include "app/article_service.hpp"
#include "app/audit_service.hpp"
#include "app/comment_intake.hpp"
#include "app/comment_service.hpp"
#include "app/content_watch.hpp"
#include "app/front_page_service.hpp"
#include "app/local_limits.hpp"
#include "app/reader_service.hpp"
#include "app/security_check.hpp"
#include "app/session_service.hpp"
#include "app/site_service.hpp"
#include "app/token_service.hpp"
#include "app/user_service.hpp"
#include "app/wire_desk.hpp"
#include "cli/command.hpp"
#include "cli/service_manager.hpp"
#include "core/database_url.hpp"
#include "fetch/http_fetcher.hpp"
#include "http/server.hpp"
#include "media/image_library.hpp"
#include "metrics/registry.hpp"
#include "newsroom/newsroom.hpp"
#include "site/reader_site.hpp"

namespace dateline::cli {

namespace {

constexpr std::chrono::seconds limit_window{600};

// An IPv6 address in a URL goes in brackets.
std::string bracketed(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// The wire sources are read every few seconds while the node serves; with several nodes on
// one database each file is taken by one of them.
void work_wire_sources(app::WireDesk& wires, const std::atomic<bool>& serving) {
    constexpr auto round = std::chrono::seconds(2);
    constexpr auto nap = std::chrono::milliseconds(250);
    while (serving) {
        auto run = wires.run_once();
        if (!run) {
            spdlog::warn("wire desk: {}", run.error().message);
        } else {
            for (const auto& problem : run->problems) spdlog::warn("wire desk: {}", problem);
            if (run->received > 0)
                spdlog::info("wire desk: {} received, {} published", run->received, run->published);
        }
        for (auto slept = std::chrono::milliseconds(0); serving && slept < round; slept += nap)
            std::this_thread::sleep_for(nap);
    }
}

http::ServerOptions server_options(const config::Config& config) {
    http::ServerOptions options;
    options.host = config.listen_host;
    options.port = static_cast<std::uint16_t>(config.listen_port);
    options.threads = config.threads;
    // A page read from SQLite is work for a core (its pages mapped, WAL readers never wait for
    // writers), and more threads rendering than cores only take turns: four beside one I/O
    // thread on two cores switched twice as often as two and served 7% fewer uncached pages
    // (docs/performance.md). A PostgreSQL read waits on round trips, which the default's more
    // threads overlap.
    const auto url = parse_database_url(config.database_url);
    if (url && url->backend == DatabaseUrl::Backend::Sqlite)
        options.worker_threads =
            static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    options.max_body_bytes = config.max_body_bytes;
    options.read_timeout = config.read_timeout;
    options.max_connections = config.max_connections;
    options.max_connections_per_address = config.max_connections_per_address;
    options.max_connections_per_network = config.max_connections_per_network;
    options.trusted_proxies = config.trusted_proxies;
    options.access_log.format =
        config.log_format == "json" ? http::AccessLogFormat::Json : http::AccessLogFormat::Text;
    options.access_log.addresses = config.log_addresses == "full"   ? http::LoggedAddress::Full
                                   : config.log_addresses == "none" ? http::LoggedAddress::None
                                                                    : http::LoggedAddress::Network;
    return options;
}

// What the components keep themselves, read at each scrape.
void report_database(metrics::Registry& metrics, const db::Database& database) {
    metrics.add_collector([&database](metrics::Sink& sink) {
        const auto pool = database.statistics();
        const auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
        sink.gauge("dateline_db_connections", "Database connections in the pool, by state.",
                   static_cast<double>(pool.in_use), {{"state", "in_use"}});
        sink.gauge("dateline_db_connections", "Database connections in the pool, by state.",
                   static_cast<double>(pool.connections - pool.in_use), {{"state", "idle"}});
        sink.counter("dateline_db_leases_total", "Database connections borrowed.",
                     static_cast<double>(pool.leases));
        sink.counter("dateline_db_lease_seconds_total",
                     "Time database connections were borrowed: the database time of requests.",
                     seconds(pool.held));
        sink.counter("dateline_db_pool_waits_total",
                     "Borrowings that waited for a connection to come back.",
                     static_cast<double>(pool.waits));
        sink.counter("dateline_db_pool_wait_seconds_total",
                     "Time spent waiting for a database connection.", seconds(pool.waited));
    });
}

void report_comments(metrics::Registry& metrics, const app::CommentIntake& intake) {
    metrics.add_collector([&intake](metrics::Sink& sink) {
        const auto counts = intake.counts();
        sink.counters(
            "dateline_comment_submissions_total",
            "Reader comments sent, by outcome: received (kept for moderation), invalid (a rule "
            "broken, a failed security check), limited (too many from one address or network), "
            "closed (the story takes no comments), failed (the database could not be reached).",
            "outcome",
            {{"received", counts.received},
             {"invalid", counts.invalid},
             {"limited", counts.limited},
             {"closed", counts.closed},
             {"failed", counts.failed}});
    });
}

// /metrics on its own address, so that a proxy in front of the readers' port never exposes it.
http::ServerOptions metrics_options(const config::Config& config) {
    http::ServerOptions options;
    options.host = config.metrics_host;
    options.port = static_cast<std::uint16_t>(config.metrics_port);
    options.threads = 1;
    options.worker_threads = 1;
    options.change_threads = 1;
    options.max_connections = 64;
    return options;
}

http::Handler metrics_handler(const metrics::Registry& metrics) {
    return [&metrics](const http::Request& request) {
        if (request.target.segments != std::vector<std::string>{"metrics"} ||
            request.target.trailing_slash)
            return http::Response::text(404, "Not found: metrics are at /metrics\n");
        if (request.method != http::Method::Get && request.method != http::Method::Head) {
            auto r = http::Response::text(405, "Method not allowed\n");
            r.set_header("Allow", "GET, HEAD");
            return r;
        }
        http::Response r;
        r.set_header("Content-Type", metrics::exposition_content_type);
        r.set_header("Cache-Control", "no-store");
        r.body = metrics.exposition();
        return r;
    };
}

int run_serve(const DataOptions& data) {
    auto opened = data.open(true);
    if (!opened) return fail(opened.error());
    const auto& config = opened->config;
    auto& database = *opened->database;
    SystemClock clock;
    app::ReaderService reader(database, clock, config.story_cards, config.kept_stories);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    auto theme = site::load_theme(config.theme_dir);
    if (!theme) return fail(theme.error());
    for (const auto& s : directory->sites)
        if (!theme->catalog.has_language(s.language))
            spdlog::warn("the theme has no '{}' strings: site '{}' shows English ones", s.language,
                         s.slug);

    auto secret = app::load_security_secret(database, clock);
    if (!secret) return fail(secret.error());
    app::SecurityCheck security_check(
        *secret, clock,
        {.difficulty = static_cast<std::uint32_t>(config.comment_check_difficulty)});
    app::CommentService comment_service(database, clock);
    app::SharedLimits limits(database, clock);
    app::CommentIntake intake(
        comment_service, limits, security_check, clock,
        {.per_address = {"comment:address", config.comment_address_limit, limit_window},
         .per_subnet = {"comment:subnet", config.comment_subnet_limit, limit_window},
         .min_fill_time = std::chrono::seconds(config.comment_min_fill_seconds)});
    app::LocalLimits challenge_limits({"comment-check", config.comment_check_limit, limit_window},
                                      clock);
    app::LocalLimits challenge_network_limits(
        {"comment-check:subnet", config.comment_check_subnet_limit, limit_window}, clock);
    // Readers' reads of each story, counted as pages are answered, unless the operator turned
    // counting off.
    app::MostRead most_read(database, clock);
    const bool counting_reads = config.most_read_interval.count() > 0;
    auto created = site::ReaderSite::create(reader, *directory, std::move(*theme), config.media_dir,
                                            {config.page_cache_bytes, config.page_cache_fresh},
                                            {&intake, &security_check, &challenge_limits,
                                             &challenge_network_limits, config.trusted_proxies},
                                            counting_reads ? &most_read : nullptr);
    if (!created) return fail(created.error());
    site::ReaderSite& sites = **created;

    metrics::Registry metrics;
    sites.report_to(metrics);
    report_database(metrics, database);
    report_comments(metrics, intake);
    auto options = server_options(config);
    // A picture (the newsroom's form, the API's upload) and a story sent to the API are the
    // bodies larger than a form: room for the largest picture the media library takes, and the
    // form around it (a story's body, at most 2 MB, fits in it as JSON).
    options.large_bodies = http::ServerOptions::LargeBodies{
        [](const http::RequestHead& head) {
            return newsroom::Newsroom::takes_upload(head) || api::Api::takes_large_body(head);
        },
        media::max_image_bytes + 64 * 1024};
    // SIGHUP (systemctl reload): the theme's templates, strings and assets read again. A theme
    // that does not load leaves the one in use.
    const std::string serving_status = "Serving " + std::to_string(directory->sites.size()) +
                                       " site(s) on " + bracketed(options.host) + ":";
    std::uint16_t serving_port = 0;
    options.on_reload = [&sites, &config, &serving_status, &serving_port] {
        service_manager::reloading();
        if (auto reloaded = site::load_theme(config.theme_dir); !reloaded) {
            spdlog::error("the theme in {} could not be loaded again, the one in use stays: {}",
                          config.theme_dir.string(), reloaded.error().message);
        } else {
            sites.use_theme(std::move(*reloaded));
            spdlog::info("loaded the theme in {} again", config.theme_dir.string());
        }
        service_manager::ready(serving_status + std::to_string(serving_port));
    };
    options.on_response = [&metrics](const http::Request& request, const http::Response& response,
                                     std::chrono::steady_clock::duration took) {
        metrics.observe_request(response.route, request.method_name, response.status, took);
    };
    // The newsroom answers /newsroom/ on the same hosts; everything else is the readers'.
    app::SessionService sessions(database, clock);
    media::ImageLibrary images(config.media_dir);
    app::MediaService media(database, images, clock);
    app::ArticleService articles(database, media, clock);
    const fetch::HttpFetcher fetcher(config.wire_allow_private_addresses);
    app::WireDesk wires(database, articles, clock, config.wire_dir, config.import_roots, fetcher);
    app::AuditService audit(database);
    app::UserService users(database, clock);
    app::TokenService tokens(database, clock);
    app::SiteService site_settings(database, clock);
    app::FrontPageService front_page(database, clock);
    auto newsroom = newsroom::Newsroom::create(
        {sessions, comment_service, reader, articles, audit, users, tokens, site_settings, wires,
         front_page},
        share_dir() / "newsroom", [&sites](const http::Request& r) { return sites.origin_for(r); },
        config.trusted_proxies);
    if (!newsroom) return fail(newsroom.error());
    // The API answers /api/ on the same hosts, through the same services.
    auto machines = api::Api::create(
        {tokens, articles, comment_service, media, reader}, share_dir() / "api",
        [&sites](const http::Request& r) { return sites.origin_for(r); }, config.trusted_proxies);
    if (!machines) return fail(machines.error());
    http::Server server(
        options,
        [&sites, &desk = **newsroom, &api = **machines](const http::Request& r) {
            if (api::Api::owns(r)) return api.handle(r);
            return newsroom::Newsroom::owns(r) ? desk.handle(r) : sites.handle(r);
        },
        [&sites](const http::Request& r) { return sites.handle_fast(r); });
    if (auto listening = server.listen(); !listening) return fail(listening.error());
    std::optional<http::Server> scrapes;
    if (!config.metrics_host.empty()) {
        scrapes.emplace(metrics_options(config), metrics_handler(metrics));
        if (auto listening = scrapes->listen(); !listening) return fail(listening.error());
    }
    std::cout << "Dateline is listening on http://" << bracketed(options.host) << ":"
              << server.port() << "/" << std::endl;
    for (const auto& s : directory->sites)
        std::cout << "  " << s.name << ": " << s.base_url << std::endl;
    if (scrapes)
        std::cout << "Metrics at http://" << bracketed(config.metrics_host) << ":"
                  << scrapes->port() << "/metrics" << std::endl;

    // Content changed anywhere (another node, a CLI command): drop what it touched.
    auto watcher = db::watch_changes(config.database_url);
    if (!watcher)
        spdlog::warn("not watching the database for changes: {}", watcher.error().message);
    app::SearchIndexer search_index(database, clock);
    app::ContentWatch watch(
        watcher ? std::move(*watcher) : nullptr, limits, clock,
        {.network_changed =
             [&sites] {
                 if (auto refreshed = sites.refresh(); !refreshed)
                     spdlog::warn("content changed but could not be reloaded: {} ({})",
                                  refreshed.error().message, refreshed.error().cause);
             },
         .content_changed = [&sites](const app::ChangedContent& c) { sites.drop_changed(c); }},
        &sessions, &articles, &search_index, counting_reads ? &most_read : nullptr,
        config.most_read_interval.count());
    std::atomic<bool> serving{true};
    std::thread watching([&] { watch.run(serving); });
    std::thread reading_wires([&] { work_wire_sources(wires, serving); });
    std::thread scraping;
    if (scrapes) scraping = std::thread([&scrapes] { scrapes->run(); });
    serving_port = server.port();
    service_manager::ready(serving_status + std::to_string(serving_port));
    server.run();
    service_manager::stopping();
    serving = false;
    if (scrapes) {
        scrapes->stop();
        scraping.join();
    }
    watching.join();
    reading_wires.join();
    // The reads counted since the last flush, rather than lose them with the process.
    if (counting_reads)
        if (auto flushed = most_read.flush(); !flushed)
            spdlog::warn("could not add up the stories' reads: {}", flushed.error().message);
    std::cout << "Dateline stopped." << std::endl;
    return 0;
}

}  // namespace

Command serve_command(CLI::App& app) {
    auto data = std::make_shared<DataOptions>();
    auto* serve = app.add_subcommand("serve", "Serve the network's sites over HTTP.");
    data->add_to(*serve);
    data->add_flag(*serve, "--listen", "listen", "HOST:PORT to listen on (default 127.0.0.1:8080)");
    data->add_flag(*serve, "--threads", "threads", "Server threads (default: one per core)");
    data->add_flag(*serve, "--metrics-listen", "metrics_listen",
                   "HOST:PORT to serve /metrics on (default: not served)");
    data->add_flag(*serve, "--theme", "theme", "Theme folder (default: the built-in theme)");
    return {serve, [data] { return run_serve(*data); }};
}

}  // namespace dateline::cli
