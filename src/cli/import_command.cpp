// dateline import: wire files (ninjs, NewsML-G2, NITF, RSS, Atom) as articles of a site, one
// line per story (its URL when published, else its id); a malformed file or story is named on
// standard error and the others go on.
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/article_service.hpp"
#include "app/media_service.hpp"
#include "app/wire_pictures.hpp"
#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "fetch/http_fetcher.hpp"
#include "ingest/item_files.hpp"
#include "ingest/wire_document.hpp"
#include "media/image_library.hpp"

namespace dateline::cli {

namespace {

struct ImportOptions {
    DataOptions data;
    std::string site;
    std::string section;
    bool publish = false;
    std::vector<std::string> files;
    std::vector<std::string> import_roots;
};

// Imports the stories of one file; says what happened to each on stdout (the URL or id) or
// stderr (the problem). False when any story of the file was not imported.
bool import_one(app::ArticleService& articles, const app::WirePictures& pictures,
                const std::string& file, const ImportOptions& o,
                const std::vector<fs::path>& import_roots) {
    auto text = ingest::read_item_text(file);
    auto document =
        text ? ingest::read_wire_document(*text, fs::path(file).parent_path(), import_roots)
             : Result<ingest::WireDocument>(text.error());
    if (!document) {
        std::cerr << file << ": " << document.error().message << "\n";
        return false;
    }
    bool all = document->skipped.empty();
    for (const auto& reason : document->skipped) std::cerr << file << ": " << reason << "\n";
    for (auto& item : document->items) {
        // A remote picture is fetched for the import, which stores its own copy.
        const bool fetched = pictures.fetch(item);
        const std::string fetched_file = fetched ? item.image->location : std::string();
        for (const auto& warning : item.warnings)
            std::cerr << file << ": warning: " << warning << "\n";
        auto saved = articles.import_wire_item(o.site, item, o.publish, o.section);
        if (fetched) {
            std::error_code ec;
            fs::remove(fetched_file, ec);
        }
        if (!saved) {
            std::cerr << file << ": " << saved.error().message << "\n";
            if (!saved.error().cause.empty()) spdlog::error("{}: {}", file, saved.error().cause);
            all = false;
            continue;
        }
        std::cout << (saved->visible ? saved->url : std::to_string(saved->id)) << "\n";
    }
    return all;
}

int run_import(ImportOptions& o) {
    for (const auto& root : o.import_roots) {
        if (root.find(config::list_separator) != std::string::npos) {
            std::cerr << "dateline import: --import-root '" << root << "': a folder whose path "
                      << "holds '" << config::list_separator << "' cannot be an import root\n";
            return static_cast<int>(ExitCode::Usage);
        }
    }
    if (!o.import_roots.empty()) {
        std::string joined;
        for (const auto& root : o.import_roots)
            joined += (joined.empty() ? "" : std::string(1, config::list_separator)) +
                      fs::absolute(root).lexically_normal().string();
        o.data.set_override("import_roots", joined);
    }
    auto opened = o.data.open(true);
    if (!opened) return fail(opened.error());
    const auto& roots = opened->config.import_roots;
    for (const auto& root : roots) {
        std::error_code ec;
        if (!fs::is_directory(root, ec))
            return fail("the import root '" + root.string() + "' is not a folder");
    }
    SystemClock clock;
    media::ImageLibrary images(opened->config.media_dir);
    app::MediaService media(*opened->database, images, clock);
    app::ArticleService articles(*opened->database, media, clock);
    const fetch::HttpFetcher fetcher(opened->config.wire_allow_private_addresses);
    const app::WirePictures pictures(opened->config.wire_dir / "pictures", fetcher);
    int failures = 0;
    for (const auto& file : o.files) {
        try {
            failures += import_one(articles, pictures, file, o, roots) ? 0 : 1;
        } catch (const std::exception& e) {
            // One file's unexpected failure must not take the others down with it.
            std::cerr << file << ": could not be imported (unexpected failure)\n";
            spdlog::error("importing {}: {}", file, e.what());
            ++failures;
        }
    }
    return failures == 0 ? 0 : static_cast<int>(ExitCode::Failed);
}

}  // namespace

Command import_command(CLI::App& app) {
    auto o = std::make_shared<ImportOptions>();
    auto* import = app.add_subcommand(
        "import",
        "Import wire files (IPTC ninjs, NewsML-G2, NITF; RSS, Atom) as articles of a site.");
    o->data.add_to(*import);
    import->add_option("--site", o->site, "Slug of the site to import into")->required();
    import->add_option("--section", o->section, "Section slug for the imported articles");
    import->add_flag("--publish", o->publish,
                     "Publish at the item's first-created time (else draft)");
    import->add_option("--import-root", o->import_roots,
                       "A folder that pictures' file: URLs may point into, besides the item's "
                       "own (repeatable; replaces import_roots from the configuration)");
    import
        ->add_option("FILE", o->files,
                     "wire files: ninjs (JSON), NewsML-G2, NITF, RSS or Atom (XML)")
        ->required()
        ->check(CLI::ExistingFile);
    return {import, [o] { return run_import(*o); }};
}

}  // namespace dateline::cli
