#include "media/image_library.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "../support_fixed_clock.hpp"
#include "domain/article.hpp"

namespace dateline::media {

using testing_support::TempDir;

namespace {

const std::filesystem::path fixtures =
    std::filesystem::path(DATELINE_SOURCE_DIR) / "tests/fixtures/ninjs/images";
// A photograph wide enough for every smaller copy (the demo's own, drawn for the project).
const std::filesystem::path photograph =
    std::filesystem::path(DATELINE_SOURCE_DIR) / "demo/images/city-skyline-dusk.jpg";

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t files_in(const std::filesystem::path& directory) {
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = std::filesystem::directory_iterator(directory, ec);
         !ec && it != std::filesystem::directory_iterator(); ++it)
        ++n;
    return n;
}

// The offset of a JPEG's first start-of-frame segment (SOF0..SOF15, not DHT/JPG/DAC).
std::size_t start_of_frame(const std::string& jpeg) {
    for (std::size_t i = 2; i + 9 < jpeg.size();) {
        if (static_cast<unsigned char>(jpeg[i]) != 0xFF) return std::string::npos;
        const auto marker = static_cast<unsigned char>(jpeg[i + 1]);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return i;
        const auto length = static_cast<std::size_t>(static_cast<unsigned char>(jpeg[i + 2])) << 8 |
                            static_cast<unsigned char>(jpeg[i + 3]);
        i += 2 + length;
    }
    return std::string::npos;
}

// PNG's chunk checksum (ISO 3309 CRC-32).
std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k) crc = crc & 1 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
    }
    return crc ^ 0xFFFFFFFFu;
}

}  // namespace

TEST(ImageLibrary, StoresGoodPictures) {
    TempDir dir;
    ImageLibrary library(dir.path());
    for (const auto& file :
         {fixtures / "harbour-dawn.jpg", fixtures / "solar-ferry.png", photograph}) {
        const std::string name = file.filename().string();
        auto stored = library.store_bytes(read(file));
        ASSERT_TRUE(stored.ok()) << name << ": " << stored.error().message;
        EXPECT_TRUE(std::filesystem::exists(dir.path() / stored->file_name));
        // Its smaller copies, a WebP copy of the picture and of each, beside them, and its crops.
        EXPECT_EQ(stored->copies, domain::media_copies_all);
        for (const auto& v : domain::media_variants(stored->file_name, stored->width))
            EXPECT_EQ(sniff_image_type(read(dir.path() / v.file_name)), "image/jpeg")
                << name << ": " << v.file_name;
        std::vector<std::string> copies{domain::webp_name(stored->file_name)};
        for (const auto& v : domain::media_variants(stored->file_name, stored->width))
            copies.push_back(domain::webp_name(v.file_name));
        for (const auto& copy : copies)
            EXPECT_EQ(sniff_image_type(read(dir.path() / copy)), "image/webp")
                << name << ": " << copy;
        // Each crop in its ratio, of the picture's kind: read back as a picture of that size.
        const ImageLibrary reader(dir.path() / "read-back");
        const auto crops = domain::media_crops(stored->file_name, stored->width, stored->height);
        ASSERT_EQ(crops.size(), 3u);
        for (const auto& crop : crops) {
            auto back = reader.store_bytes(read(dir.path() / crop.file_name));
            ASSERT_TRUE(back.ok())
                << name << ": " << crop.file_name << ": " << back.error().message;
            EXPECT_EQ(back->width, crop.width) << crop.file_name;
            EXPECT_EQ(back->height, crop.height) << crop.file_name;
            EXPECT_EQ(back->mime_type, stored->mime_type) << crop.file_name;
        }
        std::filesystem::remove_all(reader.directory());
        // Removing the picture takes every copy with it.
        library.remove(*stored);
        EXPECT_EQ(files_in(dir.path()), 0u) << name;
    }
}

