#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/comment_intake.hpp"
#include "app/local_limits.hpp"
#include "app/reader_service.hpp"
#include "http/message.hpp"
#include "site/comment_form.hpp"
#include "site/site_snapshot.hpp"
#include "site/syndication.hpp"
#include "site/theme.hpp"

namespace dateline::site {

struct PageView;
struct NavEntry;

/// How the sites take reader comments. Without an intake, article pages show no form.
struct CommentOptions {
    app::CommentIntake* intake = nullptr;
    const app::SecurityCheck* check = nullptr;             ///< the intake's
    app::LocalLimits* challenge_limits = nullptr;          ///< per address, on /comment-check
    app::LocalLimits* challenge_network_limits = nullptr;  ///< per IP network, likewise
    /// Proxies whose X-Forwarded-For names the reader (for the per-address limits).
    std::vector<std::string> trusted_proxies;
};

/// The names a cached page is tagged with, saying what it shows, so that the cache drops it when
/// that changes (ReaderSite::drop_changed). One place, for the pages that note them and the
/// watcher that drops them.
namespace page_tag {
inline std::string tagged(const char* kind, domain::Id id) {
    return kind + std::to_string(id);
}
/// Every page of a site.
inline std::string site(domain::Id id) {
    return tagged("site:", id);
}
/// A site's home page, where new stories lead.
inline std::string home(domain::Id site) {
    return tagged("home:", site);
}
/// Every page of a section's or a tag's listing.
inline std::string section(domain::Id id) {
    return tagged("section:", id);
}
inline std::string tag(domain::Id id) {
    return tagged("tag:", id);
}
/// Every page of a site's author listings. Any story change of the site may add a story to an
/// author's listing or take one from it (a change names the story, not its bylines), so these
/// go with the home page.
inline std::string bylines(domain::Id site) {
    return tagged("bylines:", site);
}
/// Every page of a site's listing of stories without a section (`<prefix>news/`).
inline std::string sectionless(domain::Id site) {
    return tagged("sectionless:", site);
}
/// A story's own pages and every page carrying its card.
inline std::string story(domain::Id id) {
    return tagged("story:", id);
}
/// The pages that show a story's comments (its own).
inline std::string comments(domain::Id story) {
    return tagged("article:", story);
}
}  // namespace page_tag

/// What a page handler is given: the request, the sites as they are, the site it is for, and
/// where it notes what the page shows (page_tag).
struct PageRequest {
    const http::Request& http;
    const SiteSnapshot& snapshot;
    const domain::Site& site;
    std::vector<std::string> cache_tags;
    domain::Id story_read = 0;  ///< the story this page is: a reader's request is a read of it

    /// The page shows `story` (its card, or the story itself).
    void shows(const domain::Article& story) { shows(story.id); }
    void shows(const app::Card& story) { shows(story->id); }
    void shows(domain::Id story) { cache_tags.push_back(page_tag::story(story)); }

    const render::DateFormatter& dates() const { return snapshot.formatters.at(site.id); }
    /// The site's section with this slug, if any.
    const domain::Section* section(std::string_view slug) const;
};

/// The reader pages' handlers, `<resource>_<action>`, one file each under pages/: they read
/// content through app::ReaderService and the comment intake, and build their views with
/// page_view.hpp. The route tables (reader_routes.hpp) say which request reaches which.
class ReaderPages {
  public:
    ReaderPages(app::ReaderService& reader, const Theme& theme, CommentOptions comments)
        : reader_(reader),
          theme_(theme),
          comments_(std::move(comments)),
          comment_text_(theme.catalog) {}

    // pages/home.cpp
    http::Response home_show(PageRequest& request);
    // pages/listing.cpp: the newest stories, or those older or newer than a story (`at`)
    http::Response section_show(PageRequest& request, std::string_view section,
                                const app::ListingRequest& at = {});
    http::Response section_redirect(PageRequest& request, std::string_view section);
    /// The site's stories without a section, at their folder (`<prefix>news/`): what
    /// section_show answers for that name.
    http::Response sectionless_show(PageRequest& request, const app::ListingRequest& at);
    http::Response tag_show(PageRequest& request, std::string_view tag,
                            const app::ListingRequest& at = {});
    http::Response tag_redirect(PageRequest& request, std::string_view tag);
    http::Response author_show(PageRequest& request, std::string_view author,
                               const app::ListingRequest& at = {});
    http::Response author_redirect(PageRequest& request, std::string_view author);
    // pages/article.cpp: `?comments=N`, `?comment=received`
    http::Response article_show(PageRequest& request, std::string_view section,
                                std::string_view slug);
    http::Response article_redirect(PageRequest& request, std::string_view section,
                                    std::string_view slug);
    // pages/comments.cpp
    http::Response comment_create(PageRequest& request, std::string_view section,
                                  std::string_view slug);
    /// A security-check challenge for `?article=ID` (any host, any site).
    http::Response comment_check_show(const http::Request& request);
    /// /readyz: 200 when this node can serve readers (app::ReaderService::ready), else 503
    /// saying why. Never cached.
    http::Response readiness_show();
    bool takes_comments() const { return comments_.intake && comments_.check; }

