#include "search/key_terms.hpp"

#include <gtest/gtest.h>

namespace dateline::search {
namespace {

using Terms = std::vector<std::string>;

TEST(KeyTermsTest, EnglishKeepsWhatAStoryIsAbout) {
    EXPECT_EQ(key_terms("The minister said on Monday that 2,000 new ferries will sail within hours",
                        "en"),
              (Terms{"minist", "monday", "ferri", "sail", "within"}));
}

TEST(KeyTermsTest, EachTermOnceInTheOrderItComes) {
    EXPECT_EQ(key_terms("Ports and ports: the port's pilots", "en"), (Terms{"port", "pilot"}));
}

TEST(KeyTermsTest, ArabicLeavesOutItsFunctionWordsAndCountsItsSpellingsAsOne) {
    const auto terms = key_terms("قال الوزير إن المكتبة الجديدة في مسقط ستفتح خلال أسبوع", "ar");
    EXPECT_EQ(terms.size(), 5U) << "الوزير المكتبة الجديدة مسقط ستفتح";
    EXPECT_EQ(key_terms("والمكتبة", "ar"), key_terms("المكتبه", "ar"));
    EXPECT_TRUE(key_terms("في من على إلى عن قال ٢٠٢٦", "ar").empty());
}

TEST(KeyTermsTest, OtherLanguagesKeepEveryWordButNumbers) {
    EXPECT_EQ(key_terms("Le port de Sète 2026", "fr"), (Terms{"le", "port", "de", "sète"}));
}

}  // namespace
}  // namespace dateline::search
