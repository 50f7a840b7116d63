#include "search/excerpt.hpp"

#include <gtest/gtest.h>

#include "search/query.hpp"

namespace dateline::search {
namespace {

// The fragments written as text with the marked ones in brackets.
std::string shown(const std::vector<Fragment>& fragments) {
    std::string out;
    for (const auto& f : fragments) out += f.marked ? "[" + f.text + "]" : f.text;
    return out;
}

std::vector<std::string> marked(std::string_view query, std::string_view language) {
    return parse_query(query, language).marked_terms();
}

TEST(ExcerptTest, HighlightMarksEveryFormOfTheWordsSearchedFor) {
    EXPECT_EQ(
        shown(highlight("Ports reopen; the port's pilots return.", "en", marked("port", "en"))),
        "[Ports] reopen; the [port's] pilots return.");
    EXPECT_EQ(shown(highlight("افتتاح المكتبة، والمكتبات جديدة", "ar", marked("مكتبة", "ar"))),
              "افتتاح [المكتبة]، [والمكتبات] جديدة");
    EXPECT_EQ(shown(highlight("No match here.", "en", marked("port", "en"))), "No match here.");
}

TEST(ExcerptTest, AShortTextIsShownWhole) {
    EXPECT_EQ(shown(excerpt("Ships sail at dawn.", "en", marked("ship", "en"), 240)),
              "[Ships] sail at dawn.");
}

TEST(ExcerptTest, ALongTextGivesThePassageWithTheMostWordsSearchedFor) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Filler sentence number " + std::to_string(i) + ". ";
    text += "Then the port reopened and the pilots returned to work. ";
    for (int i = 0; i < 40; ++i) text += "More filler " + std::to_string(i) + ". ";
    const auto shown_text = shown(excerpt(text, "en", marked("port pilots", "en"), 80));
    EXPECT_NE(shown_text.find("[port] reopened and the [pilots]"), std::string::npos) << shown_text;
    EXPECT_EQ(shown_text.rfind("… ", 0), 0U) << shown_text;
    EXPECT_EQ(shown_text.substr(shown_text.size() - 4), " …") << shown_text;
}

TEST(ExcerptTest, ALongTextWithoutTheWordsGivesItsBeginning) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Filler sentence number " + std::to_string(i) + ". ";
    const auto shown_text = shown(excerpt(text, "en", marked("port", "en"), 60));
    EXPECT_EQ(shown_text.rfind("Filler sentence number 0.", 0), 0U) << shown_text;
    EXPECT_LE(shown_text.size(), 60U + 4U);
}

}  // namespace
}  // namespace dateline::search
