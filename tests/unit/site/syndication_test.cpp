// Feeds and sitemaps as their formats require, whatever the text people wrote: markup characters
// escaped, characters XML 1.0 cannot hold left out, every format naming itself. The real parsers'
// verdicts on whole feeds are in tests/http/discovery.test.mjs.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <pugixml.hpp>

#include "site/syndication.hpp"

namespace dateline::site {
namespace {

constexpr UnixTime published = 1'795'000'000;  // 2026-11-18T11:06:40Z

Feed sample_feed() {
    Feed feed;
    feed.id = "https://news.example/en/";
    feed.title = "Harbour & Coast <News>";
    feed.language = "en";
    feed.home_url = "https://news.example/en/";
    feed.publisher = "Harbour & Coast";
    FeedEntry e;
    e.id = "tag:news.example,2026-11-18:en/7";
    e.url = "https://news.example/en/region/ferry";
    // A control character and U+FFFE, which no XML 1.0 document may hold, among markup.
    e.title = "Ferries \"resume\" <today> & \x01tomorrow\xEF\xBF\xBE";
    e.summary = "Crossings restart at dawn & dusk.";
    e.content_html = "<p>The first boat left at 6.</p>";
    e.published = published;
    e.updated = published + 600;
    e.categories = {"Region", "Ferries", "Region"};
    e.image = FeedImage{"https://news.example/media/ab.jpg",
                        "image/jpeg",
                        1234,
                        1200,
                        675,
                        "A ferry at dawn",
                        "Photo: Desk"};
    feed.entries.push_back(e);
    return feed;
}

pugi::xml_document parsed(const std::string& xml) {
    pugi::xml_document doc;
    const auto result = doc.load_string(xml.c_str());
    EXPECT_TRUE(result) << result.description() << "\n" << xml;
    return doc;
}

TEST(Syndication, RssEscapesMarkupAndLeavesOutWhatXmlCannotHold) {
    const auto xml = write_feed(sample_feed(), FeedFormat::Rss, "https://news.example/en/rss.xml");
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos);
    const auto doc = parsed(xml);
    const auto channel = doc.child("rss").child("channel");
    EXPECT_STREQ(channel.child_value("title"), "Harbour & Coast <News>");
    const auto item = channel.child("item");
    EXPECT_STREQ(item.child_value("title"), "Ferries \"resume\" <today> & tomorrow");
    EXPECT_STREQ(item.child_value("pubDate"), "Wed, 18 Nov 2026 11:06:40 GMT");
    EXPECT_STREQ(item.child("guid").attribute("isPermaLink").value(), "false");
    EXPECT_STREQ(item.child_value("content:encoded"), "<p>The first boat left at 6.</p>");
    EXPECT_STREQ(item.child("enclosure").attribute("length").value(), "1234");
    EXPECT_STREQ(item.child("media:content").child_value("media:credit"), "Photo: Desk");
    int categories = 0;
    for ([[maybe_unused]] auto c : item.children("category")) ++categories;
    EXPECT_EQ(categories, 2) << "a section and a tag of one name are one category";
    EXPECT_STREQ(channel.child("atom:link").attribute("href").value(),
                 "https://news.example/en/rss.xml");
    EXPECT_STREQ(channel.child_value("description"), "Harbour &amp; Coast &lt;News&gt;")
        << "RSS requires a description (the title when the site has no tagline), read as HTML";
    EXPECT_STREQ(item.child_value("description"), "Crossings restart at dawn &amp; dusk.")
        << "a plain-text summary escaped for readers that read it as HTML";
}

TEST(Syndication, AtomNamesThePublisherForEntriesWithoutAByline) {
    const auto doc = parsed(write_feed(sample_feed(), FeedFormat::Atom, "https://x.example/a"));
    const auto feed = doc.child("feed");
    EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
    EXPECT_STREQ(feed.child("author").child_value("name"), "Harbour & Coast");
    EXPECT_STREQ(feed.child_value("updated"), "2026-11-18T11:16:40Z") << "the latest change";
    const auto entry = feed.child("entry");
    EXPECT_FALSE(entry.child("author")) << "no byline: the feed's author stands";
    EXPECT_STREQ(entry.child_value("published"), "2026-11-18T11:06:40Z");
    EXPECT_STREQ(entry.child("content").attribute("type").value(), "html");
    EXPECT_STREQ(
        entry.find_child_by_attribute("link", "rel", "enclosure").attribute("type").value(),
        "image/jpeg");
}

TEST(Syndication, AnEmptyFeedIsAsOldAsItSays) {
    Feed feed = sample_feed();
    feed.entries.clear();
    feed.updated = published;
    const auto doc = parsed(write_feed(feed, FeedFormat::Atom, "https://x.example/a"));
    EXPECT_STREQ(doc.child("feed").child_value("updated"), "2026-11-18T11:06:40Z");
}

TEST(Syndication, JsonFeedKeepsTextAsWrittenAndTagsOnce) {
    const auto json =
        boost::json::parse(write_feed(sample_feed(), FeedFormat::Json, "https://x.example/f.json"))
            .as_object();
    EXPECT_EQ(json.at("version").as_string(), "https://jsonfeed.org/version/1.1");
    EXPECT_EQ(json.at("feed_url").as_string(), "https://x.example/f.json");
    const auto& item = json.at("items").as_array().at(0).as_object();
    EXPECT_EQ(item.at("title").as_string(), "Ferries \"resume\" <today> & \x01tomorrow\xEF\xBF\xBE")
        << "JSON holds every character";
    EXPECT_EQ(item.at("tags").as_array().size(), 2u);
    EXPECT_EQ(item.at("date_modified").as_string(), "2026-11-18T11:16:40Z");
    EXPECT_EQ(item.at("image").as_string(), "https://news.example/media/ab.jpg");
}

TEST(Syndication, SitemapsCarryNewsAndPicturesAndLeaveOutUnknownDates) {
    SitemapUrl story{"https://news.example/en/region/ferry?a=1&b=2",
                     published,
                     {"https://news.example/media/ab.jpg"},
                     NewsEntry{"Harbour & Coast", "en", published, "Ferries <resume>"}};
    SitemapUrl home{"https://news.example/en/", 0, {}, {}};
    const auto doc = parsed(sitemap({story, home}));
    const auto set = doc.child("urlset");
    const auto first = set.child("url");
    EXPECT_STREQ(first.child_value("loc"), "https://news.example/en/region/ferry?a=1&b=2");
    EXPECT_STREQ(first.child_value("lastmod"), "2026-11-18T11:06:40Z");
    EXPECT_STREQ(first.child("news:news").child("news:publication").child_value("news:name"),
                 "Harbour & Coast");
    EXPECT_STREQ(first.child("news:news").child_value("news:title"), "Ferries <resume>");
    EXPECT_STREQ(first.child("image:image").child_value("image:loc"),
                 "https://news.example/media/ab.jpg");
    EXPECT_FALSE(first.next_sibling("url").child("lastmod"));

    const auto index = parsed(sitemap_index({{"https://news.example/en/sitemaps/pages.xml", 0}}));
    EXPECT_STREQ(index.child("sitemapindex").child("sitemap").child_value("loc"),
                 "https://news.example/en/sitemaps/pages.xml");
}

TEST(Syndication, EachFormatHasItsFileAndType) {
    EXPECT_EQ(feed_file(FeedFormat::Rss), "rss.xml");
    EXPECT_EQ(feed_file(FeedFormat::Atom), "atom.xml");
    EXPECT_EQ(feed_file(FeedFormat::Json), "feed.json");
    EXPECT_EQ(feed_media_type(FeedFormat::Json), "application/feed+json");
}

}  // namespace
}  // namespace dateline::site
