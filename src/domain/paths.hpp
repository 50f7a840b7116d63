#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::domain {

/// Where readers find things on a site, below its path prefix ("/en/") or base URL: the one
/// place that spells the reader site's addresses, for the pages and for what prints them.

/// The path segment that holds articles without a section.
inline constexpr std::string_view sectionless_segment = "news";
/// The path segment that holds tag pages.
inline constexpr std::string_view tags_segment = "tags";
/// The path segment that holds author pages.
inline constexpr std::string_view authors_segment = "authors";

/// The files of a listing's feeds, below the listing's path ("/en/", "/en/world/",
/// "/en/tags/ports/").
inline constexpr std::string_view rss_file = "rss.xml";
inline constexpr std::string_view atom_file = "atom.xml";
inline constexpr std::string_view json_feed_file = "feed.json";
/// A site's sitemap index, below its prefix, and the sitemaps it lists, beside it (a sitemap may
/// list only addresses below its own folder): the site's listings, its news of the last days,
/// and its stories by span of ids ("sitemap-stories-3.xml").
inline constexpr std::string_view sitemap_file = "sitemap.xml";
inline constexpr std::string_view sitemap_pages_file = "sitemap-pages.xml";
inline constexpr std::string_view sitemap_news_file = "sitemap-news.xml";
std::string sitemap_stories_file(std::int64_t span);
/// True for a name spelled as the sitemaps an index lists are ("sitemap-….xml"); no section
/// slug is (a slug has no dot).
bool is_listed_sitemap_name(std::string_view name);

/// A site's web app manifest, below its prefix, and the icon a host serves at its root.
inline constexpr std::string_view web_manifest_file = "manifest.webmanifest";
inline constexpr std::string_view favicon_file = "favicon.ico";

/// A site's search page and the OpenSearch description of it, below its prefix.
inline constexpr std::string_view search_segment = "search";
inline constexpr std::string_view opensearch_file = "opensearch.xml";

/// A slug as one URL path segment: unreserved ASCII as is, everything else percent-encoded.
std::string encode_path_segment(std::string_view slug);

/// "<prefix><section>/<slug>" ("<prefix>news/<slug>" without a section).
std::string article_path(std::string_view prefix, std::string_view section_slug,
                         std::string_view article_slug);
/// "<prefix><section>/".
std::string section_path(std::string_view prefix, std::string_view section_slug);
/// "<prefix>search", with "?q=<query>" when there is one and "&page=<page>" past the first.
std::string search_path(std::string_view prefix, std::string_view query = {}, int page = 1);
/// "<prefix>tags/<tag>/".
std::string tag_path(std::string_view prefix, std::string_view tag_slug);
/// "<prefix>authors/<author>/".
std::string author_path(std::string_view prefix, std::string_view author_slug);

}  // namespace dateline::domain
