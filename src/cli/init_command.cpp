// dateline init: a data directory with its database and network (the demo network with --demo).
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/article_service.hpp"
#include "app/media_service.hpp"
#include "app/network_setup.hpp"
#include "cli/command.hpp"
#include "media/image_library.hpp"
#include "provision/demo_loader.hpp"
#include "provision/network_file.hpp"

namespace dateline::cli {

namespace {

struct InitOptions {
    DataOptions data;
    bool demo = false;
    std::string public_url = "http://localhost:8080";
    std::string demo_dir = (share_dir() / "demo").string();
};

int run_init(const InitOptions& o) {
    auto public_url = provision::normalise_public_url(o.public_url);
    if (!public_url) return fail(public_url.error());
    std::error_code ec;
    fs::create_directories(o.data.data(), ec);
    if (ec) return fail("cannot create '" + o.data.data().string() + "': " + ec.message());
    auto opened = o.data.open(false);
    if (!opened) return fail(opened.error());
    auto& database = *opened->database;

    const fs::path demo_dir = o.demo_dir;
    auto spec = o.demo ? provision::read_network_spec(demo_dir / "network.json", *public_url)
                       : Result<domain::NetworkSpec>(provision::default_network_spec(*public_url));
    if (!spec) return fail(spec.error());
    if (auto created = app::create_network(database, *spec); !created) return fail(created.error());
    if (o.demo) {
        SystemClock clock;
        media::ImageLibrary images(opened->config.media_dir);
        app::MediaService media(database, images, clock);
        app::ArticleService articles(database, media, clock);
        auto count = provision::load_demo_articles(articles, media, *spec, demo_dir, clock.now());
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

}  // namespace

Command init_command(CLI::App& app) {
    auto o = std::make_shared<InitOptions>();
    auto* init =
        app.add_subcommand("init", "Create a data directory with its database and network.");
    o->data.add_to(*init);
    init->add_flag("--demo", o->demo, "Fill it with the bilingual demo network");
    init->add_option("--public-url", o->public_url, "Address readers use; sites live below it")
        ->capture_default_str();
    init->add_option("--demo-dir", o->demo_dir, "Where the demo content is")->capture_default_str();
    return {init, [o] { return run_init(*o); }};
}

}  // namespace dateline::cli
