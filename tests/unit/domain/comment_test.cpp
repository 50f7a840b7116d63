#include "domain/comment.hpp"

#include <gtest/gtest.h>

namespace dateline::domain {

TEST(CommentRules, EveryFaultyFieldIsNamedInFormOrder) {
    const CommentDraft draft{std::string(81, 'n'), "", "Title \x01", "   "};
    std::vector<std::string> found;
    for (const auto& e : field_errors(draft, CommentLimits{}))
        found.push_back(e.field + ":" + e.key);
    EXPECT_EQ(found, (std::vector<std::string>{"name:too_long", "email:required", "title:invalid",
                                               "comment:required"}));
    const auto first = validate(draft, CommentLimits{});
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().field, "name");
    EXPECT_EQ(first.error().message, "too_long");
}

TEST(CommentRules, LimitsCountCharactersNotBytes) {
    std::string arabic;
    for (int i = 0; i < 80; ++i) arabic += "ع";  // 160 bytes, 80 characters
    EXPECT_TRUE(field_errors({arabic, "a@b.example", "T", "B"}, CommentLimits{}).empty());
    EXPECT_FALSE(field_errors({arabic + "ع", "a@b.example", "T", "B"}, CommentLimits{}).empty());
}

TEST(CommentRules, HeldReasonsAreReadWholeAndKnownOnly) {
    EXPECT_EQ(held_reasons_of("links,question"),
              (std::vector<std::string_view>{"links", "question"}));
    EXPECT_EQ(held_reasons_of("question,links"),
              (std::vector<std::string_view>{"links", "question"}));
    EXPECT_EQ(held_reasons_of("honeypot"), (std::vector<std::string_view>{"honeypot"}));
    EXPECT_TRUE(held_reasons_of("").empty());
    EXPECT_TRUE(held_reasons_of("linksy,questions,rude").empty()) << "whole words only";
}

}  // namespace dateline::domain
