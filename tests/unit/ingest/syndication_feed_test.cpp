#include "ingest/syndication_feed.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "ingest/item_files.hpp"

namespace dateline::ingest {

namespace fs = std::filesystem;

namespace {

// The feeds of tests/fixtures/feeds/ (README there), read with that folder as their own.
const fs::path feeds = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures/feeds";

Result<WireDocument> fixture(const std::string& name) {
    auto text = read_item_text(feeds / name);
    if (!text) return Error::invalid(name + ": " + text.error().message);
    return parse_syndication_feed(*text, feeds, {});
}

Result<WireDocument> parse(const std::string& xml) {
    return parse_syndication_feed(xml, feeds, {});
}

std::string iso(const std::optional<UnixTime>& t) {
    return t ? format_utc_iso8601(*t) : "-";
}

std::string picture(const std::string& relative) {
    return fs::weakly_canonical(feeds / relative).string();
}

using Strings = std::vector<std::string>;

}  // namespace

TEST(SyndicationFeed, ReadsAnRss2FeedWithContentEncodedCreatorsAndAPicture) {
    const auto doc = fixture("rss2-coastline.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->format, "RSS 2.0");
    EXPECT_EQ(doc->skipped, Strings{});
    ASSERT_EQ(doc->items.size(), 2u);

    const auto& first = doc->items[0];
    EXPECT_EQ(first.format, "RSS 2.0");
    EXPECT_EQ(first.guid, "urn:example:coastline:2025-0612-causeway");
    EXPECT_EQ(first.version, "");
    EXPECT_EQ(first.headline, "Causeway to Tamarisk Island reopens after storm repairs");
    EXPECT_EQ(first.standfirst, "The four-kilometre causeway carries traffic again.");
    // The body is the feed's HTML as it came: the caller sanitizes it.
    EXPECT_EQ(first.body_html,
              "<p>Engineers reopened the causeway at dawn, nine days after waves tore away part "
              "of its western wall.</p>\n<p>Lorries carrying fish and building sand were the "
              "first across. <script>alert(\"x\")</script></p>");
    EXPECT_EQ(first.byline, "Hala Mansour, Peter Quaile");
    EXPECT_EQ(first.tags, (Strings{"Transport", "Weather"}));
    EXPECT_EQ(iso(first.first_created), "2025-06-12T07:45:00Z");
    EXPECT_EQ(iso(first.version_created), "2025-06-12T07:45:00Z");
    EXPECT_EQ(first.language, "en-gb");
    EXPECT_EQ(first.source_credit, "Coastline Wire & Partners");
    EXPECT_EQ(first.dateline, "");
    EXPECT_EQ(first.status, domain::WireStatus::Usable);
    EXPECT_FALSE(first.urgency);
    EXPECT_FALSE(first.embargoed_until);
    ASSERT_TRUE(first.image);
    EXPECT_EQ(first.image->location, picture("pictures/causeway-dawn.jpg"));
    EXPECT_EQ(first.image->caption, "Lorries queue at the eastern end of the causeway at dawn.");
    EXPECT_EQ(first.image->credit, "Coastline Wire/Idris Falak");
    // The remote thumbnail gives way to the local picture without a word.
    EXPECT_EQ(first.warnings, Strings{});

    const auto& second = doc->items[1];
    // No guid: the link is its identity (the atom:link before it is not the RSS link).
    EXPECT_EQ(second.guid, "https://wire.example.org/coast/ferry-summer");
    EXPECT_EQ(second.headline, "Ferry timetable extended for the summer");
    EXPECT_EQ(second.standfirst, "Two extra crossings a day from July.");
    EXPECT_EQ(second.body_html,
              "<p>The island ferry will sail six times a day from the first of July, the operator "
              "said.</p>");
    EXPECT_EQ(second.byline, "Nadia Brook");
    EXPECT_EQ(second.tags, Strings{});
    EXPECT_EQ(iso(second.first_created), "2025-06-12T09:00:00Z");
    EXPECT_EQ(second.source_credit, "Harbour Authority Bulletin");
    EXPECT_EQ(second.language, "en-gb");
    EXPECT_FALSE(second.image);
    EXPECT_EQ(second.warnings, Strings{});
}

TEST(SyndicationFeed, ReadsAnArabicRssFeedWhoseDescriptionIsTheBody) {
    const auto doc = fixture("rss2-arabic-description.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->format, "RSS 2.0");
    ASSERT_EQ(doc->items.size(), 3u);

    const auto& market = doc->items[0];
    EXPECT_EQ(market.guid, "https://ar.wire.example.org/news/4101");
    EXPECT_EQ(market.headline, "افتتاح سوق السمك الجديد في ميناء القرنفل");
    EXPECT_EQ(market.standfirst, "");
    // Escaped HTML is HTML.
    EXPECT_EQ(market.body_html,
              "<p>افتتحت البلدية صباح اليوم سوق السمك الجديد في ميناء القرنفل.</p><p>ويضم السوق "
              "<b>أربعين</b> بسطة للصيادين.</p>");
    EXPECT_EQ(market.byline, "newsroom@ar.wire.example.org");  // an address with no name
    EXPECT_EQ(market.tags, (Strings{"اقتصاد", "صيد"}));
    EXPECT_EQ(iso(market.first_created), "2025-06-02T11:30:00Z");  // 6:30 EST
    EXPECT_EQ(market.language, "ar");
    EXPECT_EQ(market.source_credit, "وكالة أنباء الساحل");
    EXPECT_EQ(market.warnings, Strings{});

    const auto& festival = doc->items[1];
    // Plain text: its blank line separates paragraphs, its ampersand is escaped.
    EXPECT_EQ(festival.body_html,
              "<p>قررت اللجنة المنظمة تأجيل المهرجان بسبب الأمطار &amp; الرياح.</p><p>ويقام "
              "المهرجان عادة في الساحة القديمة.</p>");
    EXPECT_EQ(iso(festival.first_created), "2025-06-03T18:05:00Z");  // "3 Jun 25 14:05 EDT"
    EXPECT_EQ(iso(festival.version_created), "2025-06-03T18:05:00Z");

    const auto& english = doc->items[2];
    EXPECT_EQ(english.language, "en");  // the item's xml:lang over the channel's language
    EXPECT_EQ(english.body_html, "<p>The organisers blamed the rain.</p>");
    EXPECT_FALSE(english.first_created);
    EXPECT_FALSE(english.version_created);
    EXPECT_EQ(english.warnings,
              Strings{"its pubDate 'yesterday morning' is not a date Dateline can read; left out"});
}

TEST(SyndicationFeed, ReadsRss091) {
    const auto doc = fixture("rss091-lighthouse.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->format, "RSS 0.91");
    ASSERT_EQ(doc->items.size(), 2u);
    const auto& lamp = doc->items[0];
    EXPECT_EQ(lamp.format, "RSS 0.91");
    EXPECT_EQ(lamp.guid, "https://lighthouse.example.org/notes/new-lamp");
    EXPECT_EQ(lamp.headline, "New lamp fitted at Cape Saltmarsh");
    EXPECT_EQ(lamp.standfirst, "");
    EXPECT_EQ(lamp.body_html,
              "<p>The old lamp served for forty years.</p><p>The new one uses a tenth of the "
              "power.</p>");
    EXPECT_EQ(lamp.byline, "");
    EXPECT_EQ(lamp.language, "en-us");
    EXPECT_EQ(lamp.source_credit, "Lighthouse Keepers' Newsletter");
    EXPECT_FALSE(lamp.first_created);
    EXPECT_FALSE(lamp.image);
    EXPECT_EQ(doc->items[1].guid, "https://lighthouse.example.org/notes/gallery");
}

TEST(SyndicationFeed, ReadsAtomHtmlAndXhtmlContent) {
    const auto doc = fixture("atom-html-xhtml.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->format, "Atom 1.0");
    EXPECT_EQ(doc->skipped, Strings{});
    ASSERT_EQ(doc->items.size(), 2u);

    const auto& ferry = doc->items[0];
    EXPECT_EQ(ferry.format, "Atom 1.0");
    EXPECT_EQ(ferry.guid, "urn:example:meridian:2025:solar-ferry");
    EXPECT_EQ(ferry.headline, "Solar ferry completes first crossing");
    EXPECT_EQ(ferry.standfirst, "The boat crossed the bay on sunlight alone.");
    EXPECT_EQ(ferry.body_html,
              "<p>The <em>Sunward</em> crossed the bay in 41 minutes.</p><p>Its batteries were "
              "still half full.</p>");
    EXPECT_EQ(ferry.byline, "Omar Haddad, Lena Fischer");
    EXPECT_EQ(ferry.tags, (Strings{"Energy", "shipping"}));
    EXPECT_EQ(iso(ferry.first_created), "2025-07-01T02:00:00Z");
    EXPECT_EQ(iso(ferry.version_created), "2025-07-01T08:30:00Z");
    EXPECT_EQ(ferry.version, "2025-07-01T08:30:00Z");
    EXPECT_EQ(ferry.language, "en");
    EXPECT_EQ(ferry.source_credit, "Meridian & Partners Wire");  // an html title made text
    ASSERT_TRUE(ferry.image);
    EXPECT_EQ(ferry.image->location, picture("pictures/causeway-dawn.jpg"));
    EXPECT_EQ(ferry.image->caption, "The Sunward at the north pier");
    EXPECT_EQ(ferry.image->credit, "");
    EXPECT_EQ(ferry.warnings, Strings{});

    const auto& dredging = doc->items[1];
    EXPECT_EQ(dredging.guid, "urn:example:meridian:2025:dredging");
    EXPECT_EQ(dredging.headline, "Harbour dredging begins");
    EXPECT_EQ(dredging.standfirst, "Work will last three weeks.");
    EXPECT_EQ(dredging.body_html,
              "<p>Two dredgers arrived overnight.</p><p>Berths 4 &amp; 5 stay open.</p>");
    EXPECT_EQ(dredging.byline, "Meridian Desk");                     // the feed's author
    EXPECT_EQ(iso(dredging.first_created), "2025-07-02T12:00:00Z");  // no published: updated
    EXPECT_EQ(dredging.version, "2025-07-02T12:00:00Z");
    EXPECT_EQ(dredging.language, "en-GB");
    EXPECT_FALSE(dredging.image);
}

TEST(SyndicationFeed, ReadsAtomTextContentSummariesAndOutOfLineContent) {
    const auto doc = fixture("atom-text-content.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 3u);

    const auto& reservoir = doc->items[0];
    EXPECT_EQ(reservoir.body_html,
              "<p>The reservoir rose by two metres overnight. Farmers welcomed the news.</p>"
              "<p>Water &lt;b&gt;rationing&lt;/b&gt; ends on Monday &amp; the pumps stop.</p>");
    EXPECT_EQ(reservoir.standfirst, "");
    EXPECT_EQ(reservoir.byline, "Mira Talbot");
    EXPECT_EQ(reservoir.source_credit, "Hills Water Board");  // the entry's source
    EXPECT_EQ(reservoir.language, "");
    EXPECT_EQ(iso(reservoir.first_created), "2025-08-04T09:15:00Z");

    const auto& road = doc->items[1];  // a flash: the summary is the body
    EXPECT_EQ(road.headline, "Road to the dam closed");
    EXPECT_EQ(road.body_html, "<p>The road is closed until noon.</p>");
    EXPECT_EQ(road.standfirst, "");
    EXPECT_EQ(road.byline, "");
    EXPECT_EQ(road.source_credit, "Upland Courier");
    EXPECT_EQ(road.warnings, Strings{});

    const auto& report = doc->items[2];
    EXPECT_EQ(report.body_html, "<p>The report is 60 pages long.</p>");
    EXPECT_EQ(report.standfirst, "");
    EXPECT_EQ(report.warnings,
              Strings{"its content at 'https://upland.example.net/report.pdf' is out of line and "
                      "is not fetched; its summary is its text"});
}

TEST(SyndicationFeed, ReadsALoneAtomEntry) {
    const auto doc = fixture("atom-single-entry-ar.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->format, "Atom 1.0");
    ASSERT_EQ(doc->items.size(), 1u);
    const auto& road = doc->items[0];
    EXPECT_EQ(road.guid, "urn:example:sahil:2025:road-reopened");
    EXPECT_EQ(road.headline, "إعادة فتح الطريق الساحلي بعد أعمال الصيانة");
    EXPECT_EQ(road.standfirst, "أعيد فتح الطريق أمام السيارات صباح اليوم.");
    EXPECT_EQ(road.body_html,
              "<p>أعلنت البلدية إعادة فتح الطريق الساحلي أمام حركة السير.</p><p>واستغرقت أعمال "
              "الصيانة ثلاثة أسابيع.</p>");
    EXPECT_EQ(road.byline, "سلمى الراشد");
    EXPECT_EQ(road.tags, Strings{"طرق"});
    EXPECT_EQ(iso(road.first_created), "2025-09-10T04:00:00Z");
    EXPECT_EQ(iso(road.version_created), "2025-09-10T04:20:00Z");
    EXPECT_EQ(road.version, "2025-09-10T07:20:00+03:00");
    EXPECT_EQ(road.language, "ar");
    EXPECT_EQ(road.source_credit, "وكالة أنباء الساحل");
}

TEST(SyndicationFeed, AnEntrySentAgainWithALaterUpdatedIsANewVersion) {
    const auto before = fixture("atom-updated-v1.xml");
    const auto after = fixture("atom-updated-v2.xml");
    ASSERT_TRUE(before.ok()) << before.error().message;
    ASSERT_TRUE(after.ok()) << after.error().message;
    ASSERT_EQ(before->items.size(), 1u);
    ASSERT_EQ(after->items.size(), 1u);
    const auto& v1 = before->items[0];
    const auto& v2 = after->items[0];
    EXPECT_EQ(v1.guid, v2.guid);
    EXPECT_EQ(v1.version, "2025-07-03T08:00:00Z");
    EXPECT_EQ(v2.version, "2025-07-03T11:30:00Z");
    EXPECT_EQ(v1.first_created, v2.first_created);
    EXPECT_EQ(iso(v2.version_created), "2025-07-03T11:30:00Z");
    EXPECT_LT(*v1.version_created, *v2.version_created);
    EXPECT_EQ(v2.headline, "Bridge inspection finds minor cracks; lane closed");
}

TEST(SyndicationFeed, SkipsBrokenItemsAndKeepsTheOthers) {
    const auto doc = fixture("rss2-one-broken-item.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 2u);
    EXPECT_EQ(doc->items[0].guid, "urn:example:valley:1");
    EXPECT_EQ(doc->items[0].warnings, Strings{});
    // No guid and no link: known by the channel's link and its title, with a warning.
    const auto& choir = doc->items[1];
    EXPECT_EQ(choir.headline, "School choir wins regional prize");
    EXPECT_EQ(choir.guid, "https://valley.example.org/#School choir wins regional prize");
    EXPECT_EQ(choir.warnings, Strings{"it has no guid or link: it is known by its title, so a new "
                                      "title makes it a new item"});
    EXPECT_EQ(doc->skipped, (Strings{"item 2 (\"urn:example:valley:2\"): no title",
                                     "item 3 (\"urn:example:valley:3\"): no text (no description "
                                     "or content:encoded)",
                                     "item 4: no title"}));
}

TEST(SyndicationFeed, SkipsAtomEntriesWithoutTitleOrText) {
    const auto doc = parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>
      <entry><id>a</id><title>Kept</title><summary>s</summary></entry>
      <entry><id>b</id><title>Blank</title><content type="text">  </content></entry>
      <entry><id>c</id><title>Elsewhere</title><content src="https://x.example/c"/></entry>
      <entry><id>d</id><summary>No title</summary></entry>
    </feed>)");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1u);
    EXPECT_EQ(doc->items[0].guid, "a");
    EXPECT_EQ(doc->skipped, (Strings{"item 2 (\"b\"): no text (no content or summary)",
                                     "item 3 (\"c\"): no text (no content or summary)",
                                     "item 4 (\"d\"): no title"}));
}

TEST(SyndicationFeed, TakesTheWidestLocalPictureOfAMediaGroup) {
    const auto doc = parse(R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
      <channel><title>t</title><item><guid>g</guid><title>Group</title><description>d</description>
        <media:group>
          <media:content url="clip.mp4" medium="video" width="1920"/>
          <media:content url="pictures/small.jpg" type="image/jpeg" width="32"/>
          <media:content url="pictures/causeway-dawn.jpg" type="image/jpeg" width="64"/>
          <media:description type="html">The &lt;i&gt;causeway&lt;/i&gt;.</media:description>
          <media:credit>Desk</media:credit>
        </media:group>
        <media:title>Not the caption: there is a description</media:title>
      </item></channel></rss>)");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const auto& item = doc->items.at(0);
    ASSERT_TRUE(item.image);
    EXPECT_EQ(item.image->location, picture("pictures/causeway-dawn.jpg"));
    EXPECT_EQ(item.image->caption, "The causeway.");
    EXPECT_EQ(item.image->credit, "Desk");
    EXPECT_EQ(item.warnings, Strings{});
}

TEST(SyndicationFeed, RefusesAFeedWithoutItemsOrWithoutAReadableOne) {
    const auto empty = fixture("rss2-empty.xml");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().message, "the feed has no items");

    const auto empty_atom = parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <id>x</id></feed>)");
    ASSERT_FALSE(empty_atom.ok());
    EXPECT_EQ(empty_atom.error().message, "the feed has no items");

    std::string xml = R"(<rss version="2.0"><channel><title>t</title>)";
    xml += R"(<item><guid>g1</guid><description>d</description></item>)";
    xml += R"(<item><title>Only a title</title></item>)";
    for (int i = 0; i < 3; ++i) xml += "<item/>";
    xml += "</channel></rss>";
    const auto unreadable = parse(xml);
    ASSERT_FALSE(unreadable.ok());
    EXPECT_EQ(
        unreadable.error().message,
        "the feed has no item Dateline can read: item 1 (\"g1\"): no title; item 2 (\"Only "
        "a title\"): no text (no description or content:encoded); item 3: no title; and 2 more");
}

TEST(SyndicationFeed, RefusesWhatIsNotAnRssOrAtomFeed) {
    const auto catalogue = fixture("not-a-feed.xml");
    ASSERT_FALSE(catalogue.ok());
    EXPECT_EQ(catalogue.error().message,
              "not an RSS or Atom feed: its root element is <catalogue>");

    const auto rdf = parse(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://purl.org/rss/1.0/"><channel/><item><title>t</title></item></rdf:RDF>)");
    ASSERT_FALSE(rdf.ok());
    EXPECT_EQ(rdf.error().message,
              "an RSS 1.0 (RDF) feed: Dateline reads RSS 0.91 to 2.0 and Atom 1.0 feeds");

    const auto atom03 = parse(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#">
        <entry><title>t</title></entry></feed>)");
    ASSERT_FALSE(atom03.ok());
    EXPECT_EQ(atom03.error().message,
              "not an Atom 1.0 feed: its root element <feed> is in the namespace "
              "http://purl.org/atom/ns#, not http://www.w3.org/2005/Atom");

    const auto no_channel = parse(R"(<rss version="2.0"><item><title>t</title></item></rss>)");
    ASSERT_FALSE(no_channel.ok());
    EXPECT_EQ(no_channel.error().message, "an RSS document without a channel");
}

TEST(SyndicationFeed, RefusesMalformedXmlInvalidUtf8AndOversizedFeeds) {
    const auto malformed = fixture("malformed.xml");
    ASSERT_FALSE(malformed.ok());
    EXPECT_EQ(malformed.error().message.rfind("not well-formed XML (", 0), 0u)
        << malformed.error().message;
    EXPECT_NE(malformed.error().message.find(" at byte "), std::string::npos);

    const auto latin1 = parse(
        "<rss version=\"2.0\"><channel><item><title>Caf\xE9</title><description>d</description>"
        "</item></channel></rss>");
    ASSERT_FALSE(latin1.ok());
    EXPECT_EQ(latin1.error().message, "not valid UTF-8");

    std::string huge = R"(<rss version="2.0"><channel><item><title>t</title><description>)";
    huge.append(max_item_bytes, 'x');
    huge += "</description></item></channel></rss>";
    const auto too_big = parse(huge);
    ASSERT_FALSE(too_big.ok());
    EXPECT_EQ(too_big.error().message, "larger than 8 MB");
}

TEST(SyndicationFeed, EntitiesADocumentDeclaresAreNotExpanded) {
    const auto started = std::chrono::steady_clock::now();
    const auto doc = fixture("billion-laughs.xml");
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_LT(took, std::chrono::seconds(2));
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1u);
    const auto& item = doc->items[0];
    // Undeclared as far as the parser knows, the references stay text; nothing is read from
    // the file the external entity names.
    EXPECT_EQ(item.headline, "Laughs &lol9;");
    EXPECT_EQ(item.body_html, "Before &lol9; &secret; after.");
    EXPECT_EQ(item.source_credit, "Laughing Wire &lol9;");
    EXPECT_EQ(item.body_html.find("lollol"), std::string::npos);
}

TEST(SyndicationFeed, PicturesMayNotLeaveTheFeedsFolder) {
    const auto doc = fixture("rss2-escaping-picture.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1u);
    const auto& item = doc->items[0];
    EXPECT_FALSE(item.image);
    ASSERT_EQ(item.warnings.size(), 2u);
    EXPECT_EQ(item.warnings[0].rfind("the picture rendition '../secret.jpg' is refused: it is "
                                     "outside the item's folder (it leads to ",
                                     0),
              0u)
        << item.warnings[0];
    EXPECT_EQ(item.warnings[1].rfind("the picture rendition 'file:///etc/hostname' is refused: it "
                                     "is outside the item's folder and the import roots",
                                     0),
              0u)
        << item.warnings[1];
}

TEST(SyndicationFeed, RemotePicturesAreLeftForTheCallerToFetch) {
    const auto doc = parse(R"(<rss version="2.0"><channel><title>t</title><item>
        <title>Remote</title><guid>r1</guid><description>d</description>
        <enclosure url="https://cdn.example.org/a.jpg" type="image/jpeg" length="1"/>
        <enclosure url="https://cdn.example.org/a.mp3" type="audio/mpeg" length="1"/>
        </item></channel></rss>)");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const auto& item = doc->items.at(0);
    ASSERT_TRUE(item.image);
    EXPECT_EQ(item.image->location, "");
    EXPECT_EQ(item.image->url, "https://cdn.example.org/a.jpg");
    EXPECT_TRUE(item.warnings.empty());
}

TEST(SyndicationFeed, ModulesAreKnownByTheNamespaceTheirPrefixIsBoundTo) {
    const auto rss = parse(R"(<rss version="2.0"
        xmlns:c="http://purl.org/rss/1.0/modules/content/"
        xmlns:content="urn:example:not-the-content-module"
        xmlns:a="http://www.w3.org/2005/Atom">
      <channel><title>Namespaces</title>
        <item>
          <a:link href="https://elsewhere.example/"/>
          <link>https://ns.example.org/1</link>
          <a:title>Not the RSS title</a:title>
          <title>Modules by namespace</title>
          <description>Short.</description>
          <content:encoded>&lt;p&gt;Not the content module.&lt;/p&gt;</content:encoded>
          <c:encoded>&lt;p&gt;The content module.&lt;/p&gt;</c:encoded>
          <dc:creator>Undeclared Prefix</dc:creator>
          <x:category xmlns:x="urn:example:x">Not a tag</x:category>
          <category>Tag</category>
        </item>
      </channel></rss>)");
    ASSERT_TRUE(rss.ok()) << rss.error().message;
    const auto& item = rss->items.at(0);
    EXPECT_EQ(item.guid, "https://ns.example.org/1");
    EXPECT_EQ(item.headline, "Modules by namespace");
    EXPECT_EQ(item.body_html, "<p>The content module.</p>");
    EXPECT_EQ(item.standfirst, "Short.");
    EXPECT_EQ(item.byline, "Undeclared Prefix");  // an undeclared dc: is Dublin Core
    EXPECT_EQ(item.tags, Strings{"Tag"});

    const auto atom = parse(R"(<a:feed xmlns:a="http://www.w3.org/2005/Atom"
        xmlns:h="http://www.w3.org/1999/xhtml">
      <a:title>Prefixed</a:title>
      <a:entry>
        <title>Not Atom</title>
        <a:title>Prefixed entry</a:title>
        <a:id>urn:example:prefixed:1</a:id>
        <a:content type="xhtml"><h:div><h:p>One <h:em>two</h:em></h:p></h:div></a:content>
      </a:entry>
    </a:feed>)");
    ASSERT_TRUE(atom.ok()) << atom.error().message;
    const auto& entry = atom->items.at(0);
    EXPECT_EQ(entry.headline, "Prefixed entry");
    EXPECT_EQ(entry.guid, "urn:example:prefixed:1");
    EXPECT_EQ(entry.body_html, "<p>One <em>two</em></p>");  // the xhtml prefix dropped
    EXPECT_EQ(entry.source_credit, "Prefixed");
}

TEST(SyndicationFeed, TitlesBylinesAndTagsAreMadePlainText) {
    const auto doc = parse(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Plain</title>
        <item><guid>1</guid><title>Tom &amp; Jerry &amp; AT&amp;T</title>
          <description>d</description>
          <dc:creator>&lt;b&gt;Bold&lt;/b&gt; Name</dc:creator>
          <category>Arts &amp;amp; Culture</category></item>
        <item><guid>2</guid><title>Rates &lt;b&gt;rise&lt;/b&gt;
            again</title><description>d</description></item>
        <item><guid>3</guid><title>Caf&amp;eacute; reopens</title><description>d</description></item>
        <item><guid>4</guid><title>a &lt; b and c</title><description>d</description></item>
        <item><guid>5</guid><title><![CDATA[Quotes "in" <i>CDATA</i>]]></title>
          <description>d</description></item>
      </channel></rss>)");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 5u);
    EXPECT_EQ(doc->items[0].headline, "Tom & Jerry & AT&T");
    EXPECT_EQ(doc->items[0].byline, "Bold Name");
    EXPECT_EQ(doc->items[0].tags, Strings{"Arts & Culture"});
    EXPECT_EQ(doc->items[1].headline, "Rates rise again");
    EXPECT_EQ(doc->items[2].headline, "Café reopens");
    EXPECT_EQ(doc->items[3].headline, "a < b and c");
    EXPECT_EQ(doc->items[4].headline, "Quotes \"in\" CDATA");

    // In Atom a text title is text, whatever it looks like.
    const auto atom = parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id>
        <title type="text">Use &lt;b&gt; for bold</title><summary>s</summary></entry></feed>)");
    ASSERT_TRUE(atom.ok()) << atom.error().message;
    EXPECT_EQ(atom->items.at(0).headline, "Use <b> for bold");
}

TEST(SyndicationFeed, ReadsRfc822DatesTolerantly) {
    // What each pubDate is read as, or "-" when it cannot be read (then with a warning).
    const auto read = [](const std::string& date) {
        const auto doc = parse(
            "<rss version=\"2.0\"><channel><item><guid>g</guid><title>t</title>"
            "<description>d</description><pubDate>" +
            date + "</pubDate></item></channel></rss>");
        if (!doc.ok()) return "error: " + doc.error().message;
        const auto& item = doc->items.at(0);
        if (!item.first_created && item.warnings.size() != 1) return std::string("no warning");
        return iso(item.first_created);
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Thu, 12 Jun 2025 07:45:00 GMT", "2025-06-12T07:45:00Z"},
        {"12 Jun 2025 07:45:00 +0000", "2025-06-12T07:45:00Z"},
        {"Thu,12 Jun 2025 07:45 UT", "2025-06-12T07:45:00Z"},
        {"Mon, 2 Jun 2025 6:30:00 EST", "2025-06-02T11:30:00Z"},
        {"Mon, 02 Jun 2025 06:30:00 -0500", "2025-06-02T11:30:00Z"},
        {"2 Jun 25 06:30 CDT", "2025-06-02T11:30:00Z"},
        {"Thu, 3 Jun 99 00:00:00 Z", "1999-06-03T00:00:00Z"},
        {"Sun, 1 June 2025 23:59:59 PDT", "2025-06-02T06:59:59Z"},
        {"sun, 01 jun 2025 12:00:00 utc", "2025-06-01T12:00:00Z"},
        {"Sunday, 01 Jun 2025 12:00:00 EDT", "2025-06-01T16:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 CST", "2025-06-01T18:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 MST", "2025-06-01T19:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 MDT", "2025-06-01T18:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 PST", "2025-06-01T20:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 A", "2025-06-01T12:00:00Z"},  // military: RFC 2822 says UTC
        {"Sun, 01 Jun 2025 12:00:00 +05:30", "2025-06-01T06:30:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 GMT+0200", "2025-06-01T10:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00 +0000 (UTC)", "2025-06-01T12:00:00Z"},
        {"Sun, 01 Jun 2025 12:00:00", "2025-06-01T12:00:00Z"},
        {"01-Sep-2025 12:00:00 GMT", "2025-09-01T12:00:00Z"},
        {"1 Sept. 2025", "2025-09-01T00:00:00Z"},
        {"2025-06-01T12:00:00+02:00", "2025-06-01T10:00:00Z"},  // ISO 8601, as some feeds do
        {"Tue, 31 Jun 2025 12:00:00 GMT", "-"},
        {"Sun, 01 Jun 2025 24:00:00 GMT", "-"},
        {"Sun, 01 Jun 2025 12:60:00 GMT", "-"},
        {"Sun, 01 Foo 2025 12:00:00 GMT", "-"},
        {"Sun, 01 Jun 2025 12:00:00 CET", "-"},
        {"Sun, 01 Jun 2025 12:00:00 J", "-"},
        {"Sun, 01 Jun 202 12:00:00 GMT", "-"},
        {"Sun, 001 Jun 2025 12:00:00 GMT", "-"},
        {"Sun, 01 Jun 2025 12:00:00 GMT and more", "-"},
        {"Sun, 01 Jun 2025 12:00:00 +0000 (UTC", "-"},
        {"Someday, 01 Jun 2025", "-"},
    };
    for (const auto& [date, expected] : cases) EXPECT_EQ(read(date), expected) << date;
}

TEST(SyndicationFeed, ReadsAtMostAThousandItems) {
    std::string xml = R"(<rss version="2.0"><channel><title>Many</title>)";
    for (int i = 1; i <= 1003; ++i)
        xml += "<item><guid>g" + std::to_string(i) + "</guid><title>t</title><description>d" +
               "</description></item>";
    xml += "</channel></rss>";
    const auto doc = parse(xml);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->items.size(), 1000u);
    EXPECT_EQ(doc->items.back().guid, "g1000");
    EXPECT_EQ(
        doc->skipped,
        Strings{"items 1001 to 1003: not read: Dateline reads the first 1000 items of a feed"});
}

TEST(SyndicationFeed, DeepNestingDoesNotExhaustTheStack) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<h:div>";
    deep += "deep";
    for (int i = 0; i < 100000; ++i) deep += "</h:div>";
    const auto doc = parse(R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="x"><entry>
        <id>d</id><title>Deep</title><content type="xhtml">)" +
                           deep + "</content></entry></feed>");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    // Written out as HTML to a bounded depth: what lies deeper is left out.
    EXPECT_EQ(doc->items.at(0).body_html.rfind("<div><div>", 0), 0u);
    EXPECT_EQ(doc->items.at(0).body_html.find("deep"), std::string::npos);
}

}  // namespace dateline::ingest
