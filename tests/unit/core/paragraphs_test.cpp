#include "core/paragraphs.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(Paragraphs, BlankLinesSeparateAndOtherBreaksJoin) {
    using List = std::vector<std::string>;
    EXPECT_EQ(split_paragraphs("One line\nsame paragraph\n\nSecond"),
              (List{"One line same paragraph", "Second"}));
    EXPECT_EQ(split_paragraphs("Windows\r\nbreaks\r\n\r\nkept apart"),
              (List{"Windows breaks", "kept apart"}));
    EXPECT_EQ(split_paragraphs("\n \t\nOnly\n\n\n\nspaced  \n"), (List{"Only", "spaced  "}));
    EXPECT_EQ(split_paragraphs(""), List{});
    EXPECT_EQ(split_paragraphs(" \r\n\t"), List{});
    EXPECT_EQ(split_paragraphs("نص عربي\nيتابع\n\nفقرة ثانية"),
              (List{"نص عربي يتابع", "فقرة ثانية"}));
}

}  // namespace dateline
