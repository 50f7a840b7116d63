// dateline export: the reader sites as static files (site/static_export.hpp), for an archive, a
// CDN origin, or the fallback while the database is down.
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "app/reader_service.hpp"
#include "cli/command.hpp"
#include "site/reader_site.hpp"
#include "site/static_export.hpp"

namespace dateline::cli {

namespace {

struct ExportArgs {
    std::string out;
    std::string site;
};

int run_export(const DataOptions& data, const ExportArgs& args) {
    auto opened = data.open(true);
    if (!opened) return fail(opened.error());
    const auto& config = opened->config;
    SystemClock clock;
    app::ReaderService reader(*opened->database, clock);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    auto theme = site::load_theme(config.theme_dir);
    if (!theme) return fail(theme.error());
    const auto assets = theme->assets_dir;
    // Every page rendered once, as served, without the page cache or the comment form (a static
    // copy takes no comments).
    auto created = site::ReaderSite::create(reader, *directory, std::move(*theme), config.media_dir,
                                            {0, std::chrono::seconds(0)});
    if (!created) return fail(created.error());

    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    site::ExportOptions options;
    options.out = args.out;
    if (!args.site.empty()) options.site = args.site;
    if (terminal)
        options.progress = [](std::size_t pages) {
            if (pages % 25 == 0) std::cerr << "\rexported " << pages << " pages" << std::flush;
        };
    const auto started = std::chrono::steady_clock::now();
    auto exported =
        site::export_static(**created, reader, *directory, assets, config.media_dir, options);
    if (terminal) std::cerr << "\r" << std::string(40, ' ') << "\r";
    if (!exported) return fail(exported.error());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "Exported " << exported->pages << " pages and " << exported->files << " files to "
              << args.out << " in " << seconds << " s ("
              << static_cast<long long>(static_cast<double>(exported->pages) /
                                        std::max(seconds, 1e-6))
              << " pages/s)" << std::endl;
    return 0;
}

}  // namespace

Command export_command(CLI::App& app) {
    auto data = std::make_shared<DataOptions>();
    auto args = std::make_shared<ExportArgs>();
    auto* command = app.add_subcommand(
        "export", "Write the reader sites as static files any web server can serve.");
    data->add_to(*command);
    command->add_option("--out", args->out, "Folder to write into (created when missing)")
        ->required();
    command->add_option("--site", args->site, "Only this site (by slug)");
    data->add_flag(*command, "--theme", "theme", "Theme folder (default: the built-in theme)");
    return {command, [data, args] { return run_export(*data, *args); }};
}

}  // namespace dateline::cli
