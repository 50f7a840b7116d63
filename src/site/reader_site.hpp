#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "app/content_watch.hpp"
#include "app/reader_service.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "metrics/registry.hpp"
#include "site/cached_pages.hpp"
#include "site/reader_pages.hpp"
#include "site/reader_routes.hpp"
#include "site/site_snapshot.hpp"
#include "site/theme.hpp"

namespace dateline::site {

/// The reader-facing sites of the network. A request goes down once: the network's own paths
/// (reader_routes.hpp: /healthz, /readyz, /assets/, /media/, /comment-check); else the site it is
/// for (site_snapshot.hpp: by host and path prefix; a host name no site has gets 421); the page
/// cache (cached_pages.hpp); the site's route table; a page handler (reader_pages.hpp), which
/// reads through app services. A content change drops the cached pages it touches.
class ReaderSite {
  public:
    /// Fails when a site's time zone or language cannot be formatted.
    static Result<std::unique_ptr<ReaderSite>> create(app::ReaderService& reader,
                                                      app::NetworkDirectory directory, Theme theme,
                                                      const std::filesystem::path& media_dir,
                                                      const CacheOptions& cache = {},
                                                      CommentOptions comments = {},
                                                      app::MostRead* reads = nullptr);

    /// What needs no database and no rendering: cached pages, files, fixed answers. Nothing
    /// when the request needs handle().
    std::optional<http::Response> handle_fast(const http::Request& request);
    /// Any request; may block on the database. With `reads` given at creation, a reader's
    /// request for a story's page (cached or not) counts as a read of it (CachedPages).
    http::Response handle(const http::Request& request);
    /// The public origin ("https://news.example") of the network's site on the request's host
    /// (the default site's, for a host addressed directly); nothing when no site has that host.
    /// For other surfaces served on the same hosts (the newsroom).
    std::optional<std::string> origin_for(const http::Request& request) const;

    /// Reloads the sites and their settings and drops every cached page (a change to the
    /// network, its sites or sections). On failure (the database is down) it keeps what it had
    /// and says why.
    Status refresh();
    /// Renders every page from now on with `theme` (loaded again from its folder: SIGHUP) and
    /// drops every cached page. Renders under way finish with the theme they began with.
    void use_theme(Theme theme);
    /// Drops the cached pages that show what changed: a story's card or page, the home and
    /// section listing it belongs on, a tag's listing, the pages of a story whose comments
    /// changed, every page of a site.
    void drop_changed(const app::ChangedContent& changed);

    /// Times every render into `metrics`, and reports the page cache's outcomes and contents
    /// at each scrape. Call before serving; `metrics` must outlive this.
    void report_to(metrics::Registry& metrics);

  private:
    /// What pages look like: a theme, its assets, the handlers that render with it and the
    /// route tables that reach them. Made whole, and replaced whole by use_theme.
    struct Presentation {
        Presentation(app::ReaderService& reader, Theme theme,
                     const std::filesystem::path& media_dir, const CommentOptions& comments);
        Presentation(const Presentation&) = delete;
        Presentation& operator=(const Presentation&) = delete;
        Theme theme;
        http::StaticFiles assets;
        http::StaticFiles media;
        ReaderPages pages;
        http::Router<NetworkRequest> network_routes;
        http::Router<PageRequest> site_routes;
    };
    /// What one request is answered with, taken together under one lock.
    struct Current {
        std::shared_ptr<const SiteSnapshot> snapshot;
        std::shared_ptr<Presentation> shown;
    };

    ReaderSite(app::ReaderService& reader, Theme theme, const std::filesystem::path& media_dir,
               const CacheOptions& cache, CommentOptions comments, app::MostRead* reads);
    std::shared_ptr<const SiteSnapshot> snapshot() const;
    Current current() const;
    /// A page of the matched site, with what it shows.
    RenderedPage site_page(const Current& now, const http::Request& request,
                           const SiteMatch& match);

    app::ReaderService& reader_;
    std::filesystem::path media_dir_;
    CommentOptions comments_;
    CachedPages cache_;
    metrics::Registry* metrics_ = nullptr;
    mutable std::mutex current_mutex_;
    std::shared_ptr<const SiteSnapshot> snapshot_;
    std::shared_ptr<Presentation> shown_;
};

}  // namespace dateline::site
