// The comment form's field texts (site::CommentFormText::field_text): made once for a language
// and a site's settings and given again to every form shown so; another limit or digits makes
// them anew.
#include <gtest/gtest.h>

#include <filesystem>

#include "render/catalog.hpp"
#include "site/comment_form.hpp"

namespace dateline::site {

namespace {

const render::Catalog& default_catalog() {
    static const render::Catalog catalog = std::move(
        *render::Catalog::load(std::filesystem::path(DATELINE_SOURCE_DIR) / "themes/default/i18n"));
    return catalog;
}

}  // namespace

TEST(CommentFormText, AFieldsTextIsMadeOnceForTheSameSettings) {
    const CommentFormText text(default_catalog());
    const auto first = text.field_text("en", 0, 80, false);  // the name
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->label, default_catalog().text("en", "field_name"));
    EXPECT_EQ(first->hint, "Shown with your comment. Up to 80 characters.");
    EXPECT_EQ(text.field_text("en", 0, 80, false), first) << "the one made, given again";
    const auto title = text.field_text("en", 2, 120, false);
    EXPECT_EQ(title->label, default_catalog().text("en", "field_title"));
    EXPECT_EQ(title->hint, "Up to 120 characters.");
}

TEST(CommentFormText, AnotherLimitDigitsOrLanguageMakesItAnew) {
    const CommentFormText text(default_catalog());
    const auto eighty = text.field_text("en", 0, 80, false);
    EXPECT_EQ(text.field_text("en", 0, 20, false)->hint,
              "Shown with your comment. Up to 20 characters.");
    EXPECT_EQ(text.field_text("en", 0, 1, false)->hint,
              "Shown with your comment. Up to 1 character.");
    EXPECT_EQ(text.field_text("en", 0, 80, false)->hint, eighty->hint);
    const auto arabic = text.field_text("ar", 0, 80, true);
    EXPECT_EQ(arabic->hint, default_catalog().count("ar", "hint_name", "limit", 80, true));
    EXPECT_NE(arabic->hint.find("٨٠"), std::string::npos) << arabic->hint;
    EXPECT_EQ(text.field_text("ar", 0, 80, false)->hint,
              default_catalog().count("ar", "hint_name", "limit", 80, false));
    EXPECT_EQ(text.field_text("en", CommentFormText::field_count, 80, false), nullptr)
        << "a field the form does not have";
}

}  // namespace dateline::site
