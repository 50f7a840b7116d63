// dateline wires: the wire desk's sources (add, list, remove), one pass over them (run --once),
// and the queue of what they brought (queue).
#include <iostream>

#include "app/media_service.hpp"
#include "app/wire_desk.hpp"
#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "fetch/http_fetcher.hpp"
#include "media/image_library.hpp"

namespace dateline::cli {

namespace {

struct WiresOptions {
    DataOptions data;
    std::string action;  // the chosen subcommand
    std::string name;
    std::string folder;
    std::string url;
    int every = 60;
    std::string site;
    std::string section;
    bool auto_publish = false;
    bool once = false;
    std::string source;
    int limit = 100;
};

// Tabs and line breaks inside a field would break the one-line, tab-separated output.
std::string field(std::string text) {
    for (auto& c : text)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return text;
}

int run_wires(const WiresOptions& o) {
    auto opened = o.data.open(true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    media::ImageLibrary images(opened->config.media_dir);
    app::MediaService media(*opened->database, images, clock);
    app::ArticleService articles(*opened->database, media, clock);
    const fetch::HttpFetcher fetcher(opened->config.wire_allow_private_addresses);
    app::WireDesk desk(*opened->database, articles, clock, opened->config.wire_dir,
                       opened->config.import_roots, fetcher);
    if (o.action == "add") {
        if (o.url.empty() && o.folder.empty()) {
            std::cerr << "dateline wires add: give the source's --folder or its --url\n";
            return static_cast<int>(ExitCode::Usage);
        }
        const bool pulled = !o.url.empty();
        auto added =
            pulled ? desk.add_url_source(o.name, o.url, o.site, o.section, o.auto_publish, o.every)
                   : desk.add_source(o.name, o.folder, o.site, o.section, o.auto_publish);
        if (!added) return fail(added.error());
        std::cout << "Wire source " << added->name << (pulled ? " pulls " : " reads ")
                  << added->location
                  << (pulled ? " every " + std::to_string(added->poll_seconds) + " seconds" : "")
                  << " for " << added->site_slug
                  << (added->section_slug.empty() ? "" : "/" + added->section_slug)
                  << (added->auto_publish ? ", publishing what it brings.\n" : ".\n");
        return 0;
    }
    if (o.action == "list") {
        auto all = desk.sources();
        if (!all) return fail(all.error());
        for (const auto& s : *all) {
            std::cout << s.name << '\t' << s.location << '\t' << s.site_slug << '\t'
                      << s.section_slug << '\t' << (s.auto_publish ? "publish" : "queue");
            // A URL source's schedule and health: how often, failures in a row, when it is
            // next due, the last failure's reason.
            if (s.kind == domain::WireSourceKind::Url)
                std::cout << "\tevery " << s.poll_seconds << "s\t" << s.failures
                          << (s.failures == 1 ? " failure" : " failures") << '\t'
                          << (s.next_poll_at > 0 ? format_utc_iso8601(s.next_poll_at) : "") << '\t'
                          << field(s.last_error);
            std::cout << '\n';
        }
        return 0;
    }
    if (o.action == "remove") {
        if (auto removed = desk.remove_source(o.name); !removed) return fail(removed.error());
        std::cout << "Wire source " << o.name << " is removed; what it brought stays queued.\n";
        return 0;
    }
    if (o.action == "queue") {
        domain::WireQueueQuery query;
        query.source_name = o.source;
        query.limit = o.limit;
        auto items = desk.queue(query);
        if (!items) return fail(items.error());
        for (const auto& r : *items)
            std::cout << r.id << '\t' << field(r.source_name) << '\t' << field(r.item.language)
                      << '\t' << field(r.item.version) << '\t'
                      << (r.item.embargoed_until ? format_utc_iso8601(*r.item.embargoed_until) : "")
                      << '\t' << field(r.item.headline) << '\n';
        return 0;
    }
    // run: --once is the only way for now; `serve` works the sources while it runs.
    auto run = desk.run_once(app::WireDesk::Pulls::Now);
    if (!run) return fail(run.error());
    for (const auto& problem : run->problems) std::cerr << problem << '\n';
    std::cout << run->received << " received, " << run->published << " published, " << run->repeated
              << " already received, " << run->failed << " refused\n";
    return run->problems.empty() ? 0 : static_cast<int>(ExitCode::Failed);
}

}  // namespace

Command wires_command(CLI::App& app) {
    auto o = std::make_shared<WiresOptions>();
    auto* wires = app.add_subcommand("wires", "The wire desk: agency sources and their queue.");
    o->data.add_to(*wires);
    wires->fallthrough();
    wires->require_subcommand(1);
    auto* add = wires->add_subcommand("add",
                                      "Add a source: a folder agencies drop wire files into, or "
                                      "an address to pull "
                                      "(ninjs, NewsML-G2, NITF, RSS, Atom), feeding a site.");
    add->add_option("--name", o->name, "The source's name (letters, digits, '-', '_')")->required();
    auto* folder = add->add_option("--folder", o->folder, "The folder the agency's files land in");
    auto* url = add->add_option(
        "--url", o->url, "The address of a feed or an agency's endpoint to pull (http, https)");
    folder->excludes(url);
    add->add_option("--every", o->every,
                    "With --url: pull it every this many seconds (10 to 86400; default 60)")
        ->needs(url);
    add->add_option("--site", o->site, "Slug of the site it feeds")->required();
    add->add_option("--section", o->section, "Slug of the section its stories go to");
    add->add_flag("--auto-publish", o->auto_publish,
                  "Publish each item as it arrives (else it waits in the queue)");
    wires->add_subcommand("list",
                          "The sources, one a line: name, folder or URL, site, section, publish "
                          "or queue, and for a URL its schedule, failures in a row, next pull "
                          "and last error (tab-separated).");
    wires->add_subcommand("remove", "Remove a source; what it brought stays queued.")
        ->add_option("NAME", o->name, "The source's name")
        ->required();
    auto* queue = wires->add_subcommand(
        "queue",
        "The queue, newest first, one item a line: id, source, language, version, embargo, "
        "headline (tab-separated).");
    queue->add_option("--source", o->source, "Only this source's items");
    queue->add_option("--limit", o->limit, "At most this many (default 100)")
        ->check(CLI::Range(1, 10000));
    wires
        ->add_subcommand("run",
                         "Read every source once (complete files, and a pull of every URL), "
                         "for scripts and cron.")
        ->add_flag("--once", o->once, "Once, then exit (serve works the sources as it runs)")
        ->required();
    return {wires, [o, wires] {
                o->action = wires->get_subcommands().front()->get_name();
                return run_wires(*o);
            }};
}

}  // namespace dateline::cli