// A picture stored again, or one stored by a release that made fewer copies, gets the copies it
// lacks; those it has are left as they are, not encoded and written again.
TEST(ImageLibrary, WritesOnlyTheCopiesAPictureLacks) {
    TempDir dir;
    ImageLibrary library(dir.path());
    auto stored = library.store_bytes(read(photograph));
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    const auto variants = domain::media_variants(stored->file_name, stored->width);
    ASSERT_EQ(variants.size(), 3u);
    ASSERT_EQ(variants.front().width, domain::media_thumbnail_width);
    const std::string thumbnail = variants.front().file_name;
    const std::string kept = variants.back().file_name;
    const std::vector<std::string> lacking{
        thumbnail, domain::webp_name(thumbnail),
        domain::media_crops(stored->file_name, stored->width, stored->height).back().file_name};
    for (const auto& name : lacking) std::filesystem::remove(dir.path() / name);
    struct stat before {};
    ASSERT_EQ(::stat((dir.path() / kept).c_str(), &before), 0);
    const std::size_t all = files_in(dir.path()) + lacking.size();

    auto again = library.store_bytes(read(photograph));
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_FALSE(again->created);
    EXPECT_EQ(files_in(dir.path()), all);
    for (const auto& name : lacking) EXPECT_TRUE(std::filesystem::exists(dir.path() / name));
    EXPECT_EQ(sniff_image_type(read(dir.path() / domain::webp_name(thumbnail))), "image/webp");
    struct stat after {};
    ASSERT_EQ(::stat((dir.path() / kept).c_str(), &after), 0);
    EXPECT_EQ(after.st_ino, before.st_ino) << kept << " was written again";

    // The same for the copies command's path, from the stored file alone.
    for (const auto& name : lacking) std::filesystem::remove(dir.path() / name);
    ASSERT_TRUE(library.write_copies(stored->file_name, stored->width).ok());
    EXPECT_EQ(files_in(dir.path()), all);
    const ImageLibrary reader(dir.path() / "read-back");
    auto small = reader.store_bytes(read(dir.path() / thumbnail));
    ASSERT_TRUE(small.ok()) << small.error().message;
    EXPECT_EQ(small->width, domain::media_thumbnail_width);
}

// Editors sending the same picture at the same moment (or two nodes on one media folder) each
// get it, and the files are whole: no writer renames another's half-written file. Exactly one
// of them is told it created the picture.
TEST(ImageLibrary, TheSamePictureStoredAtOnceByManyIsStoredWhole) {
    const std::string bytes = read(photograph);
    for (int round = 0; round < 2; ++round) {
        TempDir dir;
        const ImageLibrary library(dir.path());
        std::vector<Result<StoredImage>> outcomes(4, Error::invalid("not run"));
        {
            std::vector<std::jthread> writers;
            for (auto& outcome : outcomes)
                writers.emplace_back([&] { outcome = library.store_bytes(bytes); });
        }
        for (const auto& outcome : outcomes) ASSERT_TRUE(outcome.ok()) << outcome.error().message;
        // One of them made the picture: only its work, should it fail, may take the files away.
        EXPECT_EQ(std::count_if(outcomes.begin(), outcomes.end(),
                                [](const auto& outcome) { return outcome->created; }),
                  1);
        const StoredImage& stored = *outcomes.front();
        // Each file decodes in full (read back into a folder beside the one under test).
        std::size_t whole = 0;
        const auto read_back = dir.path().string() + "-read-back";
        for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
            const std::string name = entry.path().filename().string();
            EXPECT_FALSE(name.ends_with(".partial")) << name << " left behind";
            const ImageLibrary reader(std::filesystem::path(read_back) / name);
            if (reader.store_bytes(read(entry.path())).ok()) ++whole;
        }
        std::filesystem::remove_all(read_back);
        EXPECT_EQ(whole, files_in(dir.path()));
        EXPECT_EQ(read(dir.path() / stored.file_name).size(),
                  static_cast<std::size_t>(stored.bytes));
    }
}

