// What crawlers read: robots.txt for each host, and each site's sitemaps. A site's sitemap index
// (`sitemap.xml`) lists, beside it, a sitemap of its home, sections, tags and authors
// (`sitemap-pages.xml`), a Google News sitemap of the last two days (`sitemap-news.xml`, when
// there is news), and its stories by spans of ids (`sitemap-stories-N.xml`): a span holds at most
// ReaderService::sitemap_span ids, so a sitemap stays far below the 50,000 addresses allowed,
// and an old span's sitemap changes only when one of its stories does.
#include <algorithm>
#include <charconv>

#include "core/ascii.hpp"
#include "domain/paths.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"
#include "site/syndication.hpp"

namespace dateline::site {

namespace {

// A part holds at most sitemap_span stories: far below what one sitemap may list.
static_assert(app::ReaderService::sitemap_span <= 50'000);

using domain::sitemap_news_file;
using domain::sitemap_pages_file;

http::Response xml(std::string body) {
    http::Response r;
    r.body = std::move(body);
    r.set_header("Content-Type", xml_type);
    return r;
}

std::string sitemaps_url(const domain::Site& site, std::string_view file) {
    return site.origin() + site.path_prefix() + std::string(file);
}

// The span a `sitemap-stories-N.xml` names, spelled exactly as sitemap_stories_file spells it.
std::optional<std::int64_t> span_of(std::string_view file) {
    constexpr std::string_view prefix = "sitemap-stories-";
    if (!file.starts_with(prefix)) return std::nullopt;
    std::int64_t span = 0;
    const auto [end, ec] =
        std::from_chars(file.data() + prefix.size(), file.data() + file.size(), span);
    if (ec != std::errc() || span < 0 ||
        span > std::numeric_limits<std::int64_t>::max() / app::ReaderService::sitemap_span - 1 ||
        domain::sitemap_stories_file(span) != file)
        return std::nullopt;
    return span;
}

// Google News wants an ISO 639 code: the language subtag of the site's BCP 47 tag.
std::string news_language(const domain::Site& site) {
    return ascii_lowercase(std::string_view(site.language).substr(0, site.language.find('-')));
}

SitemapUrl story_url(const domain::Site& site, const domain::Article& a) {
    SitemapUrl url;
    url.loc = site.origin() + story_path(site, a);
    url.lastmod = std::max(a.updated_at, a.first_published_at);
    if (a.lead_image) url.images.push_back(site.origin() + "/media/" + a.lead_image->file_name);
    return url;
}

}  // namespace

http::Response ReaderPages::sitemap_index_show(PageRequest& request) {
    const domain::Site& site = request.site;
    request.cache_tags.push_back(page_tag::home(site.id));
    auto spans = reader_.story_spans(site);
    if (!spans) return failure(request.snapshot, site, spans.error());
    UnixTime latest = 0;
    for (const auto& s : *spans) latest = std::max(latest, s.last_changed);
    // A sitemap holds one address or more: the news sitemap is listed while there is news.
    auto news = reader_.news_stories(site, 1);
    if (!news) return failure(request.snapshot, site, news.error());
    std::vector<SitemapRef> refs{{sitemaps_url(site, sitemap_pages_file), latest}};
    if (!news->empty()) refs.push_back({sitemaps_url(site, sitemap_news_file), latest});
    for (const auto& s : *spans)
        refs.push_back(
            {sitemaps_url(site, domain::sitemap_stories_file(s.number)), s.last_changed});
    return xml(sitemap_index(refs));
}

http::Response ReaderPages::sitemap_show(PageRequest& request, std::string_view file) {
    const domain::Site& site = request.site;
    const auto& snapshot = request.snapshot;
    request.cache_tags.push_back(page_tag::home(site.id));
    std::vector<SitemapUrl> urls;
    if (file == sitemap_pages_file) {
        auto activity = reader_.listing_activity(snapshot.directory, site);
        if (!activity) return failure(snapshot, site, activity.error());
        const std::string prefix = site.path_prefix();
        urls.push_back({site.origin() + prefix, activity->home, {}, {}});
        if (activity->sectionless != 0)
            urls.push_back(
                {site.origin() + domain::section_path(prefix, domain::sectionless_segment),
                 activity->sectionless,
                 {},
                 {}});
        for (const auto& [section, latest] : activity->sections)
            urls.push_back(
                {site.origin() + domain::section_path(prefix, section.slug), latest, {}, {}});
        for (const auto& [tag, latest] : activity->tags)
            urls.push_back({site.origin() + domain::tag_path(prefix, tag.slug), latest, {}, {}});
        for (const auto& [author, latest] : activity->authors)
            urls.push_back(
                {site.origin() + domain::author_path(prefix, author.slug), latest, {}, {}});
    } else if (file == sitemap_news_file) {
        auto stories = reader_.news_stories(site);
        if (!stories) return failure(snapshot, site, stories.error());
        if (stories->empty()) return error_page(snapshot, site, 404);
        for (const auto& a : *stories) {
            auto url = story_url(site, a);
            url.news = NewsEntry{site.name, news_language(site), a.first_published_at, a.headline};
            urls.push_back(std::move(url));
        }
    } else if (const auto span = span_of(file)) {
        auto stories = reader_.span_stories(site, *span);
        if (!stories) return failure(snapshot, site, stories.error());
        if (stories->empty()) return error_page(snapshot, site, 404);
        for (const auto& a : *stories) urls.push_back(story_url(site, a));
    } else {
        return error_page(snapshot, site, 404);
    }
    return xml(sitemap(urls));
}

http::Response ReaderPages::robots_show(const SiteSnapshot& snapshot,
                                        const http::Request& request) {
    const auto& sites = snapshot.directory.sites;
    // The sites on the host asked (lowercased by the server); a host no site names (an address,
    // `localhost`) is the default site's, as its pages are.
    std::string host = request.host;
    const bool named = std::any_of(sites.begin(), sites.end(),
                                   [&](const domain::Site& s) { return s.host() == host; });
    if (!named)
        if (const auto* fallback = snapshot.fallback_site()) host = fallback->host();
    std::string body =
        "# Crawlers may read every reader page; the newsroom, the API, the comment form's\n"
        "# security checks and the results of searches are not for them.\n"
        "User-agent: *\n"
        "Disallow: /newsroom/\n"
        "Disallow: /api/\n"
        "Disallow: /comment-check\n";
    std::string sitemaps;
    for (const auto& s : sites)
        if (s.host() == host) {
            body += "Disallow: " + domain::search_path(s.path_prefix()) + "\n";
            sitemaps += "Sitemap: " + s.origin() + s.path_prefix() +
                        std::string(domain::sitemap_file) + "\n";
        }
    body += "Allow: /\n\n" + sitemaps;
    http::Response r = http::Response::text(200, std::move(body));
    r.set_header("Cache-Control", "public, max-age=3600");
    return r;
}

}  // namespace dateline::site
