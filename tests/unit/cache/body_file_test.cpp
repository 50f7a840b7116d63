#include "cache/body_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "cache/page_cache.hpp"

namespace dateline::cache {

namespace {

std::shared_ptr<BodyFile> body_file() {
    std::string error;
    auto file = BodyFile::create(error);
    EXPECT_TRUE(file) << error;
    return file;
}

std::string read_at(int fd, std::int64_t offset, std::size_t size) {
    std::string out(size, '\0');
    EXPECT_EQ(::pread(fd, out.data(), size, offset), static_cast<ssize_t>(size));
    return out;
}

// The memory the file holds, in bytes.
long long held(int fd) {
    struct stat st {};
    EXPECT_EQ(::fstat(fd, &st), 0);
    return static_cast<long long>(st.st_blocks) * 512;
}

}  // namespace

TEST(BodyFile, KeepsEachBodyInMemoryAndAtItsPlaceInTheFile) {
    const auto file = body_file();
    ASSERT_TRUE(file);
    const std::string plain(70'000, 'p');
    const auto kept = file->keep({plain, "gzip bytes", ""});
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->bytes(0), plain);
    EXPECT_EQ(kept->bytes(1), "gzip bytes");
    EXPECT_EQ(kept->bytes(2), "");
    for (std::size_t i = 0; i < 2; ++i)
        EXPECT_EQ(read_at(kept->fd(), kept->offset(i), kept->bytes(i).size()), kept->bytes(i));
    EXPECT_EQ(kept->footprint() % static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)), 0u);
    EXPECT_GE(kept->footprint(), plain.size() + 10);
}

TEST(BodyFile, GivesTheMemoryBackAndNeverWritesWhereABodyWas) {
    const auto file = body_file();
    ASSERT_TRUE(file);
    const std::string first(1 << 20, 'a');
    auto kept = file->keep({first});
    ASSERT_TRUE(kept);
    const auto where = kept->offset(0);
    EXPECT_GE(held(file->fd()), 1 << 20);
    kept.reset();
    EXPECT_LT(held(file->fd()), 1 << 20) << "the body's memory is given back";
    const auto next = file->keep({std::string(1 << 20, 'b')});
    ASSERT_TRUE(next);
    EXPECT_GE(next->offset(0), where + (1 << 20)) << "a new body goes past every earlier one";
}

TEST(BodyFile, APageKeepsItsBytesWhileItIsSent) {
    // A page dropped from the cache while a reader is still being sent it: the reader's response
    // owns the stretch, which stays mapped until the response lets go.
    const auto file = body_file();
    ASSERT_TRUE(file);
    auto page = std::make_shared<CachedPage>();
    page->body = std::string(50'000, 'x');
    page->gzip_body = "compressed";
    ASSERT_TRUE(page->keep_in(*file));
    EXPECT_TRUE(page->body.empty()) << "the heap copy is given back";
    EXPECT_EQ(page->bytes(Body::Plain), std::string(50'000, 'x'));
    EXPECT_EQ(page->bytes(Body::Gzip), "compressed");
    EXPECT_EQ(page->bytes(Body::Brotli), "");
    const std::shared_ptr<const void> response_owner = page;
    const auto sent = page->bytes(Body::Plain);
    page.reset();
    const auto other = file->keep({std::string(50'000, 'y')});
    ASSERT_TRUE(other);
    EXPECT_EQ(sent, std::string(50'000, 'x'));
}

TEST(PageCache, CountsWhatABodyFileHoldsForItsPages) {
    const auto file = body_file();
    ASSERT_TRUE(file);
    // Room for one page of 50,000 bytes (13 pages of memory in the file), not for two.
    PageCache cache(80'000, std::chrono::seconds(30));
    for (const auto* key : {"a", "b"}) {
        auto page = std::make_shared<CachedPage>();
        page->body = std::string(50'000, 'x');
        ASSERT_TRUE(page->keep_in(*file));
        cache.put(key, page, cache.generation());
    }
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_GE(cache.bytes(), 50'000u);
}

}  // namespace dateline::cache
