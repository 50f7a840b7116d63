#include "site/reader_site.hpp"

#include <spdlog/spdlog.h>

#include "site/comment_form.hpp"

namespace dateline::site {

using http::Request;
using http::Response;

namespace {

Response misdirected() {
    return Response::text(421, "Misdirected request: no site here has that host name.\n");
}

}  // namespace

const domain::Section* PageRequest::section(std::string_view slug) const {
    for (const auto& s : snapshot.directory.sections_of(site))
        if (s.slug == slug) return &s;
    return nullptr;
}

ReaderSite::Presentation::Presentation(app::ReaderService& reader, Theme shown_theme,
                                       const std::filesystem::path& media_dir,
                                       const CommentOptions& comments)
    : theme(std::move(shown_theme)),
      assets(theme.assets_dir, "public, max-age=3600"),
      media(media_dir, "public, max-age=31536000, immutable"),
      pages(reader, theme, comments),
      network_routes(site::network_routes(pages, assets, media)),
      site_routes(site::site_routes(pages)) {}

ReaderSite::ReaderSite(app::ReaderService& reader, Theme theme,
                       const std::filesystem::path& media_dir, const CacheOptions& cache,
                       CommentOptions comments, app::MostRead* reads)
    : reader_(reader),
      media_dir_(media_dir),
      comments_(std::move(comments)),
      cache_(cache, reads, comments_.trusted_proxies),
      shown_(std::make_shared<Presentation>(reader, std::move(theme), media_dir, comments_)) {}

Result<std::unique_ptr<ReaderSite>> ReaderSite::create(app::ReaderService& reader,
                                                       app::NetworkDirectory directory, Theme theme,
                                                       const std::filesystem::path& media_dir,
                                                       const CacheOptions& cache,
                                                       CommentOptions comments,
                                                       app::MostRead* reads) {
    auto snap = SiteSnapshot::make(std::move(directory));
    if (!snap) return snap.error();
    std::unique_ptr<ReaderSite> site(
        new ReaderSite(reader, std::move(theme), media_dir, cache, std::move(comments), reads));
    site->snapshot_ = std::move(*snap);
    return site;
}

std::shared_ptr<const SiteSnapshot> ReaderSite::snapshot() const {
    std::lock_guard lock(current_mutex_);
    return snapshot_;
}

ReaderSite::Current ReaderSite::current() const {
    std::lock_guard lock(current_mutex_);
    return {snapshot_, shown_};
}

void ReaderSite::use_theme(Theme theme) {
    auto shown = std::make_shared<Presentation>(reader_, std::move(theme), media_dir_, comments_);
    {
        std::lock_guard lock(current_mutex_);
        shown_ = std::move(shown);
    }
    cache_.clear();
}

Status ReaderSite::refresh() {
    // A section or a picture may have changed, even if the reload fails.
    reader_.forget_cards();
    reader_.forget_stories();
    auto directory = reader_.directory();
    if (!directory) return directory.error();  // keep serving what we have
    auto snap = SiteSnapshot::make(std::move(*directory));
    if (!snap) return snap.error();
    {
        std::lock_guard lock(current_mutex_);
        snapshot_ = std::move(*snap);
    }
    reader_.forget_banners();
    cache_.clear();
    return success();
}

void ReaderSite::drop_changed(const app::ChangedContent& changed) {
    // What pages are made of first, then the pages: a page rendered in between is made afresh.
    reader_.forget_banners();
    // A card shows its story's row, section and picture: only a change to the story alters it
    // here (sections and pictures change the network: refresh()). A site's change (a tag or an
    // author renamed, its banner) shows on no card.
    if (!changed.stories.empty()) {
        std::vector<domain::Id> stories;
        stories.reserve(changed.stories.size());
        for (const auto& s : changed.stories) stories.push_back(s.story);
        reader_.forget_cards(stories);
        reader_.forget_stories(stories);
    }
    // A story's page shows its bylines and tags by name: a site's renamed ones.
    for (const auto site : changed.sites) reader_.forget_stories_of(site);
    // The tags each page noted as it was rendered (PageRequest).
    std::vector<std::string> tags;
    for (const auto site : changed.sites) tags.push_back(page_tag::site(site));
    for (const auto& s : changed.stories) {
        tags.push_back(page_tag::story(s.story));
        tags.push_back(page_tag::home(s.site));
        tags.push_back(page_tag::bylines(s.site));
        tags.push_back(s.section != 0 ? page_tag::section(s.section)
                                      : page_tag::sectionless(s.site));
    }
    for (const auto tag : changed.tags) tags.push_back(page_tag::tag(tag));
    for (const auto story : changed.comments) tags.push_back(page_tag::comments(story));
    cache_.drop_tagged(tags);
}

std::optional<Response> ReaderSite::handle_fast(const Request& request) {
    const auto now = current();
    const auto& snap = now.snapshot;
    const auto& target = request.target;
    // A challenge costs a key derivation, readiness a database query: a worker thread answers.
    if (!target.segments.empty() &&
        (target.segments[0] == comment_check_segment || target.segments[0] == readiness_segment))
        return std::nullopt;
    NetworkRequest network{request, *snap};
    if (auto r = now.shown->network_routes.dispatch(request.method, target.segments,
                                                    target.trailing_slash, network))
        return r;
    const SiteMatch match = match_site(*snap, request);
    if (match.misdirected) return misdirected();
    return cache_.fresh(request, match);
}

Response ReaderSite::handle(const Request& request) {
    const auto now = current();
    const auto& snap = now.snapshot;
    const auto& target = request.target;
    NetworkRequest network{request, *snap};
    if (auto r = now.shown->network_routes.dispatch(request.method, target.segments,
                                                    target.trailing_slash, network))
        return *r;
    const SiteMatch match = match_site(*snap, request);
    if (match.misdirected) return misdirected();
    return cache_.through(request, match, [&] {
        const auto started = std::chrono::steady_clock::now();
        RenderedPage page = site_page(now, request, match);
        if (metrics_)
            metrics_->observe_render(page.response.route,
                                     std::chrono::steady_clock::now() - started);
        return page;
    });
}

std::optional<std::string> ReaderSite::origin_for(const Request& request) const {
    const auto snap = snapshot();
    if (match_site(*snap, request).misdirected) return std::nullopt;
    for (std::size_t i = 0; i < snap->addresses.size(); ++i)
        if (snap->addresses[i].host == request.host) return snap->directory.sites[i].origin();
    if (const auto* fallback = snap->fallback_site()) return fallback->origin();
    return std::string();
}

void ReaderSite::report_to(metrics::Registry& metrics) {
    metrics_ = &metrics;
    metrics.add_collector([this](metrics::Sink& sink) {
        const auto counts = cache_.counts();
        sink.counters("dateline_page_cache_requests_total",
                      "Pages asked of the cache, by outcome: hit (fresh), miss (rendered), stale "
                      "(served while another render runs or the database is down), pass (not "
                      "kept: a query, a POST).",
                      "outcome",
                      {{"hit", counts.hits},
                       {"miss", counts.misses},
                       {"stale", counts.stale},
                       {"pass", counts.passed}});
        for (const auto& [coding, made] :
             {std::pair{"gzip", counts.gzip}, std::pair{"br", counts.brotli}})
            for (const auto& [effort, n] :
                 {std::pair{"fast", made.fast}, std::pair{"thorough", made.thorough}})
                sink.counter("dateline_page_cache_compressions_total",
                             "Kept pages compressed, by coding and effort: fast on the first "
                             "request that takes the coding, thoroughly once sent often.",
                             static_cast<double>(n), {{"coding", coding}, {"effort", effort}});
        sink.counter("dateline_page_cache_decodes_total",
                     "Kept pages' plain bodies decoded from a compressed one, for a reader who "
                     "takes none or for another coding's compression.",
                     static_cast<double>(counts.decoded));
        const auto kept = cache_.statistics();
        sink.gauge("dateline_page_cache_pages", "Pages kept.", static_cast<double>(kept.pages));
        sink.gauge("dateline_page_cache_bytes", "Bytes kept, every coding of each page included.",
                   static_cast<double>(kept.bytes));
        sink.counter("dateline_page_cache_evictions_total",
                     "Pages let go to stay within the byte budget, least recently used first.",
                     static_cast<double>(kept.evicted));
        sink.counter("dateline_page_cache_invalidations_total",
                     "Pages dropped because what they show changed.",
                     static_cast<double>(kept.dropped));
    });
}

RenderedPage ReaderSite::site_page(const Current& now, const Request& request,
                                   const SiteMatch& match) {
    const SiteSnapshot& snap = *now.snapshot;
    ReaderPages& pages = now.shown->pages;
    const auto& segments = request.target.segments;
    const bool read = request.method == http::Method::Get || request.method == http::Method::Head;
    if (!match.site) {
        const domain::Site* fallback = snap.fallback_site();
        if (segments.empty() && fallback) {
            // The network's root: the reader's language among its sites. The answer depends on
            // that header alone, and says so, so that any cache may keep it.
            const auto* site =
                snap.site_for_languages(request.host, request.header("accept-language"));
            Response r = Response::redirect(302, site->path_prefix());
            r.set_header("Vary", "Accept-Language");
            r.set_header("Cache-Control", "public, max-age=300");
            return {std::move(r)};
        }
        if (fallback) return {pages.error_page(snap, *fallback, 404)};
        return {Response::text(404, "Not found\n")};
    }
    const domain::Site& site = *match.site;
    if (match.consumed == segments.size() && !request.target.trailing_slash) {
        if (read) return {Response::redirect(301, site.path_prefix())};
        Response r = Response::text(405, "Method not allowed\n");
        r.set_header("Allow", "GET, HEAD");
        return {std::move(r)};
    }
    // A position that is not one names no page, whichever page it is asked of.
    if (read &&
        (!CachedPages::page_number(request, "comments") || !CachedPages::listing_request(request)))
        return {pages.error_page(snap, site, 404)};
    PageRequest page{request, snap, site, {page_tag::site(site.id)}};
    try {
        auto response = now.shown->site_routes.dispatch(request.method,
                                                        std::span(segments).subspan(match.consumed),
                                                        request.target.trailing_slash, page);
        if (!response) return {pages.error_page(snap, site, 404)};
        return {std::move(*response), std::move(page.cache_tags), page.story_read};
    } catch (const std::exception& e) {
        spdlog::error("{} failed: {}", request.raw_target, e.what());
        return {pages.error_page(snap, site, 500)};
    }
}

}  // namespace dateline::site
