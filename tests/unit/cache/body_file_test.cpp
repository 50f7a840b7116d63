#include "cache/body_file.hpp"

#include <gtest/gtest.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "../support_loopback.hpp"
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

TEST(BodyFile, ABodyInFlightKeepsItsBytesWhenItsPageIsGone) {
    // A body handed to a socket nobody reads yet, its page then dropped and other pages kept:
    // the reader still gets the body as it was.
    const auto file = body_file();
    ASSERT_TRUE(file);
    std::uint16_t port = 0;
    const int listener = testing_support::listen_on_loopback(port);
    const int reader = testing_support::connect_to_loopback(port);
    const int sender = ::accept(listener, nullptr, nullptr);
    ASSERT_GE(sender, 0);

    const std::string sent(200'000, 'a');
    auto page = std::make_shared<KeptBody>();
    page->heap = sent;
    ASSERT_TRUE(page->keep_in(*file));
    EXPECT_TRUE(page->heap.empty()) << "the heap copy is given back";
    off_t offset = page->file->offset(0);
    std::size_t left = sent.size();
    while (left > 0) {  // the socket buffers take it whole on loopback
        const auto n = ::sendfile(sender, page->file->fd(), &offset, left);
        ASSERT_GT(n, 0);
        left -= static_cast<std::size_t>(n);
    }
    page.reset();
    std::vector<std::shared_ptr<const KeptBodies>> others;
    others.reserve(8);
    for (int i = 0; i < 8; ++i) others.push_back(file->keep({std::string(200'000, 'b')}));

    std::string received;
    char chunk[65536];
    while (received.size() < sent.size()) {
        const auto n = ::recv(reader, chunk, sizeof chunk, 0);
        ASSERT_GT(n, 0);
        received.append(chunk, static_cast<std::size_t>(n));
    }
    EXPECT_TRUE(received == sent) << "the page's own bytes, not another's";
    for (const int fd : {sender, reader, listener}) ::close(fd);
}

TEST(BodyFile, StopsAtItsLimitsAndLeavesThePageInTheHeap) {
    std::string error;
    const auto file = BodyFile::create(error, {.max_stretches = 2, .max_size = 0});
    ASSERT_TRUE(file) << error;
    auto first = file->keep({"one"});
    const auto second = file->keep({"two"});
    ASSERT_TRUE(first && second);
    auto body = std::make_shared<KeptBody>();
    body->heap = "three";
    EXPECT_FALSE(body->keep_in(*file)) << "a third mapping is beyond the limit";
    EXPECT_EQ(body->bytes(), "three");
    first.reset();
    EXPECT_TRUE(body->keep_in(*file)) << "room again once one is let go";
    EXPECT_TRUE(body->file);
    EXPECT_EQ(body->bytes(), "three");

    const auto small = BodyFile::create(error, {.max_stretches = 0, .max_size = 64 * 1024});
    ASSERT_TRUE(small) << error;
    EXPECT_TRUE(small->keep({std::string(40'000, 'x')}));
    EXPECT_FALSE(small->keep({std::string(40'000, 'y')})) << "past the file's size limit";
}

TEST(PageCache, CountsWhatABodyFileHoldsForItsPages) {
    const auto file = body_file();
    ASSERT_TRUE(file);
    // Room for one page of 50,000 bytes (13 pages of memory in the file), not for two.
    PageCache cache(80'000, std::chrono::seconds(30));
    for (const auto* key : {"a", "b"}) {
        auto body = std::make_shared<KeptBody>();
        body->heap = std::string(50'000, 'x');
        ASSERT_TRUE(body->keep_in(*file));
        auto page = std::make_shared<CachedPage>();
        page->bodies[0] = body;
        cache.put(key, page, cache.generation());
    }
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_GE(cache.bytes(), 50'000u);
}

}  // namespace dateline::cache
