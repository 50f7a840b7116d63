#include "sanitize/html_sanitizer.hpp"

#include <gtest/gtest.h>

namespace dateline::sanitize {

struct SanitizeCase {
    const char* name;
    const char* input;
    const char* expected;
};

class SanitizeTest : public testing::TestWithParam<SanitizeCase> {};

TEST_P(SanitizeTest, KeepsOnlyTheAllowlist) {
    EXPECT_EQ(sanitize_html(GetParam().input).html, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, SanitizeTest,
    testing::Values(
        SanitizeCase{"paragraphs", "<p>One</p><p>Two</p>", "<p>One</p><p>Two</p>"},
        SanitizeCase{"script dropped with content", "<p>a<script>alert(1)</script>b</p>",
                     "<p>ab</p>"},
        SanitizeCase{"event handlers dropped", "<p onclick=\"x()\">Hi</p>", "<p>Hi</p>"},
        SanitizeCase{"javascript link becomes text",
                     "<p><a href=\" JaVa\tScRiPt:alert(1)\">x</a></p>", "<p>x</p>"},
        SanitizeCase{"https link kept", "<p><a href=\"https://example.com/?a=1&b=2\">x</a></p>",
                     "<p><a href=\"https://example.com/?a=1&amp;b=2\" rel=\"noopener\">x</a></p>"},
        SanitizeCase{"data link becomes text", "<a href=\"data:text/html,x\">x</a>", "<p>x</p>"},
        SanitizeCase{"link without href becomes text", "<p><a name=\"x\">y</a></p>", "<p>y</p>"},
        SanitizeCase{"h1 becomes h2", "<h1>Title</h1>", "<h2>Title</h2>"},
        SanitizeCase{"unknown element unwrapped", "<div><p>In <font>a</font> div</p></div>",
                     "<p>In a div</p>"},
        SanitizeCase{"stray text wrapped", "Loose text<p>Para</p>", "<p>Loose text</p><p>Para</p>"},
        SanitizeCase{"b and i normalised", "<p><b>x</b><i>y</i></p>",
                     "<p><strong>x</strong><em>y</em></p>"},
        SanitizeCase{"images and svg dropped",
                     "<p>a<img src=x onerror=alert(1)><svg onload=x>s</svg>b</p>", "<p>ab</p>"},
        SanitizeCase{"text escaped", "<p>1 &lt; 2 &amp; \"q\"</p>",
                     "<p>1 &lt; 2 &amp; &quot;q&quot;</p>"},
        SanitizeCase{"dir kept, style dropped", "<p dir=\"rtl\" style=\"color:red\">x</p>",
                     "<p dir=\"rtl\">x</p>"},
        SanitizeCase{"bad dir dropped", "<p dir=\"x onload=y\">x</p>", "<p>x</p>"},
        SanitizeCase{"comments dropped", "<p>a<!-- secret -->b</p>", "<p>ab</p>"},
        SanitizeCase{"no heading inside a link", "<a href=\"https://x.example/\"><h2>T</h2></a>",
                     "<p><a href=\"https://x.example/\" rel=\"noopener\">T</a></p>"},
        // The HTML5 parser itself moves the quote out of the paragraph, as a browser would.
        SanitizeCase{"no block inside emphasis",
                     "<p><strong>a<blockquote>b</blockquote></strong></p>",
                     "<p><strong>a</strong></p><blockquote><strong>b</strong></blockquote>"},
        SanitizeCase{"no block inside a heading", "<h2>a<ul><li>b</li></ul></h2>", "<h2>ab</h2>"},
        SanitizeCase{"list item needs a list", "<li>alone</li>", "<p>alone</p>"},
        SanitizeCase{"list items kept in lists", "<ul><li>one</li><li>two</li></ul>",
                     "<ul><li>one</li><li>two</li></ul>"},
        SanitizeCase{"table kept whole",
                     "<table><tbody><tr><th>h</th><td>d</td></tr></tbody></table>",
                     "<table><tbody><tr><th>h</th><td>d</td></tr></tbody></table>"}),
    [](const auto& test_case) {
        std::string name = test_case.param.name;
        for (auto& c : name)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        return name;
    });

TEST(Sanitize, ExtractsReadableText) {
    const auto out = sanitize_html("<p>First   para.</p><h2>Head</h2><p>Second<br>line</p>");
    EXPECT_EQ(out.text, "First para.\n\nHead\n\nSecond\nline");
}

TEST(Sanitize, SurvivesHostileNesting) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<span>";
    deep += "x";
    const auto out = sanitize_html(deep);
    EXPECT_EQ(out.html.find("<script"), std::string::npos);
    EXPECT_LT(out.html.size(), 5000u * 13);
}

TEST(Sanitize, ManyUnclosedBlocksStayCheap) {
    // Quadratic work in gumbo's error list made 100 KB of these take seconds and gigabytes.
    std::string hostile;
    for (int i = 0; i < 50'000; ++i) hostile += "<div>";
    hostile += "end";
    const auto out = sanitize_html(hostile);
    EXPECT_EQ(out.html.rfind("<p>&lt;div&gt;", 0), 0u);  // kept, inert, as text
    EXPECT_EQ(out.html.find("<div"), std::string::npos);
}

TEST(Sanitize, ReplacesInvalidUtf8) {
    const auto out = sanitize_html(
        "<p>a\xFF"
        "b</p>");
    EXPECT_EQ(out.html,
              "<p>a\xEF\xBF\xBD"
              "b</p>");
}

}  // namespace dateline::sanitize
