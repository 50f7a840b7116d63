// The reader surface's route tables, read top to bottom: the first match answers.
#include "site/reader_routes.hpp"

#include "domain/paths.hpp"
#include "site/cached_pages.hpp"
#include "site/comment_form.hpp"

namespace dateline::site {

namespace {

using http::Response;
using http::RouteParams;

// The network's page for "not found".
Response not_found(ReaderPages& pages, NetworkRequest& r) {
    if (const auto* site = r.snapshot.fallback_site())
        return pages.error_page(r.snapshot, *site, 404);
    return Response::text(404, "Not found\n");
}

// A file below the folder, or "not found".
auto serve_file(ReaderPages& pages, const http::StaticFiles& files) {
    return [&pages, &files](NetworkRequest& r, const RouteParams&) -> Response {
        const auto& segments = r.http.target.segments;
        if (auto file = files.serve(r.http, {segments.begin() + 1, segments.end()})) return *file;
        return not_found(pages, r);
    };
}

using ListingShow = http::Response (ReaderPages::*)(PageRequest&, std::string_view,
                                                    const app::ListingRequest&);
using ListingRedirect = http::Response (ReaderPages::*)(PageRequest&, std::string_view);

// A named listing below `segment` ("tags/ports/"): its first page, its pages from a story
// ("older/ID/", "newer/ID/"), and its name without the slash, redirected.
void add_named_listing(http::Router<PageRequest>& routes, ReaderPages& pages,
                       std::string_view segment, ListingShow show, ListingRedirect redirect) {
    const std::string named = std::string(segment) + "/{name}";
    routes
        .get(named + "/",
             [&pages, show](PageRequest& r, const RouteParams& p) {
                 return (pages.*show)(r, p["name"], {});
             })
        .get(named + "/{direction}/{story}/",
             [&pages, show](PageRequest& r, const RouteParams& p) {
                 const auto at = CachedPages::listing_at(p["direction"], p["story"]);
                 return at ? (pages.*show)(r, p["name"], *at)
                           : pages.error_page(r.snapshot, r.site, 404);
             })
        .get(named, [&pages, redirect](PageRequest& r, const RouteParams& p) {
            return (pages.*redirect)(r, p["name"]);
        });
}

}  // namespace

http::Router<NetworkRequest> network_routes(ReaderPages& pages, const http::StaticFiles& assets,
                                            const http::StaticFiles& media) {
    http::Router<NetworkRequest> routes;
    routes.get("healthz", [](auto&, auto&) { return Response::text(200, "ok\n"); })
        .get(readiness_segment, [&pages](auto&, auto&) { return pages.readiness_show(); })
        .get("robots.txt",
             [](NetworkRequest& r, auto&) { return ReaderPages::robots_show(r.snapshot, r.http); })
        .get("assets/*", serve_file(pages, assets))
        // Browsers ask every host for its icon at the root, whatever the page says.
        .get(std::string(domain::favicon_file),
             [&pages, &assets](NetworkRequest& r, auto&) {
                 static const std::vector<std::string> icon{"img",
                                                            std::string(domain::favicon_file)};
                 if (auto file = assets.serve(r.http, icon)) return *file;
                 return not_found(pages, r);
             })
        .get("media/*", serve_file(pages, media));
    if (pages.takes_comments())
        routes.get(comment_check_segment,
                   [&pages](NetworkRequest& r, auto&) { return pages.comment_check_show(r.http); });
    return routes;
}

http::Router<PageRequest> site_routes(ReaderPages& pages) {
    http::Router<PageRequest> routes("/{site}/");
    routes.get("", [&pages](PageRequest& r, auto&) { return pages.home_show(r); });
    // Before the patterns a file name would also match ("{section}", "{section}/{slug}").
    for (const auto format : feed_formats) {
        const std::string file(feed_file(format));
        routes
            .get(file,
                 [&pages, format](PageRequest& r, auto&) { return pages.site_feed(r, format); })
            .get("tags/{tag}/" + file,
                 [&pages, format](PageRequest& r, const RouteParams& p) {
                     return pages.tag_feed(r, p["tag"], format);
                 })
            .get("authors/{author}/" + file,
                 [&pages, format](PageRequest& r, const RouteParams& p) {
                     return pages.author_feed(r, p["author"], format);
                 })
            .get("{section}/" + file, [&pages, format](PageRequest& r, const RouteParams& p) {
                return pages.section_feed(r, p["section"], format);
            });
    }
    routes
        .get(std::string(domain::search_segment),
             [&pages](PageRequest& r, auto&) { return pages.search_show(r); })
        .get(std::string(domain::opensearch_file),
             [&pages](PageRequest& r, auto&) { return pages.opensearch_show(r); })
        .get(std::string(domain::web_manifest_file),
             [&pages](PageRequest& r, auto&) { return pages.manifest_show(r); })
        .get(std::string(domain::sitemap_file),
             [&pages](PageRequest& r, auto&) { return pages.sitemap_index_show(r); });
    add_named_listing(routes, pages, domain::tags_segment, &ReaderPages::tag_show,
                      &ReaderPages::tag_redirect);
    add_named_listing(routes, pages, domain::authors_segment, &ReaderPages::author_show,
                      &ReaderPages::author_redirect);
    routes
        .get("{section}/",
             [&pages](PageRequest& r, const RouteParams& p) {
                 return pages.section_show(r, p["section"]);
             })
        // A name without a slash: a sitemap beside the index ("sitemap-news.xml"), else a
        // section asked for without its slash.
        .get("{name}",
             [&pages](PageRequest& r, const RouteParams& p) {
                 return domain::is_listed_sitemap_name(p["name"])
                            ? pages.sitemap_show(r, p["name"])
                            : pages.section_redirect(r, p["name"]);
             })
        .get("{section}/{direction}/{story}/",
             [&pages](PageRequest& r, const RouteParams& p) {
                 const auto at = CachedPages::listing_at(p["direction"], p["story"]);
                 return at ? pages.section_show(r, p["section"], *at)
                           : pages.error_page(r.snapshot, r.site, 404);
             })
        .get("{section}/{slug}",
             [&pages](PageRequest& r, const RouteParams& p) {
                 return pages.article_show(r, p["section"], p["slug"]);
             })
        .post("{section}/{slug}",
              [&pages](PageRequest& r, const RouteParams& p) {
                  return pages.comment_create(r, p["section"], p["slug"]);
              })
        .get("{section}/{slug}/", [&pages](PageRequest& r, const RouteParams& p) {
            return pages.article_redirect(r, p["section"], p["slug"]);
        });
    return routes;
}

}  // namespace dateline::site