    // pages/feeds.cpp: the newest stories of the site, a section or a tag
    http::Response site_feed(PageRequest& request, FeedFormat format);
    http::Response section_feed(PageRequest& request, std::string_view section, FeedFormat format);
    http::Response tag_feed(PageRequest& request, std::string_view tag, FeedFormat format);
    http::Response author_feed(PageRequest& request, std::string_view author, FeedFormat format);

    // pages/sitemaps.cpp: the site's sitemap index (sitemap.xml) and the sitemaps it lists
    // (sitemaps/pages.xml, sitemaps/news.xml, sitemaps/stories-N.xml)
    http::Response sitemap_index_show(PageRequest& request);
    http::Response sitemap_show(PageRequest& request, std::string_view file);
    /// robots.txt for the request's host: what crawlers may read, and its sites' sitemaps.
    static http::Response robots_show(const SiteSnapshot& snapshot, const http::Request& request);

    // pages/search.cpp: `?q=words&page=N`, and the OpenSearch description of it
    http::Response search_show(PageRequest& request);
    http::Response opensearch_show(PageRequest& request);

    // pages/manifest.cpp: the site as a web app (name, language, start, icons)
    http::Response manifest_show(PageRequest& request);

    // pages/errors.cpp
    /// An error page in the site's language; with `kept`, it also holds the comment the reader
    /// sent, ready to send again to `kept_action`, so that nothing they wrote is lost.
    http::Response error_page(const SiteSnapshot& snapshot, const domain::Site& site, int status,
                              const CommentFormState* kept = nullptr,
                              const std::string& kept_action = {},
                              std::int64_t retry_after_seconds = 0);
    /// The page for a failure: 404 for NotFound, 503 while the database is unavailable, else
    /// 500 (logged).
    http::Response failure(const SiteSnapshot& snapshot, const domain::Site& site,
                           const Error& error, const CommentFormState* kept = nullptr,
                           const std::string& kept_action = {});

  private:
    /// setup_page, and the site's breaking-news banner while one is up (left out of pages that
    /// say the database failed: `with_banner` false).
    void begin_page(PageView& view, const SiteSnapshot& snapshot, NavEntry current,
                    bool with_banner = true);
    /// What a missing page offers instead: the site's search and its newest stories.
    void add_ways_on(PageView& view, const SiteSnapshot& snapshot);
    http::Response feed(PageRequest& request, FeedFormat format, const std::string& path,
                        const std::string& title, const app::FeedSource& source);
    /// What a listing page says of itself, above its stories.
    struct ListingHeading {
        std::string kind{};   ///< "Section", "Topic", "Author"
        std::string title{};  ///< its name
        std::string note{};   ///< a line under the title (an author's role); may be empty
        std::string path{};   ///< its first page's, below the site
        std::string_view current_section{};  ///< the navigation's current entry; empty: none
        /// What the listing's feeds call themselves (pages/feeds.cpp); empty: "<kind>: <title>".
        std::string feed_title{};
        std::string json_ld{};  ///< structured data beside the breadcrumb; may be empty
        /// The listing's most read stories (a section's), under the page's stories; may be empty.
        std::vector<app::Card> most_read{};
    };
    http::Response listing(PageRequest& request, const ListingHeading& heading,
                           const app::ListingRequest& asked, const app::ArticlePage& page);
    /// The story page; with `form`, the comment form as a submission left it.
    http::Response article_page(PageRequest& request, const domain::Section* section,
                                const std::string& slug, const CommentFormState* form, int status,
                                int comments_page);

    app::ReaderService& reader_;
    const Theme& theme_;
    CommentOptions comments_;
    CommentFormText comment_text_;
};

}  // namespace dateline::site
