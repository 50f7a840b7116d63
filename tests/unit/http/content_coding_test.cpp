#include "http/content_coding.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace dateline::http {

TEST(ContentCoding, TheReaderWeightsDecideBrotliFirstOnATie) {
    const auto pick = [](std::string_view accept) { return preferred_coding(accept, true, true); };
    EXPECT_EQ(pick("gzip, deflate, br"), Coding::Brotli);  // what browsers send
    EXPECT_EQ(pick("gzip, deflate"), Coding::Gzip);
    EXPECT_EQ(pick("br;q=0.5, gzip;q=0.8"), Coding::Gzip);
    EXPECT_EQ(pick("BR, GZIP"), Coding::Brotli) << "names are case-insensitive";
    EXPECT_EQ(pick("x-gzip"), Coding::Gzip);
    EXPECT_EQ(pick("*"), Coding::Brotli);
    EXPECT_EQ(pick("*;q=0.5, br;q=0"), Coding::Gzip);
    EXPECT_EQ(pick("br;q=0, gzip;q=0"), Coding::Identity);
    EXPECT_EQ(pick("identity"), Coding::Identity);
    EXPECT_EQ(pick(""), Coding::Identity) << "no header: no coding";
    EXPECT_EQ(pick("deflate"), Coding::Identity);
    EXPECT_EQ(pick("br;q=2"), Coding::Identity) << "a malformed weight is ignored";
    EXPECT_EQ(pick("br;q=0.0001, gzip"), Coding::Gzip);
    EXPECT_EQ(preferred_coding("br, gzip", false, true), Coding::Gzip) << "only what is offered";
    EXPECT_EQ(preferred_coding("br", false, true), Coding::Identity);
}

namespace {
std::string gunzip(const std::string& compressed, std::size_t size) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return {};
    std::string back(size, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    z.next_out = reinterpret_cast<Bytef*>(back.data());
    z.avail_out = static_cast<uInt>(back.size());
    const bool whole = inflate(&z, Z_FINISH) == Z_STREAM_END && z.total_out == size;
    inflateEnd(&z);
    return whole ? back : std::string();
}
}  // namespace

TEST(ContentCoding, CompressedPagesAreSmallerAndComeBackWhole) {
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">";
    for (int i = 0; i < 200; ++i)
        page += "<article class=\"card\"><h2>Story " + std::to_string(i) + " of the " +
                std::to_string(i * 7919 % 1000) + " harbour</h2></article>\n";
    for (const auto effort : {Effort::Fast, Effort::Thorough}) {
        const auto gz = gzip_compress(page, effort);
        const auto br = brotli_compress(page, effort);
        ASSERT_FALSE(gz.empty());
        ASSERT_FALSE(br.empty());
        EXPECT_LT(gz.size(), page.size() / 4);
        EXPECT_LT(br.size(), page.size() / 4);
        // gzip decodes to the page (Brotli's decoding is checked over HTTP, by Node's zlib).
        EXPECT_EQ(gunzip(gz, page.size()), page);
    }
    EXPECT_LT(brotli_compress(page).size(), gzip_compress(page).size());
    EXPECT_LT(gzip_compress(page).size(), gzip_compress(page, Effort::Fast).size())
        << "a thorough compression is the tighter";
    EXPECT_LT(brotli_compress(page).size(), brotli_compress(page, Effort::Fast).size());
    EXPECT_TRUE(gzip_compress("tiny").empty()) << "not worth it";
    EXPECT_TRUE(brotli_compress("tiny", Effort::Fast).empty());
}

TEST(ContentCoding, AKeptBodyDecodesToThePageItWasMadeFrom) {
    std::string page = "<!DOCTYPE html>\n<html lang=\"ar\">";
    for (int i = 0; i < 300; ++i)
        page += "<p>\xd8\xae\xd8\xa8\xd8\xb1 " + std::to_string(i * 31 % 97) + "</p>\n";
    for (const auto effort : {Effort::Fast, Effort::Thorough}) {
        EXPECT_EQ(decompress(Coding::Brotli, brotli_compress(page, effort), page.size()), page);
        EXPECT_EQ(decompress(Coding::Gzip, gzip_compress(page, effort), page.size()), page);
    }
    const auto br = brotli_compress(page);
    EXPECT_TRUE(decompress(Coding::Brotli, br, page.size() - 1).empty()) << "longer than said";
    EXPECT_TRUE(decompress(Coding::Brotli, br, page.size() + 1).empty()) << "shorter than said";
    EXPECT_TRUE(decompress(Coding::Gzip, br, page.size()).empty()) << "not gzip";
    EXPECT_TRUE(decompress(Coding::Brotli, br.substr(0, br.size() / 2), page.size()).empty());
}

}  // namespace dateline::http
