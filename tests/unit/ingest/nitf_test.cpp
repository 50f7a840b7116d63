#include "ingest/nitf.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/clock.hpp"
#include "ingest/item_files.hpp"

namespace dateline::ingest {

TEST(Nitf, TheBodyContentBecomesHtmlAndTheRestStaysOut) {
    const auto html = nitf_body_html(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head><title>Head title</title></head>
  <body>
    <body.head><hedline><hl1>Hedline</hl1></hedline><byline>By Someone</byline></body.head>
    <body.content>
      <p>On <chron norm="20250822">Friday</chron> <person>Lina Haddad</person> said <q>yes</q>.</p>
      <hl2>Costs</hl2>
      <block><p>It costs <money unit="JOD">4 million</money> &amp; more.</p></block>
      <media media-type="image"><media-reference source="x.jpg"/><media-caption>Cap</media-caption></media>
      <bq><block><p>Quoted words.</p></block><credit>A source</credit></bq>
      <ul><li>One</li><li>Two</li></ul>
      <p><a href="https://example.org/a?x=1&amp;y=2" onclick="evil()">a link</a></p>
    </body.content>
    <body.end><tagline>Tagline</tagline></body.end>
  </body>
</nitf>)xml");
    ASSERT_TRUE(html.ok()) << html.error().message;
    EXPECT_EQ(*html,
              "\n      <p>On Friday Lina Haddad said <q>yes</q>.</p>\n      <h2>Costs</h2>\n      "
              "<p>It costs 4 million &amp; more.</p>\n      \n      <blockquote><p>Quoted "
              "words.</p>A source</blockquote>\n      <ul><li>One</li><li>Two</li></ul>\n      "
              "<p><a href=\"https://example.org/a?x=1&amp;y=2\">a link</a></p>\n    ");
}

TEST(Nitf, EntitiesADocumentDeclaresAreNotExpanded) {
    const auto html = nitf_body_html(R"xml(<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<nitf><body><body.content><p>&b;</p></body.content></body></nitf>)xml");
    ASSERT_TRUE(html.ok()) << html.error().message;
    EXPECT_EQ(html->find("aaaaaaaaaa"), std::string::npos) << *html;
}

TEST(Nitf, BrokenOrEmptyDocumentsAreRefused) {
    const auto broken = nitf_body_html("<nitf><body><body.content><p>open");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("not well-formed XML"), std::string::npos);
    const auto empty = nitf_body_html("<nitf><body/></nitf>");
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("no body.content"), std::string::npos);
}

}  // namespace dateline::ingest

namespace dateline::ingest {

TEST(NitfDocument, ReadsEveryFieldOfAWholeDocument) {
    const auto dir = std::filesystem::path(DATELINE_SOURCE_DIR) / "tests/fixtures/nitf";
    const auto text = read_item_text(dir / "harbour-dredging.nitf");
    ASSERT_TRUE(text.ok()) << text.error().message;
    const auto item = parse_nitf_document(*text, dir, {});
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->format, "NITF 3.6");
    EXPECT_EQ(item->guid, "MW-20261130-0042");
    EXPECT_EQ(item->version, "2");
    EXPECT_EQ(item->headline, "Aqaba channel opens to deeper ships");
    EXPECT_EQ(item->standfirst, "The approach channel is finished two months early.");
    EXPECT_EQ(item->byline, "Lina Haddad, Omar Karimi");
    EXPECT_EQ(item->dateline, "AQABA, Nov 30");
    EXPECT_EQ(item->source_credit, "Meridian Wire");
    EXPECT_EQ(item->tags, (std::vector<std::string>{"Economy", "Transport", "dredging"}));
    EXPECT_EQ(item->language, "en-GB");
    EXPECT_EQ(item->urgency, 2);
    EXPECT_EQ(format_utc_iso8601(*item->first_created), "2026-11-30T06:45:00Z");
    EXPECT_EQ(format_utc_iso8601(*item->version_created), "2026-11-30T06:45:00Z");
    EXPECT_EQ(format_utc_iso8601(*item->embargoed_until), "2026-11-30T12:00:00Z");
    EXPECT_EQ(item->status, domain::WireStatus::Usable);
    EXPECT_EQ(item->body_html,
              "\n      <p>Dredgers finished the channel on Sunday, the port said.</p>\n      \n"
              "        \n        <p>Ships of up to 14 metres draught can now berth.</p>\n      \n"
              "    ");
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, (dir / "harbour-dawn.jpg").string());
    EXPECT_EQ(item->image->caption, "The channel at dawn.");
    EXPECT_EQ(item->image->credit, "Huda Nasser / Meridian Wire");
    EXPECT_TRUE(item->warnings.empty());
}

TEST(NitfDocument, BylinesWithoutPeopleLoseTheirTitleAndTheirBy) {
    const auto item = parse_nitf_document(R"(<nitf><head><docdata management-status="withheld">
        <doc-id id-string="X1"/><date.issue norm="not a date"/></docdata></head>
        <body><body.head><byline>BY Rana Idris, <byttl>Correspondent</byttl></byline></body.head>
        <body.content><p>Text.</p></body.content></body></nitf>)",
                                          "/nonexistent", {});
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->format, "NITF");
    EXPECT_EQ(item->byline, "Rana Idris");
    EXPECT_EQ(item->status, domain::WireStatus::Withheld);
    EXPECT_FALSE(item->version_created);
    ASSERT_EQ(item->warnings.size(), 1U);
    EXPECT_EQ(item->warnings[0],
              "its date of issue (date.issue 'not a date') is not a date Dateline can read; left "
              "out");
}

TEST(NitfDocument, ReadsNormDatesInBothForms) {
    EXPECT_EQ(format_utc_iso8601(*parse_nitf_date("20261201T093000Z")), "2026-12-01T09:30:00Z");
    EXPECT_EQ(format_utc_iso8601(*parse_nitf_date("20261201T093000+0300")), "2026-12-01T06:30:00Z");
    EXPECT_EQ(format_utc_iso8601(*parse_nitf_date("20261201T0930Z")), "2026-12-01T09:30:00Z");
    EXPECT_EQ(format_utc_iso8601(*parse_nitf_date("20261201")), "2026-12-01T00:00:00Z");
    EXPECT_EQ(format_utc_iso8601(*parse_nitf_date("2026-12-01T09:30:00Z")), "2026-12-01T09:30:00Z");
    EXPECT_FALSE(parse_nitf_date("20261301"));
    EXPECT_FALSE(parse_nitf_date("20261201T9"));
    EXPECT_FALSE(parse_nitf_date(""));
}

}  // namespace dateline::ingest