TEST(ImageLibrary, ReadsOnlyRegularFiles) {
    TempDir dir;
    ImageLibrary library(dir.path() / "media");
    const auto fifo = dir.path() / "pipe.jpg";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // Nobody writes to the FIFO: a blocking open would never return.
    for (const std::filesystem::path& source :
         {fifo, dir.path(), std::filesystem::path("/dev/zero")}) {
        auto stored = library.store_file(source);
        ASSERT_FALSE(stored.ok()) << source;
        EXPECT_NE(stored.error().message.find("not a regular file"), std::string::npos)
            << source << ": " << stored.error().message;
    }
    auto missing = library.store_file(dir.path() / "missing.jpg");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("No such file"), std::string::npos)
        << missing.error().message;
    EXPECT_EQ(files_in(dir.path() / "media"), 0u);
}

TEST(ImageLibrary, RefusesTruncatedPictures) {
    for (const char* name : {"harbour-dawn.jpg", "solar-ferry.png"}) {
        TempDir dir;
        ImageLibrary library(dir.path());
        const std::string good = read(fixtures / name);
        ASSERT_GT(good.size(), 200u);
        // Cut in the middle of the pixel data: the header still reads as a whole picture.
        const std::string truncated = good.substr(0, good.size() * 2 / 3);
        auto stored = library.store_bytes(truncated);
        if (stored.ok()) {
            ADD_FAILURE() << name << " was stored as " << stored->file_name;
            continue;
        }
        EXPECT_EQ(stored.error().field, "image");
        EXPECT_NE(stored.error().message.find("damaged"), std::string::npos)
            << stored.error().message;
        EXPECT_EQ(files_in(dir.path()), 0u) << name << ": nothing written";
    }
}

TEST(ImageLibrary, RefusesAJpegWhoseHeaderClaimsMoreThanItsData) {
    TempDir dir;
    ImageLibrary library(dir.path());
    std::string jpeg = read(fixtures / "harbour-dawn.jpg");
    const std::size_t sof = start_of_frame(jpeg);
    ASSERT_NE(sof, std::string::npos);
    // SOF: FF Cx, length (2), precision (1), height (2), width (2). Claim eight times the rows.
    const int height =
        static_cast<unsigned char>(jpeg[sof + 5]) << 8 | static_cast<unsigned char>(jpeg[sof + 6]);
    const int claimed = height * 8;
    jpeg[sof + 5] = static_cast<char>(claimed >> 8);
    jpeg[sof + 6] = static_cast<char>(claimed & 0xFF);
    auto stored = library.store_bytes(jpeg);
    ASSERT_FALSE(stored.ok()) << "stored as " << stored->file_name << ", " << stored->width << "x"
                              << stored->height;
    EXPECT_NE(stored.error().message.find("damaged"), std::string::npos) << stored.error().message;
    EXPECT_EQ(files_in(dir.path()), 0u);
}

TEST(ImageLibrary, RefusesAPngWhoseHeaderClaimsMoreThanItsData) {
    TempDir dir;
    ImageLibrary library(dir.path());
    std::string png = read(fixtures / "solar-ferry.png");
    // The signature (8), then IHDR: length (4), "IHDR", width (4), height (4), ..., CRC (4).
    constexpr std::size_t height_at = 20;
    constexpr std::size_t ihdr_type_at = 12;
    constexpr std::size_t ihdr_crc_at = 29;
    ASSERT_EQ(png.substr(ihdr_type_at, 4), "IHDR");
    const unsigned height = static_cast<unsigned char>(png[height_at + 2]) << 8 |
                            static_cast<unsigned char>(png[height_at + 3]);
    const unsigned claimed = height * 8;
    png[height_at + 2] = static_cast<char>(claimed >> 8);
    png[height_at + 3] = static_cast<char>(claimed & 0xFF);
    // A correct checksum, so that only the missing rows are wrong.
    const std::uint32_t crc = crc32(png.substr(ihdr_type_at, ihdr_crc_at - ihdr_type_at));
    for (int i = 0; i < 4; ++i) png[ihdr_crc_at + i] = static_cast<char>(crc >> (24 - 8 * i));
    auto stored = library.store_bytes(png);
    ASSERT_FALSE(stored.ok()) << "stored as " << stored->width << "x" << stored->height;
    EXPECT_NE(stored.error().message.find("damaged"), std::string::npos) << stored.error().message;
    EXPECT_EQ(files_in(dir.path()), 0u);
}

}  // namespace dateline::media
