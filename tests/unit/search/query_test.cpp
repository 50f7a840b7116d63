#include "search/query.hpp"

#include <gtest/gtest.h>

namespace dateline::search {
namespace {

using Phrases = std::vector<Phrase>;

TEST(QueryTest, WordsAreRequiredEachReducedToItsTerm) {
    const auto q = parse_query("  Ports   REOPENING\t", "en");
    EXPECT_EQ(q.required, (Phrases{{"port"}, {"reopen"}}));
    EXPECT_TRUE(q.excluded.empty());
    EXPECT_FALSE(q.empty());
}

TEST(QueryTest, QuotationMarksOfEveryKindMakePhrases) {
    EXPECT_EQ(parse_query("\"trade route\" oman", "en").required,
              (Phrases{{"trade", "rout"}, {"oman"}}));
    EXPECT_EQ(parse_query("“trade route”", "en").required, (Phrases{{"trade", "rout"}}));
    EXPECT_EQ(parse_query("„trade route“", "en").required, (Phrases{{"trade", "rout"}}));
    EXPECT_EQ(parse_query("«الطريق التجاري»", "ar").required.size(), 1U);
    EXPECT_EQ(parse_query("«الطريق التجاري»", "ar").required.front().size(), 2U);
    // An unclosed quotation runs to the end.
    EXPECT_EQ(parse_query("\"trade route", "en").required, (Phrases{{"trade", "rout"}}));
}

TEST(QueryTest, AMinusBeforeAWordOrPhraseExcludesIt) {
    const auto q = parse_query("port -dubai −\"jebel ali\" - oman", "en");
    EXPECT_EQ(q.required, (Phrases{{"port"}, {"oman"}}));
    EXPECT_EQ(q.excluded, (Phrases{{"dubai"}, {"jebel", "ali"}}));
    EXPECT_TRUE(parse_query("-dubai", "en").empty());
}

TEST(QueryTest, AWordTheAnalysisSplitsIsAPhraseOfItsParts) {
    EXPECT_EQ(parse_query("covid-19", "en").required, (Phrases{{"covid", "19"}}));
    EXPECT_EQ(parse_query("state-of-the-art", "en").required.size(), 1U);
}

TEST(QueryTest, RepeatsCountOnceAndPunctuationAloneIsNothing) {
    EXPECT_EQ(parse_query("port Port PORTS", "en").required, (Phrases{{"port"}}));
    EXPECT_TRUE(parse_query("... ! ؟ \"\"", "en").empty());
    EXPECT_TRUE(parse_query("", "ar").empty());
}

TEST(QueryTest, ALongQueryIsReadUpToItsBounds) {
    std::string many;
    for (int i = 0; i < 30; ++i) many += "word" + std::to_string(i) + " ";
    EXPECT_EQ(parse_query(many, "en").required.size(), max_query_parts);
    // Cut within max_query_bytes at a character's start: no broken letter becomes a term.
    std::string arabic;
    while (arabic.size() < 2 * max_query_bytes) arabic += "مكتبة ";
    for (const auto& phrase : parse_query("x" + arabic, "ar").required)
        for (const auto& term : phrase)
            EXPECT_EQ(term.find("\xEF\xBF\xBD"), std::string::npos);  // no U+FFFD
}

TEST(QueryTest, MarkedTermsAreTheRequiredOnesOnce) {
    const auto q = parse_query("\"port city\" port -dubai", "en");
    EXPECT_EQ(q.marked_terms(), (std::vector<std::string>{"port", "citi"}));
}

}  // namespace
}  // namespace dateline::search
