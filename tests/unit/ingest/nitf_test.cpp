#include "ingest/nitf.hpp"

#include <gtest/gtest.h>

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
