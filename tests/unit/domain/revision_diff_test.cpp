#include "domain/revision_diff.hpp"

#include <gtest/gtest.h>

namespace dateline::domain {

namespace {

std::string rendered(const std::vector<DiffLine>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += (l.kind == DiffLine::Kind::Added     ? "+"
                : l.kind == DiffLine::Kind::Removed ? "-"
                                                    : " ") +
               l.text + "\n";
    return out;
}

}  // namespace

TEST(RevisionDiff, LinesAreKeptRemovedOrAddedInReadingOrder) {
    EXPECT_EQ(rendered(diff_lines("one\ntwo\nthree", "one\n2\nthree\nfour")),
              " one\n-two\n+2\n three\n+four\n");
    EXPECT_EQ(rendered(diff_lines("", "new")), "+new\n");
    EXPECT_EQ(rendered(diff_lines("same", "same")), " same\n");
    EXPECT_EQ(rendered(diff_lines("\u0627\u0644\u0645\u064A\u0646\u0627\u0621", "")),
              "-\u0627\u0644\u0645\u064A\u0646\u0627\u0621\n");
}

TEST(RevisionDiff, TheFieldsThatDifferAndTheBodyLineByLine) {
    ArticleDraft before;
    before.headline = "Harbour reopens";
    before.body_source = "Ships return.\nCranes wait.";
    before.author_names = {"Rana Haddad"};
    before.tag_names = {"Harbour"};
    ArticleDraft after = before;
    after.headline = "Harbour reopens at dawn";
    after.tag_names = {"Harbour", "Weather"};
    after.lead_image_id = 7;
    after.body_source = "Ships return.\nCranes are busy.";
    const auto c = compare(before, after);
    ASSERT_EQ(c.fields.size(), 3u);
    EXPECT_EQ(c.fields[0].field, "headline");
    EXPECT_EQ(c.fields[0].after, "Harbour reopens at dawn");
    EXPECT_EQ(c.fields[1].field, "tags");
    EXPECT_EQ(c.fields[1].before, "Harbour");
    EXPECT_EQ(c.fields[1].after, "Harbour, Weather");
    EXPECT_EQ(c.fields[2].field, "lead_image");
    EXPECT_TRUE(c.body_changed);
    EXPECT_EQ(rendered(c.body), " Ships return.\n-Cranes wait.\n+Cranes are busy.\n");
    EXPECT_FALSE(compare(before, before).body_changed);
    EXPECT_TRUE(compare(before, before).fields.empty());
}

TEST(RevisionDiff, WireCopyIsComparedABlockALine) {
    ArticleDraft before;
    before.body_html = "<p>First <em>point</em>.</p><p>Second.</p><ul><li>a</li></ul>";
    ArticleDraft after = before;
    after.body_html = "<p>First <em>point</em>.</p><p>Second, corrected.</p><ul><li>a</li></ul>";
    EXPECT_EQ(rendered(compare(before, after).body),
              " <p>First <em>point</em>.</p>\n-<p>Second.</p>\n+<p>Second, corrected.</p>\n"
              " <ul><li>a</li>\n </ul>\n");
}

}  // namespace dateline::domain
