#include "sanitize/markdown.hpp"

#include <gtest/gtest.h>

namespace dateline::sanitize {

TEST(Markdown, EachLineOfProseIsAParagraphAsPastedCopyExpects) {
    EXPECT_EQ(markdown_to_html("The port reopened.\nShips queued.\n\nTrade resumed."),
              "<p>The port reopened.</p>\n<p>Ships queued.</p>\n<p>Trade resumed.</p>\n");
    EXPECT_EQ(markdown_to_html("\u0623\u0639\u064A\u062F \u0641\u062A\u062D "
                               "\u0627\u0644\u0645\u064A\u0646\u0627\u0621."
                               "\n\u0639\u0627\u062F\u062A \u0627\u0644\u0633\u0641\u0646."),
              "<p>\u0623\u0639\u064A\u062F \u0641\u062A\u062D "
              "\u0627\u0644\u0645\u064A\u0646\u0627\u0621.</p>\n<p>\u0639\u0627\u062F\u062A "
              "\u0627\u0644\u0633\u0641\u0646.</p>\n");
}

TEST(Markdown, ListsQuotesHeadingsTablesAndCodeKeepTheirMeaning) {
    EXPECT_EQ(markdown_to_html("- one\n- two"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    EXPECT_EQ(markdown_to_html("1. one\n2. two"), "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n");
    EXPECT_EQ(markdown_to_html("> said\n> more"),
              "<blockquote>\n<p>said\nmore</p>\n</blockquote>\n");
    EXPECT_EQ(markdown_to_html("## Background\nText"), "<h2>Background</h2>\n<p>Text</p>\n");
    EXPECT_EQ(markdown_to_html("Background\n---"), "<h2>Background</h2>\n");
    EXPECT_EQ(markdown_to_html("```\nline one\nline two\n```"),
              "<pre><code>line one\nline two\n</code></pre>\n");
    const auto table = markdown_to_html("| Party | Seats |\n|---|---|\n| A | 12 |");
    EXPECT_NE(table.find("<table>"), std::string::npos);
    EXPECT_NE(table.find("<td>12</td>"), std::string::npos);
    EXPECT_EQ(markdown_to_html("~~wrong~~ right"), "<p><del>wrong</del> right</p>\n");
    EXPECT_EQ(markdown_to_html("See https://news.example/a"),
              "<p>See <a href=\"https://news.example/a\">https://news.example/a</a></p>\n");
}

TEST(Markdown, RawHtmlAndScriptLinksAreLeftOut) {
    const auto html = markdown_to_html("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("onclick"), std::string::npos);
    EXPECT_EQ(markdown_to_html("[x](javascript:alert(1))"), "<p><a href=\"\">x</a></p>\n");
}

}  // namespace dateline::sanitize
