#include "domain/slug.hpp"

#include <gtest/gtest.h>

namespace dateline::domain {

struct SlugCase {
    const char* input;
    const char* expected;
};

class SlugifyTest : public testing::TestWithParam<SlugCase> {};

TEST_P(SlugifyTest, MakesReadableSlugs) {
    EXPECT_EQ(slugify(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Headlines, SlugifyTest,
    testing::Values(SlugCase{"Oman opens new coastal highway", "oman-opens-new-coastal-highway"},
                    SlugCase{"Egypt's hotels: a record!", "egypts-hotels-a-record"},
                    SlugCase{"  Café crème -- déjà vu  ", "cafe-creme-deja-vu"},
                    SlugCase{"Prices rise 7% in Q3", "prices-rise-7-in-q3"},
                    // Arabic stays Arabic; harakat and tatweel go.
                    SlugCase{"مَدْرَسَة جديدة في دبي", "مدرسة-جديدة-في-دبي"},
                    SlugCase{"الاقتصـــاد ينمو", "الاقتصاد-ينمو"},
                    SlugCase{"<script>alert(1)</script>", "script-alert-1-script"},
                    SlugCase{"!!!", ""}));

TEST(Slugify, CutsLongHeadlinesAtAWordBoundary) {
    const std::string slug = slugify("one two three four five six", 15);
    EXPECT_EQ(slug, "one-two-three");
}

TEST(Slugify, ValidSlugsAreThoseSlugifyKeeps) {
    EXPECT_TRUE(is_valid_slug("gulf-markets"));
    EXPECT_TRUE(is_valid_slug("أسواق-الخليج"));
    EXPECT_FALSE(is_valid_slug("Gulf-Markets"));
    EXPECT_FALSE(is_valid_slug("gulf--markets"));
    EXPECT_FALSE(is_valid_slug("-gulf"));
    EXPECT_FALSE(is_valid_slug(""));
    EXPECT_FALSE(is_valid_slug("../etc"));
}

}  // namespace dateline::domain
