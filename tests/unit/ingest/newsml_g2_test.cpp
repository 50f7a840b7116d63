#include "ingest/newsml_g2.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/clock.hpp"
#include "ingest/item_files.hpp"

namespace dateline::ingest {

namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures/newsml_g2";

Result<WireDocument> read_fixture(const std::string& name) {
    auto text = read_item_text(fixtures / name);
    if (!text) return text.error();
    return parse_newsml_g2(*text, fixtures, {});
}

std::string iso(const std::optional<UnixTime>& t) {
    return t ? format_utc_iso8601(*t) : "-";
}

}  // namespace

TEST(NewsmlG2, ReadsATextItemWithEveryFieldAndItsNitfBody) {
    const auto doc = read_fixture("text-item-nitf.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc->format, "NewsML-G2 2.33");
    ASSERT_EQ(doc->items.size(), 1U);
    EXPECT_TRUE(doc->skipped.empty());
    const auto& item = doc->items.front();
    EXPECT_EQ(item.guid, "urn:newsml:meridian-wire.example:20261130:harbour-dredging");
    EXPECT_EQ(item.version, "3");
    EXPECT_EQ(item.format, "NewsML-G2 2.33");
    EXPECT_EQ(item.language, "en-GB");
    // The headline without a role is the main one; the summary, not the caption, stands first.
    EXPECT_EQ(item.headline, "Aqaba harbour deepens its channel for larger ships");
    EXPECT_EQ(item.standfirst, "Work on the approach channel ends two months early.");
    EXPECT_EQ(item.byline, "Lina Haddad, Omar Karimi");
    EXPECT_EQ(item.dateline, "Aqaba");
    // The first information source without a name gives way to the next.
    EXPECT_EQ(item.source_credit, "Aqaba Port Authority");
    // Names in the item's language; a subject without a name gives no tag; no repeats.
    EXPECT_EQ(item.tags,
              (std::vector<std::string>{"ports", "economy, business and finance", "dredging"}));
    EXPECT_EQ(item.urgency, 3);
    EXPECT_EQ(iso(item.first_created), "2026-11-30T06:05:00Z");
    EXPECT_EQ(iso(item.version_created), "2026-11-30T07:40:00Z");
    EXPECT_EQ(iso(item.embargoed_until), "2026-11-30T12:00:00Z");
    EXPECT_EQ(item.status, domain::WireStatus::Usable);
    EXPECT_EQ(item.body_html,
              "\n            <p>Dredgers finished the approach channel on Sunday.</p>\n"
              "            <h2>Bigger ships</h2>\n            <p>The port says vessels of up to 14 "
              "metres draught can now berth.</p>\n          ");
    EXPECT_FALSE(item.image);
}

TEST(NewsmlG2, ReadsAnArabicItemWithPrefixesAnXhtmlBodyAndATruncatedDate) {
    const auto doc = read_fixture("text-item-arabic-xhtml.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1U);
    const auto& item = doc->items.front();
    EXPECT_EQ(item.format, "NewsML-G2 2.29");
    EXPECT_EQ(item.language, "ar");
    EXPECT_EQ(item.headline, "أسعار الخضار تنخفض في السوق المركزي");
    EXPECT_EQ(item.byline, "سلمى العلي");
    EXPECT_EQ(item.dateline, "عمّان، الثلاثاء");
    EXPECT_EQ(item.source_credit, "وكالة المشرق للأنباء");
    EXPECT_EQ(item.tags, std::vector<std::string>{"الأسعار"});
    // The XHTML body wins over the plain one, its prefixes and its head gone.
    EXPECT_EQ(item.body_html,
              "\n          <p>تراجعت أسعار الطماطم والخيار هذا الأسبوع مع وفرة المحصول.</p>\n"
              "          <p>ويتوقع التجار استقرار الأسعار حتى نهاية الشهر.</p>\n        ");
    EXPECT_EQ(iso(item.first_created), "2026-11-01T00:00:00Z");
    EXPECT_EQ(iso(item.version_created), "2026-12-01T04:30:00Z");
}

TEST(NewsmlG2, ReadsAMessageWithItsPackagedPictureAndSkipsWhatIsNotAStory) {
    const auto doc = read_fixture("news-message-package.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 2U);
    const auto& ferry = doc->items[0];
    EXPECT_EQ(ferry.guid, "urn:newsml:meridian-wire.example:ferry-text");
    EXPECT_EQ(ferry.headline, "Solar ferry begins night crossings");
    // Plain text with single line breaks: a paragraph a line.
    EXPECT_EQ(
        ferry.body_html,
        "<p>The ferry now sails after dark.</p><p>It charges at the quay during the day.</p>");
    EXPECT_EQ(ferry.dateline, "Muscat");
    EXPECT_EQ(ferry.source_credit, "MERIDIAN");  // the provider's code, when nothing names it
    EXPECT_EQ(ferry.urgency, 2);                 // the message's priority
    ASSERT_TRUE(ferry.image);
    // The widest local rendition that exists; the remote one is not fetched.
    EXPECT_EQ(ferry.image->location, (fixtures / "pictures/harbour-dawn.jpg").string());
    EXPECT_EQ(ferry.image->caption, "The ferry charging at Muscat's quay before sunset.");
    EXPECT_EQ(ferry.image->credit, "Meridian Wire / Huda Nasser");

    const auto& brief = doc->items[1];
    EXPECT_EQ(brief.headline, "Fish market opens an hour earlier");
    EXPECT_EQ(brief.body_html, "<p>Traders asked for cooler morning hours.</p>");
    EXPECT_EQ(brief.standfirst, "");
    EXPECT_EQ(brief.source_credit, "Meridian Wire");
    EXPECT_EQ(brief.urgency, 5);
    EXPECT_FALSE(brief.image);

    ASSERT_EQ(doc->skipped.size(), 2U);
    EXPECT_EQ(doc->skipped[0],
              "item urn:newsml:meridian-wire.example:ferry-video: a video item is not a story: "
              "only text news items, and the pictures packaged with them, are read");
    EXPECT_EQ(doc->skipped[1], "item urn:newsml:meridian-wire.example:no-headline: no headline");
}

TEST(NewsmlG2, ACanceledItemSaysSo) {
    const auto doc = read_fixture("canceled.xml");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1U);
    EXPECT_EQ(doc->items[0].status, domain::WireStatus::Canceled);
    EXPECT_EQ(doc->items[0].version, "4");
}

TEST(NewsmlG2, RefusesWhatIsNotAStoryWithTheReason) {
    const auto refused = [](std::string_view xml) {
        auto doc = parse_newsml_g2(xml, "/nonexistent", {});
        return doc ? std::string("accepted") : doc.error().message;
    };
    EXPECT_EQ(refused(R"(<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p1">
        <itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>)"),
              "a picture item is not a story: only text news items, and the pictures packaged "
              "with them, are read");
    EXPECT_EQ(refused(R"(<planningItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>)"),
              "a planningItem is not a story: only text news items, and the pictures packaged "
              "with them, are read");
    EXPECT_EQ(refused(R"(<packageItem guid="x"><groupSet/></packageItem>)"),
              "a package (packageItem) names its items without carrying them: Dateline reads "
              "packages delivered with their items in a newsMessage");
    EXPECT_EQ(refused("<rss/>"), "not a NewsML-G2 document: its root element is <rss>");
    EXPECT_EQ(refused(R"(<newsItem guid="g"><itemMeta><itemClass qcode="ninat:text"/>
        <versionCreated>yesterday</versionCreated></itemMeta>
        <contentMeta><headline>H</headline></contentMeta></newsItem>)"),
              "its versionCreated is not a date-time: yesterday");
    EXPECT_EQ(refused(R"(<newsItem guid="g"><contentMeta><headline>H</headline></contentMeta>
        <contentSet><inlineXML contenttype="application/sportsml+xml"><sports-content/>
        </inlineXML></contentSet></newsItem>)"),
              "no body and no description");
    EXPECT_EQ(refused(R"(<newsItem><contentMeta><headline>H</headline></contentMeta></newsItem>)"),
              "no guid: every news item needs one");
    EXPECT_EQ(refused("<newsItem guid='g'><unclosed></newsItem>").rfind("not well-formed XML", 0),
              0U);
}

TEST(NewsmlG2, DeclaredEntitiesAreNeverExpanded) {
    // A billion laughs and an external entity: neither is expanded.
    const auto doc = parse_newsml_g2(R"(<?xml version="1.0"?>
<!DOCTYPE newsItem [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<newsItem guid="g" version="1"><contentMeta><headline>Laughs &lol3; &secret;</headline>
<description role="drol:summary">Brief.</description></contentMeta></newsItem>)",
                                     "/nonexistent", {});
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1U);
    // The references stay as written: text, escaped like any other when shown.
    EXPECT_EQ(doc->items[0].headline, "Laughs &lol3; &secret;");
}

TEST(NewsmlG2, APictureOutsideTheItemsFolderIsRefusedWithAWarning) {
    const auto doc = parse_newsml_g2(R"(<newsMessage><itemSet>
    <newsItem guid="t" version="1"><itemMeta><itemClass qcode="ninat:text"/>
      <link rel="irel:seeAlso" residref="p"/></itemMeta>
      <contentMeta><headline>H</headline><description>Brief.</description></contentMeta></newsItem>
    <newsItem guid="p" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentSet><remoteContent href="../ninjs/images/harbour-dawn.jpg" width="96"/></contentSet>
    </newsItem></itemSet></newsMessage>)",
                                     fixtures, {});
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->items.size(), 1U);
    EXPECT_FALSE(doc->items[0].image);
    ASSERT_EQ(doc->items[0].warnings.size(), 1U);
    EXPECT_EQ(doc->items[0].warnings[0].rfind(
                  "the picture rendition '../ninjs/images/harbour-dawn.jpg' is refused: it is "
                  "outside the item's folder",
                  0),
              0U);
}

}  // namespace dateline::ingest
