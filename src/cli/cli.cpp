#include "cli/cli.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include <unistd.h>
#include <iostream>

#include "app/article_service.hpp"
#include "app/comment_intake.hpp"
#include "app/comment_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "config/config.hpp"
#include "db/change_watcher.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "domain/paths.hpp"
#include "http/server.hpp"
#include "ingest/ninjs.hpp"
#include "media/image_library.hpp"
#include "site/reader_site.hpp"
#include "storage/network_copier.hpp"

#ifndef DATELINE_SHARE_DIR
#define DATELINE_SHARE_DIR "/usr/share/dateline"
#endif

namespace dateline::cli {

namespace {

namespace fs = std::filesystem;

const fs::path share_dir = DATELINE_SHARE_DIR;
constexpr auto change_poll = std::chrono::milliseconds(250);
constexpr UnixTime purge_interval_seconds = 600;

int fail(const std::string& message) {
    std::cerr << "dateline: " << message << "\n";
    return static_cast<int>(ExitCode::Failed);
}

int fail(const Error& error) {
    // The operator running the command is the one who can act on the internal cause.
    if (!error.cause.empty()) spdlog::error("cause: {}", error.cause);
    return fail(error.message);
}

struct Opened {
    config::Config config;
    std::unique_ptr<db::Database> database;
};

// Loads the configuration, opens the database and brings its schema up to date.
Result<Opened> open(const fs::path& data, const config::Overrides& flags, bool must_exist) {
    auto config = config::load(data, flags, share_dir / "themes" / "default");
    if (!config) return config.error();
    std::error_code ec;
    const std::string sqlite_scheme = "sqlite:";
    const bool missing = config->database_url.rfind(sqlite_scheme, 0) == 0
                             ? !fs::exists(config->database_url.substr(sqlite_scheme.size()), ec)
                             : !fs::is_directory(data, ec);
    if (must_exist && missing)
        return Error::not_found("'" + data.string() +
                                "' holds no Dateline data; create it with: dateline init --data " +
                                data.string());
    spdlog::set_level(spdlog::level::from_str(config->log_level));
    auto database = db::open_database(config->database_url, config->database_pool);
    if (!database) return database.error();
    {
        auto lease = (*database)->acquire();
        auto applied = db::migrate(*lease, db::bundled_migrations(lease->backend()));
        if (!applied) return applied.error();
        if (*applied > 0) spdlog::info("applied {} migration(s)", *applied);
    }
    return Opened{std::move(*config), std::move(*database)};
}

int command_init(const fs::path& data, const config::Overrides& flags, bool demo,
                 const std::string& public_url_flag, const fs::path& demo_dir) {
    auto public_url = app::normalise_public_url(public_url_flag);
    if (!public_url) return fail(public_url.error());
    std::error_code ec;
    fs::create_directories(data, ec);
    if (ec) return fail("cannot create '" + data.string() + "': " + ec.message());
    auto opened = open(data, flags, false);
    if (!opened) return fail(opened.error());
    auto& database = *opened->database;

    auto spec = demo ? app::read_network_spec(demo_dir / "network.json", *public_url)
                     : Result<app::NetworkSpec>(app::default_network_spec(*public_url));
    if (!spec) return fail(spec.error());
    if (auto created = app::create_network(database, *spec); !created) return fail(created.error());
    if (demo) {
        SystemClock clock;
        media::ImageLibrary images(opened->config.media_dir);
        app::MediaService media(database, images, clock);
        app::ArticleService articles(database, media, clock);
        auto count = app::load_demo_articles(articles, media, *spec, demo_dir, clock.now());
        if (!count) {
            // Leave nothing half-made: a later init must be able to start again.
            if (auto removed = app::remove_network(database); !removed)
                spdlog::error("could not remove the half-created network: {}",
                              removed.error().cause);
            return fail(count.error());
        }
        std::cout << "Created the demo network '" << spec->network.name << "' with " << *count
                  << " articles.\n";
    } else {
        std::cout << "Created the network '" << spec->network.name << "'.\n";
    }
    for (const auto& s : spec->sites)
        std::cout << "  " << s.site.name << ": " << s.site.base_url << "\n";
    return 0;
}

// Drops what the changes touched: every page and the sites' settings for a change to the
// network, a site's pages for a story, a story's pages for its comments.
void apply_changes(site::ReaderSite& sites, const std::vector<db::ContentChange>& changes) {
    using Scope = db::ContentChange::Scope;
    const bool whole_network = std::any_of(changes.begin(), changes.end(),
                                           [](const auto& c) { return c.scope == Scope::Network; });
    if (whole_network) {
        if (auto refreshed = sites.refresh(); !refreshed)
            spdlog::warn("content changed but could not be reloaded: {} ({})",
                         refreshed.error().message, refreshed.error().cause);
        return;
    }
    for (const auto& change : changes) {
        if (change.scope == Scope::Site && change.site_id > 0)
            sites.drop_site_pages(change.site_id);
        else if (change.scope == Scope::Article && change.article_id > 0)
            sites.drop_article_pages(change.article_id);
    }
}

int command_serve(const fs::path& data, const config::Overrides& flags) {
    auto opened = open(data, flags, true);
    if (!opened) return fail(opened.error());
    const auto& config = opened->config;
    SystemClock clock;
    app::ReaderService reader(*opened->database, clock);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    auto theme = site::load_theme(config.theme_dir);
    if (!theme) return fail(theme.error());
    for (const auto& s : directory->sites)
        if (!theme->catalog.has_language(s.language))
            spdlog::warn("the theme has no '{}' strings: site '{}' shows English ones", s.language,
                         s.slug);
    auto secret = app::load_security_secret(*opened->database, clock);
    if (!secret) return fail(secret.error());
    app::SecurityCheck security_check(
        *secret, clock,
        {.difficulty = static_cast<std::uint32_t>(config.comment_check_difficulty)});
    app::CommentService comment_service(*opened->database, clock);
    app::SharedLimits limits(*opened->database, clock);
    const std::chrono::seconds ten_minutes(600);
    app::CommentIntake intake(
        comment_service, limits, security_check, clock,
        {.per_address = {"comment:address", config.comment_address_limit, ten_minutes},
         .per_subnet = {"comment:subnet", config.comment_subnet_limit, ten_minutes},
         .min_fill_time = std::chrono::seconds(config.comment_min_fill_seconds)});
    app::LocalLimits challenge_limits({"comment-check", config.comment_check_limit, ten_minutes},
                                      clock);
    app::LocalLimits challenge_network_limits(
        {"comment-check:subnet", config.comment_check_subnet_limit, ten_minutes}, clock);
    auto sites = site::ReaderSite::create(reader, *directory, std::move(*theme), config.media_dir,
                                          {config.page_cache_bytes, config.page_cache_fresh},
                                          {&intake, &security_check, &challenge_limits,
                                           &challenge_network_limits, config.trusted_proxies});
    if (!sites) return fail(sites.error());

    http::ServerOptions options;
    options.host = config.listen_host;
    options.port = static_cast<std::uint16_t>(config.listen_port);
    options.threads = config.threads;
    options.max_body_bytes = config.max_body_bytes;
    options.read_timeout = config.read_timeout;
    options.max_connections = config.max_connections;
    options.max_connections_per_address = config.max_connections_per_address;
    options.max_connections_per_network = config.max_connections_per_network;
    options.trusted_proxies = config.trusted_proxies;
    site::ReaderSite& handler = **sites;
    http::Server server(
        options, [&handler](const http::Request& r) { return handler.handle(r); },
        [&handler](const http::Request& r) { return handler.handle_fast(r); });
    if (auto listening = server.listen(); !listening) return fail(listening.error());
    const std::string host =
        options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    std::cout << "Dateline is listening on http://" << host << ":" << server.port() << "/"
              << std::endl;
    for (const auto& s : directory->sites)
        std::cout << "  " << s.name << ": " << s.base_url << std::endl;
    // Content changed anywhere (another node, a CLI command): reload sites, drop cached pages.
    // Used tokens and old rate-limit windows are forgotten now and then.
    std::atomic<bool> serving{true};
    auto watcher = db::watch_changes(config.database_url);
    if (!watcher)
        spdlog::warn("not watching the database for changes: {}", watcher.error().message);
    std::thread watching([&] {
        UnixTime purged = 0;
        while (serving) {
            if (!watcher) {
                std::this_thread::sleep_for(change_poll);
            } else {
                apply_changes(handler, (*watcher)->wait(change_poll));
            }
            if (clock.now() - purged >= purge_interval_seconds) {
                purged = clock.now();
                if (auto done = limits.purge(); !done)
                    spdlog::warn("could not forget old tokens: {}", done.error().message);
            }
        }
    });
    server.run();
    serving = false;
    if (watching.joinable()) watching.join();
    std::cout << "Dateline stopped." << std::endl;
    return 0;
}

int command_sites(const fs::path& data, const config::Overrides& flags) {
    auto opened = open(data, flags, true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    app::ReaderService reader(*opened->database, clock);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    for (const auto& s : directory->sites)
        std::cout << s.slug << '\t' << s.language << '\t' << s.base_url << '\n';
    return 0;
}

// Imports one ninjs file; says what happened on stdout (the URL or id) or stderr (the problem).
bool import_one(app::ArticleService& articles, const std::string& file,
                const std::string& site_slug, const std::string& section, bool publish,
                const std::vector<fs::path>& import_roots) {
    auto item = ingest::read_ninjs_file(file, import_roots);
    if (!item) {
        std::cerr << item.error().message << "\n";
        return false;
    }
    for (const auto& warning : item->warnings)
        std::cerr << file << ": warning: " << warning << "\n";
    auto saved = articles.import_wire_item(site_slug, *item, publish, section);
    if (!saved) {
        std::cerr << file << ": " << saved.error().message << "\n";
        if (!saved.error().cause.empty()) spdlog::error("{}: {}", file, saved.error().cause);
        return false;
    }
    std::cout << (saved->visible ? saved->url : std::to_string(saved->id)) << "\n";
    return true;
}

int command_import(const fs::path& data, const config::Overrides& flags,
                   const std::string& site_slug, const std::string& section, bool publish,
                   const std::vector<std::string>& files) {
    auto opened = open(data, flags, true);
    if (!opened) return fail(opened.error());
    for (const auto& root : opened->config.import_roots) {
        std::error_code ec;
        if (!fs::is_directory(root, ec))
            return fail("the import root '" + root.string() + "' is not a folder");
    }
    SystemClock clock;
    media::ImageLibrary images(opened->config.media_dir);
    app::MediaService media(*opened->database, images, clock);
    app::ArticleService articles(*opened->database, media, clock);
    int failures = 0;
    for (const auto& file : files) {
        try {
            failures +=
                import_one(articles, file, site_slug, section, publish, opened->config.import_roots)
                    ? 0
                    : 1;
        } catch (const std::exception& e) {
            // One file's unexpected failure must not take the others down with it.
            std::cerr << file << ": could not be imported (unexpected failure)\n";
            spdlog::error("importing {}: {}", file, e.what());
            ++failures;
        }
    }
    return failures == 0 ? 0 : static_cast<int>(ExitCode::Failed);
}

Result<std::unique_ptr<db::Database>> open_migrated(const std::string& url) {
    auto database = db::open_database(url, 1);
    if (!database) return database.error();
    auto lease = (*database)->acquire();
    auto applied = db::migrate(*lease, db::bundled_migrations(lease->backend()));
    if (!applied) return applied.error();
    return std::move(*database);
}

// One line redrawn in place on a terminal; nothing when standard error is a file or a pipe.
void draw_progress(const std::string& table, std::int64_t done, std::int64_t total) {
    if (!::isatty(STDERR_FILENO)) return;
    constexpr int width = 30;
    const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r  %-18s [%s%s] %lld/%lld", table.c_str(),
                 std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                 static_cast<long long>(done), static_cast<long long>(total));
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

struct CommentsCommand {
    std::string action;  // list, approve, reject, spam, erase, open, close
    std::string article;
    std::string status;
    std::string site;
    std::vector<long long> ids;
    std::string email;
};

int command_comments(const fs::path& data, const config::Overrides& flags,
                     const CommentsCommand& cmd) {
    auto opened = open(data, flags, true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    app::CommentService comments(*opened->database, clock);
    app::ReaderService reader(*opened->database, clock);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    if (cmd.action == "list") {
        std::optional<domain::CommentStatus> status;
        if (!cmd.status.empty()) {
            status = domain::parse_comment_status(cmd.status);
            if (!status)
                return fail("unknown status '" + cmd.status +
                            "': pending, approved, rejected or spam");
        }
        std::optional<domain::Id> site_id;
        if (!cmd.site.empty()) {
            const auto* site = directory->site_by_slug(cmd.site);
            if (!site) return fail("there is no site '" + cmd.site + "'");
            site_id = site->id;
        }
        auto listed = comments.list(status, site_id);
        if (!listed) return fail(listed.error());
        for (const auto& l : *listed) {
            const auto* site = directory->site_by_slug(l.site_slug);
            const std::string url =
                domain::article_path(site ? site->base_url : "/", l.section_slug, l.article_slug);
            std::cout << l.comment.id << '\t' << l.site_slug << '\t'
                      << domain::to_string(l.comment.status) << '\t' << url << '\t'
                      << l.comment.author_name << '\t' << l.comment.title << '\n';
        }
        return 0;
    }
    if (cmd.action == "open" || cmd.action == "close") {
        const auto* site = directory->site_by_slug(cmd.site);
        if (!site) return fail("there is no site '" + cmd.site + "'");
        if (auto done = comments.set_open(*site, cmd.article, cmd.action == "open"); !done)
            return fail(done.error());
        std::cout << "Comments are " << (cmd.action == "open" ? "open" : "closed") << " on "
                  << cmd.article << ".\n";
        return 0;
    }
    if (cmd.action == "erase") {
        auto erased = comments.erase(cmd.email);
        if (!erased) return fail(erased.error());
        std::cout << "Erased " << *erased << " comment(s) written with that address.\n";
        return 0;
    }
    const auto status = domain::parse_comment_status(cmd.action == "approve"  ? "approved"
                                                     : cmd.action == "reject" ? "rejected"
                                                                              : "spam");
    std::vector<domain::Id> ids(cmd.ids.begin(), cmd.ids.end());
    auto changed = comments.moderate(ids, *status);
    if (!changed) return fail(changed.error());
    std::cout << "Marked " << *changed << " comment(s) " << domain::to_string(*status) << ".\n";
    return 0;
}

int command_migrate(const std::string& url) {
    auto database = db::open_database(url, 1);
    if (!database) return fail(database.error());
    auto lease = (*database)->acquire();
    auto applied = db::migrate(*lease, db::bundled_migrations(lease->backend()));
    if (!applied) return fail(applied.error());
    const auto migrations = db::bundled_migrations(lease->backend());
    std::cout << "Applied " << *applied << " migration(s); the schema is at version "
              << (migrations.empty() ? 0 : migrations.back().version) << ".\n";
    return 0;
}

int command_copy(const std::string& from_url, const std::string& to_url) {
    if (from_url == to_url) return fail("--from and --to name the same database");
    auto from = open_migrated(from_url);
    if (!from) return fail(from.error());
    auto to = open_migrated(to_url);
    if (!to) return fail(to.error());
    auto copied = storage::copy_network(**from, **to, draw_progress);
    if (!copied) return fail(copied.error());
    std::cout << "Copied " << *copied << " rows.\n";
    return 0;
}

}  // namespace

int run(int argc, char** argv) {
    // Logs (the access log too) go to standard error; standard output carries the results.
    spdlog::set_default_logger(spdlog::stderr_color_mt("dateline"));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    CLI::App app{
        "Dateline: a news publishing platform for networks of sites in several languages."};
    app.require_subcommand(0, 1);
    app.footer(
        "Exit codes: 0 success; 1 the command could not do (all of) its work; 2 bad arguments.");
    app.set_version_flag("--version", std::string("dateline ") + DATELINE_VERSION);

    std::string data = "var";
    bool demo = false;
    std::string public_url = "http://localhost:8080";
    std::string demo_dir = (share_dir / "demo").string();
    auto* init =
        app.add_subcommand("init", "Create a data directory with its database and network.");
    init->add_option("--data", data, "Data directory (database, media, dateline.toml)")->required();
    init->add_flag("--demo", demo, "Fill it with the bilingual demo network");
    init->add_option("--public-url", public_url, "Address readers use; sites live below it")
        ->capture_default_str();
    init->add_option("--demo-dir", demo_dir, "Where the demo content is")->capture_default_str();

    config::Overrides flags;
    std::string listen, threads, theme, db;
    const char* db_help =
        "Database URL: sqlite:PATH (default sqlite:DATA/dateline.db) or postgresql://...";
    auto* serve = app.add_subcommand("serve", "Serve the network's sites over HTTP.");
    serve->add_option("--data", data, "Data directory")->required();
    serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
    serve->add_option("--threads", threads, "Server threads (default: one per core)");
    serve->add_option("--theme", theme, "Theme folder (default: the built-in theme)");

    auto* sites =
        app.add_subcommand("sites", "List the sites: slug, language, base URL (tab-separated).");
    sites->add_option("--data", data, "Data directory")->required();

    std::string site_slug, section;
    bool publish = false;
    std::vector<std::string> files;
    std::vector<std::string> import_roots;
    auto* import = app.add_subcommand("import", "Import IPTC ninjs items as articles of a site.");
    import->add_option("--data", data, "Data directory")->required();
    import->add_option("--site", site_slug, "Slug of the site to import into")->required();
    import->add_option("--section", section, "Section slug for the imported articles");
    import->add_flag("--publish", publish, "Publish at the item's first-created time (else draft)");
    import->add_option("--import-root", import_roots,
                       "A folder that pictures' file: URLs may point into, besides the item's "
                       "own (repeatable; replaces import_roots from the configuration)");
    import->add_option("FILE", files, "ninjs JSON files")->required()->check(CLI::ExistingFile);

    for (auto* command : {init, serve, sites, import}) command->add_option("--db", db, db_help);

    CommentsCommand comments_cmd;
    auto* comments = app.add_subcommand("comments", "Moderate reader comments.");
    comments->add_option("--data", data, "Data directory")->required();
    comments->add_option("--db", db, db_help);
    comments->require_subcommand(1);
    auto* list = comments->add_subcommand(
        "list", "One comment a line: id, site, status, article URL, name, title (tab-separated).");
    list->add_option("--status", comments_cmd.status, "pending, approved, rejected or spam");
    list->add_option("--site", comments_cmd.site, "Only this site's comments");
    for (const char* action : {"approve", "reject", "spam"}) {
        auto* sub =
            comments->add_subcommand(action, std::string("Mark comments ") +
                                                 (std::string(action) == "approve"  ? "approved"
                                                  : std::string(action) == "reject" ? "rejected"
                                                                                    : "as spam"));
        sub->add_option("ID", comments_cmd.ids, "Comment ids")->required();
    }
    for (const char* action : {"open", "close"}) {
        auto* sub = comments->add_subcommand(action, std::string(action) == "open"
                                                         ? "Open an article to new comments"
                                                         : "Close an article to new comments");
        sub->add_option("--site", comments_cmd.site, "Site slug")->required();
        sub->add_option("--article", comments_cmd.article, "Article slug")->required();
    }
    auto* erase =
        comments->add_subcommand("erase", "Remove a reader's comments and address on request.");
    erase->add_option("--email", comments_cmd.email, "The reader's e-mail address")->required();

    std::string migrate_url, migrate_data;
    auto* migrate = app.add_subcommand("migrate", "Bring a database's schema up to date.");
    migrate->add_option("--db", migrate_url, "Database URL: sqlite:PATH or postgresql://...");
    migrate->add_option("--data", migrate_data,
                        "Data directory (its database, when --db is not given)");

    std::string copy_from, copy_to;
    auto* copy = app.add_subcommand(
        "copy", "Copy a whole network between databases (SQLite and PostgreSQL, either way).");
    copy->add_option("--from", copy_from, "Database URL to read")->required();
    copy->add_option("--to", copy_to, "Database URL to write; it must hold no network")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }
    if (app.get_subcommands().empty()) {
        std::cerr << "dateline: a command is required: init, serve, sites, import, migrate or copy "
                     "(see --help)\n";
        return static_cast<int>(ExitCode::Usage);
    }
    if (!listen.empty()) flags["listen"] = listen;
    if (!threads.empty()) flags["threads"] = threads;
    if (!theme.empty()) flags["theme"] = theme;
    if (!db.empty()) flags["db"] = db;
    for (const auto& root : import_roots) {
        if (root.find(config::list_separator) != std::string::npos) {
            std::cerr << "dateline import: --import-root '" << root << "': a folder whose path "
                      << "holds '" << config::list_separator << "' cannot be an import root\n";
            return static_cast<int>(ExitCode::Usage);
        }
        auto& joined = flags["import_roots"];
        joined += (joined.empty() ? "" : std::string(1, config::list_separator)) +
                  fs::absolute(root).lexically_normal().string();
    }

    try {
        if (*init) return command_init(data, flags, demo, public_url, demo_dir);
        if (*serve) return command_serve(data, flags);
        if (*sites) return command_sites(data, flags);
        if (*import) return command_import(data, flags, site_slug, section, publish, files);
        if (*copy) return command_copy(copy_from, copy_to);
        if (*comments) {
            comments_cmd.action = comments->get_subcommands().front()->get_name();
            return command_comments(data, flags, comments_cmd);
        }
        if (*migrate) {
            if (migrate_url.empty() && migrate_data.empty()) {
                std::cerr << "dateline migrate: give --db URL or --data DIR\n";
                return static_cast<int>(ExitCode::Usage);
            }
            if (migrate_url.empty()) {
                auto config = config::load(migrate_data, {}, share_dir / "themes" / "default");
                if (!config) return fail(config.error());
                migrate_url = config->database_url;
            }
            return command_migrate(migrate_url);
        }
    } catch (const std::exception& e) {
        spdlog::critical("unexpected failure: {}", e.what());
        return static_cast<int>(ExitCode::Failed);
    }
    return static_cast<int>(ExitCode::Usage);
}

}  // namespace dateline::cli
