#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>

#include "app/comment_intake.hpp"
#include "app/local_limits.hpp"
#include "app/reader_service.hpp"
#include "cache/page_cache.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "http/static_files.hpp"
#include "render/catalog.hpp"
#include "render/date_formatter.hpp"
#include "render/template_engine.hpp"

namespace dateline::site {

/// The theme a reader site renders with: its templates, strings and assets folder.
struct Theme {
    std::unique_ptr<render::TemplateEngine> templates;
    render::Catalog catalog;
    std::filesystem::path assets_dir;
};

/// Loads and checks a theme folder (templates/, i18n/, assets/); every template the reader site
/// needs must be there and parse.
Result<Theme> load_theme(const std::filesystem::path& theme_dir);

/// How rendered pages are kept.
struct CacheOptions {
    std::size_t max_bytes = 64 * 1024 * 1024;
    std::chrono::seconds fresh_for{30};
};

/// How the sites take reader comments. Without an intake, article pages show no form.
struct CommentOptions {
    app::CommentIntake* intake = nullptr;
    const app::SecurityCheck* check = nullptr;     ///< the intake's; renders challenges, questions
    app::LocalLimits* challenge_limits = nullptr;  ///< per address, on /comment-check
    app::LocalLimits* challenge_network_limits = nullptr;  ///< per IP network, likewise
    /// Proxies whose X-Forwarded-For names the reader (for the per-address limit).
    std::vector<std::string> trusted_proxies;
};

struct CommentFormState;

/// The reader-facing sites of the network: home, section, tag and article pages per site,
/// matched by host and path prefix of each site's base URL, plus theme assets (/assets/),
/// stored images (/media/) and /healthz. A request for a host name no site has is misdirected
/// (421, a fixed answer); an IP address or `localhost` is matched on the path alone. Articles
/// take comments by POST (see comment_form.hpp), and /comment-check hands out security-check
/// challenges. Rendered pages are cached per site and canonical path (each response says
/// `X-Dateline-Cache: hit|miss|stale`); a content change drops the pages it touches; while the
/// database is unavailable a cached page is served stale rather than a 503.
class ReaderSite {
  public:
    /// Fails when a site's time zone or language cannot be formatted.
    static Result<std::unique_ptr<ReaderSite>> create(app::ReaderService& reader,
                                                      app::NetworkDirectory directory, Theme theme,
                                                      const std::filesystem::path& media_dir,
                                                      const CacheOptions& cache = {},
                                                      CommentOptions comments = {});

    /// What needs no database and no rendering: cached pages, files, fixed answers. Nothing
    /// when the request needs handle().
    std::optional<http::Response> handle_fast(const http::Request& request);
    /// Any request; may block on the database.
    http::Response handle(const http::Request& request);

    /// Reloads the sites and their settings and drops every cached page (a change to the
    /// network, its sites or sections). On failure (the database is down) it keeps what it had
    /// and says why.
    Status refresh();
    /// Drops the cached pages of one site (one of its stories came, went or changed).
    void drop_site_pages(domain::Id site);
    /// Drops the cached pages of one story (the comments under it changed).
    void drop_article_pages(domain::Id article);

  private:
    /// What requests read together: the sites and their date formatters, replaced whole.
    struct Snapshot {
        app::NetworkDirectory directory;
        std::map<domain::Id, render::DateFormatter> formatters;
    };
    struct PageContext;
    /// The site a request is for and how many path segments its prefix took.
    struct SiteMatch {
        const domain::Site* site = nullptr;
        std::size_t consumed = 0;
        bool misdirected = false;  ///< a host name no site has
    };

    ReaderSite(app::ReaderService& reader, Theme theme, const std::filesystem::path& media_dir,
               const CacheOptions& cache, CommentOptions comments);
    static Result<std::shared_ptr<const Snapshot>> make_snapshot(app::NetworkDirectory directory);
    std::shared_ptr<const Snapshot> snapshot() const;

    SiteMatch match_site(const Snapshot& snap, const http::Request& request) const;
    /// `tags` receives what the page shows, for the cache.
    http::Response route(const Snapshot& snap, const http::Request& request, const SiteMatch& match,
                         std::vector<std::string>& tags);
    http::Response site_page(const Snapshot& snap, const http::Request& request,
                             const domain::Site& site, std::span<const std::string> rest,
                             std::vector<std::string>& tags);
    http::Response home(const Snapshot& snap, const domain::Site& site);
    http::Response section(const Snapshot& snap, const domain::Site& site,
                           const domain::Section& section, int page);
    http::Response tag(const Snapshot& snap, const domain::Site& site, const std::string& slug,
                       int page);
    http::Response article(const Snapshot& snap, const domain::Site& site,
                           const domain::Section* section, const std::string& slug,
                           const CommentFormState* form = nullptr, int status = 200,
                           int comments_page = 1, std::vector<std::string>* cache_tags = nullptr);
    http::Response post_comment(const Snapshot& snap, const http::Request& request,
                                const domain::Site& site, const domain::Section* section,
                                const std::string& slug);
    http::Response comment_check(const http::Request& request);
    http::Response listing(const Snapshot& snap, const domain::Site& site, const std::string& kind,
                           const std::string& title, const std::string& path,
                           std::string_view current_section, const app::ArticlePage& page);
    /// An error page; with `kept`, it also holds the comment the reader sent, ready to send
    /// again to `kept_action`, so that an outage loses nothing they wrote.
    http::Response error_page(const Snapshot& snap, const domain::Site& site, int status,
                              const CommentFormState* kept = nullptr,
                              const std::string& kept_action = {},
                              std::int64_t retry_after_seconds = 0);
    http::Response failure(const Snapshot& snap, const domain::Site& site, const Error& error,
                           const CommentFormState* kept = nullptr,
                           const std::string& kept_action = {});
    void setup(PageContext& page, const Snapshot& snap, std::string_view current_section);
    http::Response render(const PageContext& page, const std::string& template_name, int status);

    app::ReaderService& reader_;
    Theme theme_;
    http::StaticFiles assets_;
    http::StaticFiles media_;
    cache::PageCache cache_;
    CommentOptions comments_;
    mutable std::mutex snapshot_mutex_;
    std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace dateline::site
