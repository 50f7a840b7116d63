#pragma once

// What a site says of its stories to machines: feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) and
// sitemaps (sitemaps.org 0.9 with Google's image and news extensions), the OpenSearch
// description of the site's search, written from plain values
// so that the formats know nothing of the database. Every string is text as people wrote it
// (escaped here for its format), except `content_html`, which is safe HTML already.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace dateline::site {

/// A story's lead picture as feeds carry it.
struct FeedImage {
    std::string url;  ///< absolute
    std::string mime_type;
    std::int64_t bytes = 0;
    int width = 0;
    int height = 0;
    std::string caption;
    std::string credit;
};

/// One story of a feed.
struct FeedEntry {
    std::string id;  ///< stable and unique over time (a `tag:` URI), not the URL, which may change
    std::string url;
    std::string title;
    std::string summary;       ///< plain text: the standfirst
    std::string content_html;  ///< safe HTML, links absolute
    UnixTime published = 0;
    UnixTime updated = 0;
    std::vector<std::string> authors;
    std::vector<std::string> categories;  ///< the section's name, then the tags'
    std::optional<FeedImage> image;
};

/// A site's, a section's or a tag's newest stories.
struct Feed {
    std::string id;  ///< stable: the listing's URL
    std::string title;
    std::string description;
    std::string language;  ///< BCP 47
    std::string home_url;  ///< the listing's page
    std::string publisher;
    std::string icon_url;
    UnixTime updated = 0;  ///< the latest change of any entry (or 0 for none)
    std::vector<FeedEntry> entries;
};

/// The formats a listing's feed is served in.
enum class FeedFormat { Rss, Atom, Json };
inline constexpr FeedFormat feed_formats[] = {FeedFormat::Rss, FeedFormat::Atom, FeedFormat::Json};
/// The file a format is served at below a listing's path (domain/paths.hpp): "rss.xml",
/// "atom.xml", "feed.json".
std::string_view feed_file(FeedFormat format);
/// Its media type, without parameters: "application/rss+xml", ...
std::string_view feed_media_type(FeedFormat format);
/// Its name for people: "RSS", "Atom", "JSON Feed".
std::string_view feed_format_name(FeedFormat format);

/// The feed in a format, `self_url` being where it is served (each format names itself).
std::string write_feed(const Feed& feed, FeedFormat format, const std::string& self_url);

inline constexpr const char* xml_type = "application/xml; charset=utf-8";

/// A story as Google News wants it in a news sitemap.
struct NewsEntry {
    std::string publication;  ///< the site's name
    std::string language;     ///< ISO 639 ("en", "ar")
    UnixTime published = 0;
    std::string title;
};

/// One address of a sitemap.
struct SitemapUrl {
    std::string loc;  ///< absolute
    UnixTime lastmod = 0;
    std::vector<std::string> images;  ///< absolute
    std::optional<NewsEntry> news;
};

/// A sitemap of a site (at most 50,000 addresses, sitemaps.org's limit, which the caller keeps
/// to).
std::string sitemap(const std::vector<SitemapUrl>& urls);

/// One sitemap an index lists.
struct SitemapRef {
    std::string loc;
    UnixTime lastmod = 0;  ///< 0: unknown, left out
};
std::string sitemap_index(const std::vector<SitemapRef>& sitemaps);

/// What a browser needs to offer a site's search (OpenSearch 1.1).
struct OpenSearchDescription {
    std::string short_name;  ///< cut to OpenSearch's 16 characters
    std::string description;
    std::string language;
    std::string search_url;  ///< absolute, without a query: "?q=" and the words follow
    std::string self_url;    ///< where this description is
    std::string image_url;   ///< absolute; empty: none
    int image_width = 0;
    int image_height = 0;
};
std::string opensearch_description(const OpenSearchDescription& description);

}  // namespace dateline::site
