#include "site/syndication.hpp"

#include <boost/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "domain/paths.hpp"
#include "http/validators.hpp"
#include "sanitize/html_sanitizer.hpp"

namespace dateline::site {

namespace {

constexpr const char* generator = "Dateline";

// Text XML 1.0 may hold: C0 controls other than tab and line breaks, and U+FFFE and U+FFFF, are
// not characters there at all (no escape makes them legal), so they are left out.
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

pugi::xml_node element(pugi::xml_node parent, const char* name, std::string_view text = {}) {
    auto node = parent.append_child(name);
    if (!text.empty()) node.text().set(xml_text(text).c_str());
    return node;
}

void attribute(pugi::xml_node node, const char* name, std::string_view value) {
    node.append_attribute(name).set_value(xml_text(value).c_str());
}

pugi::xml_document document() {
    pugi::xml_document doc;
    auto declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    return doc;
}

std::string serialise(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    out << '\n';
    return std::move(out).str();
}

// The latest change the feed shows: its newest entry's, or the caller's when it has none.
UnixTime feed_updated(const Feed& feed) {
    UnixTime latest = feed.updated;
    for (const auto& e : feed.entries) latest = std::max({latest, e.updated, e.published});
    return latest;
}

UnixTime entry_updated(const FeedEntry& e) {
    return std::max(e.updated, e.published);
}

// Tags are a set in JSON Feed; a section and a tag of the same name are one category.
std::vector<std::string> unique_categories(const FeedEntry& e) {
    std::vector<std::string> out;
    for (const auto& c : e.categories)
        if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    return out;
}

std::string rss_feed(const Feed& feed, const std::string& self_url) {
    auto doc = document();
    auto rss = doc.append_child("rss");
    attribute(rss, "version", "2.0");
    attribute(rss, "xmlns:atom", "http://www.w3.org/2005/Atom");
    attribute(rss, "xmlns:content", "http://purl.org/rss/1.0/modules/content/");
    attribute(rss, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    attribute(rss, "xmlns:media", "http://search.yahoo.com/mrss/");
    auto channel = element(rss, "channel");
    element(channel, "title", feed.title);
    element(channel, "link", feed.home_url);
    // RSS readers read descriptions as HTML: plain text goes in escaped.
    element(channel, "description",
            sanitize::escape_html(feed.description.empty() ? feed.title : feed.description));
    element(channel, "language", feed.language);
    element(channel, "lastBuildDate", http::format_http_date(feed_updated(feed)));
    element(channel, "generator", generator);
    auto self = element(channel, "atom:link");
    attribute(self, "href", self_url);
    attribute(self, "rel", "self");
    attribute(self, "type", "application/rss+xml");
    for (const auto& e : feed.entries) {
        auto item = element(channel, "item");
        element(item, "title", e.title);
        element(item, "link", e.url);
        auto guid = element(item, "guid", e.id);
        attribute(guid, "isPermaLink", "false");
        if (!e.summary.empty()) element(item, "description", sanitize::escape_html(e.summary));
        element(item, "content:encoded", e.content_html);
        element(item, "pubDate", http::format_http_date(e.published));
        for (const auto& author : e.authors) element(item, "dc:creator", author);
        for (const auto& category : unique_categories(e)) element(item, "category", category);
        if (e.image) {
            const auto& image = *e.image;
            auto enclosure = element(item, "enclosure");
            attribute(enclosure, "url", image.url);
            attribute(enclosure, "length", std::to_string(image.bytes));
            attribute(enclosure, "type", image.mime_type);
            auto media = element(item, "media:content");
            attribute(media, "url", image.url);
            attribute(media, "type", image.mime_type);
            attribute(media, "medium", "image");
            attribute(media, "width", std::to_string(image.width));
            attribute(media, "height", std::to_string(image.height));
            if (!image.caption.empty())
                attribute(element(media, "media:description", image.caption), "type", "plain");
            if (!image.credit.empty()) element(media, "media:credit", image.credit);
        }
    }
    return serialise(doc);
}

std::string atom_feed(const Feed& feed, const std::string& self_url) {
    auto doc = document();
    auto root = doc.append_child("feed");
    attribute(root, "xmlns", "http://www.w3.org/2005/Atom");
    attribute(root, "xml:lang", feed.language);
    element(root, "id", feed.id);
    element(root, "title", feed.title);
    if (!feed.description.empty()) element(root, "subtitle", feed.description);
    element(root, "updated", format_utc_iso8601(feed_updated(feed)));
    auto link = [](pugi::xml_node parent, const char* rel, const char* type,
                   const std::string& href) {
        auto l = element(parent, "link");
        attribute(l, "rel", rel);
        attribute(l, "type", type);
        attribute(l, "href", href);
        return l;
    };
    link(root, "alternate", "text/html", feed.home_url);
    link(root, "self", "application/atom+xml", self_url);
    // Entries without a byline are the publisher's (Atom wants an author for every entry).
    element(element(root, "author"), "name", feed.publisher);
    element(root, "generator", generator);
    if (!feed.icon_url.empty()) element(root, "icon", feed.icon_url);
    for (const auto& e : feed.entries) {
        auto entry = element(root, "entry");
        element(entry, "id", e.id);
        element(entry, "title", e.title);
        link(entry, "alternate", "text/html", e.url);
        element(entry, "published", format_utc_iso8601(e.published));
        element(entry, "updated", format_utc_iso8601(entry_updated(e)));
        for (const auto& author : e.authors) element(element(entry, "author"), "name", author);
        for (const auto& category : unique_categories(e))
            attribute(element(entry, "category"), "term", category);
        if (!e.summary.empty()) attribute(element(entry, "summary", e.summary), "type", "text");
        attribute(element(entry, "content", e.content_html), "type", "html");
        if (e.image)
            attribute(link(entry, "enclosure", e.image->mime_type.c_str(), e.image->url), "length",
                      std::to_string(e.image->bytes));
    }
    return serialise(doc);
}

std::string json_feed(const Feed& feed, const std::string& self_url) {
    namespace json = boost::json;
    json::object root;
    root["version"] = "https://jsonfeed.org/version/1.1";
    root["title"] = feed.title;
    root["home_page_url"] = feed.home_url;
    root["feed_url"] = self_url;
    if (!feed.description.empty()) root["description"] = feed.description;
    root["language"] = feed.language;
    if (!feed.icon_url.empty()) root["favicon"] = feed.icon_url;
    root["authors"] = json::array{json::object{{"name", feed.publisher}}};
    json::array items;
    for (const auto& e : feed.entries) {
        json::object item;
        item["id"] = e.id;
        item["url"] = e.url;
        item["title"] = e.title;
        if (!e.summary.empty()) item["summary"] = e.summary;
        item["content_html"] = e.content_html;
        if (e.image) item["image"] = e.image->url;
        item["date_published"] = format_utc_iso8601(e.published);
        item["date_modified"] = format_utc_iso8601(entry_updated(e));
        if (!e.authors.empty()) {
            json::array authors;
            for (const auto& a : e.authors) authors.push_back(json::object{{"name", a}});
            item["authors"] = std::move(authors);
        }
        const auto categories = unique_categories(e);
        if (!categories.empty()) {
            json::array tags;
            for (const auto& c : categories) tags.emplace_back(c);
            item["tags"] = std::move(tags);
        }
        item["language"] = feed.language;
        items.push_back(std::move(item));
    }
    root["items"] = std::move(items);
    return json::serialize(root) + "\n";
}

}  // namespace

namespace {

// Each format's file, media type and name, in FeedFormat's order.
struct FormatFacts {
    std::string_view file;
    std::string_view media_type;
    std::string_view name;
};
constexpr FormatFacts format_facts[] = {
    {domain::rss_file, "application/rss+xml", "RSS"},
    {domain::atom_file, "application/atom+xml", "Atom"},
    {domain::json_feed_file, "application/feed+json", "JSON Feed"},
};
static_assert(static_cast<int>(FeedFormat::Rss) == 0 && static_cast<int>(FeedFormat::Json) == 2);

const FormatFacts& facts(FeedFormat format) {
    return format_facts[static_cast<std::size_t>(format)];
}

}  // namespace

std::string_view feed_file(FeedFormat format) {
    return facts(format).file;
}

std::string_view feed_media_type(FeedFormat format) {
    return facts(format).media_type;
}

std::string_view feed_format_name(FeedFormat format) {
    return facts(format).name;
}

std::string write_feed(const Feed& feed, FeedFormat format, const std::string& self_url) {
    switch (format) {
        case FeedFormat::Atom:
            return atom_feed(feed, self_url);
        case FeedFormat::Json:
            return json_feed(feed, self_url);
        case FeedFormat::Rss:
            break;
    }
    return rss_feed(feed, self_url);
}

std::string sitemap(const std::vector<SitemapUrl>& urls) {
    auto doc = document();
    auto set = doc.append_child("urlset");
    attribute(set, "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    attribute(set, "xmlns:image", "http://www.google.com/schemas/sitemap-image/1.1");
    attribute(set, "xmlns:news", "http://www.google.com/schemas/sitemap-news/0.9");
    for (const auto& u : urls) {
        auto url = element(set, "url");
        element(url, "loc", u.loc);
        if (u.lastmod != 0) element(url, "lastmod", format_utc_iso8601(u.lastmod));
        if (u.news) {
            auto news = element(url, "news:news");
            auto publication = element(news, "news:publication");
            element(publication, "news:name", u.news->publication);
            element(publication, "news:language", u.news->language);
            element(news, "news:publication_date", format_utc_iso8601(u.news->published));
            element(news, "news:title", u.news->title);
        }
        for (const auto& image : u.images) element(element(url, "image:image"), "image:loc", image);
    }
    return serialise(doc);
}

std::string sitemap_index(const std::vector<SitemapRef>& sitemaps) {
    auto doc = document();
    auto index = doc.append_child("sitemapindex");
    attribute(index, "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    for (const auto& s : sitemaps) {
        auto entry = element(index, "sitemap");
        element(entry, "loc", s.loc);
        if (s.lastmod != 0) element(entry, "lastmod", format_utc_iso8601(s.lastmod));
    }
    return serialise(doc);
}

std::string opensearch_description(const OpenSearchDescription& d) {
    auto doc = document();
    auto root = doc.append_child("OpenSearchDescription");
    attribute(root, "xmlns", "http://a9.com/-/spec/opensearch/1.1/");
    std::string short_name;
    std::size_t characters = 0;
    for (const char c : d.short_name) {
        const bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts_character && ++characters > 16) break;
        short_name += c;
    }
    element(root, "ShortName", short_name);
    element(root, "Description", d.description);
    element(root, "InputEncoding", "UTF-8");
    element(root, "Language", d.language);
    if (!d.image_url.empty()) {
        auto image = element(root, "Image", d.image_url);
        attribute(image, "width", std::to_string(d.image_width));
        attribute(image, "height", std::to_string(d.image_height));
        attribute(image, "type", "image/png");
    }
    auto search = element(root, "Url");
    attribute(search, "type", "text/html");
    attribute(search, "method", "get");
    attribute(search, "template", d.search_url + "?q={searchTerms}");
    auto self = element(root, "Url");
    attribute(self, "type", "application/opensearchdescription+xml");
    attribute(self, "rel", "self");
    attribute(self, "template", d.self_url);
    return serialise(doc);
}

}  // namespace dateline::site
