#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "app/reader_service.hpp"
#include "core/result.hpp"
#include "site/reader_site.hpp"

namespace dateline::site {

struct ExportOptions {
    std::filesystem::path out;
    /// One site by slug; every site of the network when empty.
    std::optional<std::string> site;
    /// Told how many pages are written so far, after each.
    std::function<void(std::size_t pages)> progress;
};

struct ExportSummary {
    std::size_t pages = 0;
    std::size_t files = 0;  ///< feeds, sitemaps, robots.txt, assets and pictures
};

/// Writes the reader sites as static files that any web server serves as they are: every page a
/// reader can reach (home, sections and tags with every older page, articles), rendered by
/// `site` exactly as it serves them, each at `<path>/index.html` (a server redirects
/// `/en/world/story` to the folder and serves its index); the feeds of the sites, sections and
/// tags and the sites' sitemaps, each at its own name; the theme's assets and the stored
/// pictures; `404.html`; and at the root, a page leading to the network's default site and
/// `robots.txt`. Pages
/// are written from scratch; a page that fails to render stops the export with its path.
Result<ExportSummary> export_static(ReaderSite& site, app::ReaderService& reader,
                                    const app::NetworkDirectory& directory,
                                    const std::filesystem::path& assets_dir,
                                    const std::filesystem::path& media_dir,
                                    const ExportOptions& options);

}  // namespace dateline::site
