#include "render/byte_search.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dateline::render {
namespace {

// What find_control_or must answer, a byte at a time.
std::size_t first_stop(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == '&' || c == '<' || c == 0xE2) return i;
    }
    return text.size();
}

// 48 bytes: three blocks of sixteen, so that every offset of a block and the scalar tail
// (after the last whole block) both see each byte.
TEST(ByteSearch, FindsTheFirstStopAtEveryPositionAndFromEveryStart) {
    const std::string kept = "Plain \xD8\xAE\xD8\xA8\xD8\xB1 \x7F\x80\xFF words ";
    std::string base;
    while (base.size() < 48) base += kept[base.size() % kept.size()];
    for (const unsigned char stop : {'&', '<', '\0', '\n', '\x1F', '\xE2'}) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (const std::size_t length : {at + 1, base.size() - 1, base.size()}) {
                std::string text = base.substr(0, length);
                if (at >= text.size()) continue;
                text[at] = static_cast<char>(stop);
                for (std::size_t from = 0; from <= text.size() + 1; ++from)
                    ASSERT_EQ((find_control_or<'&', '<', '\xE2'>(text, from)),
                              first_stop(text, from))
                        << "stop " << int(stop) << " at " << at << " of " << text.size()
                        << ", from " << from;
            }
        }
    }
}

TEST(ByteSearch, KeepsBytesAboveTheControlsAndTheAsciiRange) {
    // Space, DEL and every byte of UTF-8 sequences are not controls.
    std::string text;
    text += ' ';
    for (int byte = 0x7F; byte <= 0xFF; ++byte)
        if (byte != 0xE2) text += static_cast<char>(byte);
    EXPECT_EQ((find_control_or<'&'>(text, 0)), text.size());
    EXPECT_EQ((find_control_or<'&'>(text + "&", 0)), text.size());
    EXPECT_EQ((find_control_or<'&'>("", 0)), 0u);
}

}  // namespace
}  // namespace dateline::render
