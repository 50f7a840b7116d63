#include "site/cached_pages.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace dateline::site {

namespace {

// A page long enough to be worth compressing, and to be sent from the body file.
const std::string html = [] {
    std::string page = "<!doctype html><html><body>";
    for (int i = 0; i < 800; ++i)
        page += "<p>Paragraph " + std::to_string(i) + " of a story about the harbour.</p>";
    return page + "</body></html>";
}();

struct Fixture {
    domain::Site site;
    SiteMatch match;
    CachedPages pages;
    std::atomic<int> renders{0};

    explicit Fixture(const CacheOptions& options = {}) : pages(options) {
        site.id = 1;
        site.slug = "en";
        match = {&site, 1};
    }

    http::Request request(const std::string& accept_encoding) const {
        http::Request r;
        r.target.segments = {"en", "world"};
        r.target.trailing_slash = true;
        if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", accept_encoding);
        return r;
    }

    http::Response get(const std::string& accept_encoding) {
        const auto r = request(accept_encoding);
        if (auto fresh = pages.fresh(r, match)) return std::move(*fresh);
        return pages.through(r, match, [&] {
            ++renders;
            return RenderedPage{http::Response::html(200, html), {"site:1"}};
        });
    }

    std::size_t compressions() const {
        const auto counts = pages.counts();
        return counts.gzip.fast + counts.gzip.thorough + counts.brotli.fast +
               counts.brotli.thorough;
    }
};

std::string field(const http::Response& r, std::string_view name) {
    // Fields in wire form, "Name: value\r\n" each, then the response's own.
    const std::string wanted = "\r\n" + std::string(name) + ": ";
    for (const std::string_view part : r.fields.parts) {
        const std::string lines = "\r\n" + std::string(part);
        const auto at = lines.find(wanted);
        if (at == std::string::npos) continue;
        const auto start = at + wanted.size();
        return lines.substr(start, lines.find("\r\n", start) - start);
    }
    return std::string(r.header(name));
}

}  // namespace

TEST(CachedPages, AMissIsCompressedInTheCodingItsReaderTakesAlone) {
    Fixture f;
    const auto first = f.get("gzip, deflate, br");
    EXPECT_EQ(first.cache, std::string_view("miss"));
    EXPECT_EQ(field(first, "Content-Encoding"), "br");
    EXPECT_EQ(f.pages.counts().brotli.fast, 1u);
    EXPECT_EQ(f.pages.counts().gzip.fast, 0u) << "no reader has asked for gzip";
    const auto kept = f.pages.statistics().bytes;
    EXPECT_LT(kept, html.size() / 4) << "its Brotli body alone";

    // A reader of gzip: not answered by an I/O thread, but compressed once by a worker.
    EXPECT_FALSE(f.pages.fresh(f.request("gzip"), f.match));
    const auto gzip = f.get("gzip");
    EXPECT_EQ(gzip.cache, std::string_view("hit"));
    EXPECT_EQ(field(gzip, "Content-Encoding"), "gzip");
    EXPECT_EQ(field(gzip, "Vary"), "Accept-Encoding");
    EXPECT_EQ(f.pages.counts().gzip.fast, 1u);
    EXPECT_EQ(f.pages.counts().decoded, 1u) << "from the Brotli body";
    EXPECT_GT(f.pages.statistics().bytes, kept) << "the gzip body counts against the budget";

    // A reader of the plain page: the page decoded once by a worker, and kept.
    EXPECT_FALSE(f.pages.fresh(f.request(""), f.match));
    const auto plain = f.get("");
    EXPECT_EQ(plain.cache, std::string_view("hit"));
    EXPECT_TRUE(field(plain, "Content-Encoding").empty());
    EXPECT_EQ(plain.shared_body.bytes, html);
    EXPECT_EQ(f.pages.counts().decoded, 2u);

    // From then on every coding is a hit an I/O thread answers, compressed no more (until a
    // fast body has been sent often).
    for (const auto* coding : {"gzip", "br", "", "gzip, br"}) {
        const auto again = f.pages.fresh(f.request(coding), f.match);
        ASSERT_TRUE(again) << coding;
        EXPECT_EQ(field(*again, "Vary"), "Accept-Encoding") << coding;
    }
    EXPECT_EQ(f.compressions(), 2u);
    EXPECT_EQ(f.renders, 1);
}

// A page's own header fields are kept once, whichever codings its body is kept in: a page's
// Surrogate-Key alone names everything it shows, every story linked from it.
TEST(CachedPages, APagesFieldsAreKeptOnceForEveryCoding) {
    Fixture f;
    std::vector<std::string> tags;
    tags.reserve(2000);
    for (int i = 0; i < 2000; ++i) tags.push_back("story:" + std::to_string(10000 + i));
    const auto get = [&](const std::string& coding) {
        const auto r = f.request(coding);
        if (auto fresh = f.pages.fresh(r, f.match)) return std::move(*fresh);
        return f.pages.through(r, f.match, [&] {
            return RenderedPage{http::Response::html(200, html), tags};
        });
    };
    const auto brotli = get("br");
    const std::size_t keys = field(brotli, "Surrogate-Key").size();
    ASSERT_GT(keys, 20000u);
    const auto one = f.pages.statistics().bytes;
    EXPECT_GT(one, keys) << "counted against the budget";
    const auto gzip = get("gzip");
    const auto plain = get("");
    ASSERT_EQ(gzip.cache, std::string_view("hit"));
    ASSERT_EQ(plain.cache, std::string_view("hit"));
    EXPECT_EQ(field(gzip, "Surrogate-Key").size(), keys);
    EXPECT_EQ(field(plain, "Surrogate-Key").size(), keys);
    EXPECT_EQ(field(plain, "Content-Type"), "text/html; charset=utf-8");
    const auto bodies = gzip.shared_body.bytes.size() + plain.shared_body.bytes.size();
    EXPECT_LT(f.pages.statistics().bytes - one, bodies + keys / 4)
        << "each coding adds its body and its own few fields, not the page's again";
}

TEST(CachedPages, APageReadInOneCodingIsKeptInItAlone) {
    Fixture f;
    f.get("gzip");
    const auto kept = f.pages.statistics().bytes;
    EXPECT_LT(kept, html.size() / 4) << "no plain body beside the gzip one";
    // A plain reader and a Brotli reader: each body made from the gzip one, decoded.
    EXPECT_EQ(f.get("").shared_body.bytes, html);
    const auto br = f.get("br");
    EXPECT_EQ(field(br, "Content-Encoding"), "br");
    EXPECT_GT(f.pages.statistics().bytes, kept + html.size()) << "the plain body kept now";
    EXPECT_EQ(f.pages.counts().brotli.fast, 1u);
    EXPECT_EQ(f.pages.counts().decoded, 1u) << "the Brotli body made from the plain one kept";
    EXPECT_EQ(f.renders, 1);
}

TEST(CachedPages, AReaderOfThePlainPageCompressesNothing) {
    Fixture f;
    const auto plain = f.get("");
    EXPECT_TRUE(field(plain, "Content-Encoding").empty());
    EXPECT_EQ(field(plain, "Vary"), "Accept-Encoding")
        << "a later reader may get it compressed: caches in between must know";
    EXPECT_EQ(plain.shared_body.bytes, html);
    EXPECT_EQ(f.compressions(), 0u);
    EXPECT_TRUE(f.pages.fresh(f.request("identity"), f.match));
}

TEST(CachedPages, ReadersAskingAtOnceForACodingCompressItOnce) {
    Fixture f;
    f.get("");  // kept plain
    std::vector<std::thread> readers;
    readers.reserve(8);
    std::atomic<int> gzipped{0};
    for (int i = 0; i < 8; ++i)
        readers.emplace_back([&] {
            const auto r = f.get("gzip");
            if (field(r, "Content-Encoding") == "gzip" && !r.shared_body.bytes.empty()) ++gzipped;
        });
    for (auto& reader : readers) reader.join();
    EXPECT_EQ(gzipped, 8);
    EXPECT_EQ(f.pages.counts().gzip.fast, 1u);
    EXPECT_EQ(f.pages.counts().brotli.fast, 0u);
}

TEST(CachedPages, TwoCodingsMadeAtOnceAreBothKept) {
    Fixture f;
    f.get("");
    std::thread gzip([&] { f.get("gzip"); });
    std::thread brotli([&] { f.get("br"); });
    gzip.join();
    brotli.join();
    EXPECT_TRUE(f.pages.fresh(f.request("gzip"), f.match));
    EXPECT_TRUE(f.pages.fresh(f.request("br"), f.match));
    EXPECT_EQ(f.compressions(), 2u);
}

TEST(CachedPages, ABodySentOftenIsCompressedAgainThoroughlyOnce) {
    Fixture f;
    const auto first = f.get("br");
    EXPECT_EQ(field(first, "ETag").substr(17), "-br-fast\"") << "its own validator";
    const auto fast = std::string(first.shared_body.bytes);
    EXPECT_EQ(f.pages.counts().brotli.fast, 1u);
    // Sent from the cache by I/O threads until it has been sent often enough.
    for (std::uint32_t i = 1; i < CachedPages::thorough_after; ++i)
        EXPECT_TRUE(f.pages.fresh(f.request("br"), f.match)) << "send " << i;
    // The send that makes it so goes to a worker; the I/O threads go on sending the fast body
    // to the others meanwhile.
    const auto due = f.request("br");
    EXPECT_FALSE(f.pages.fresh(due, f.match));
    const auto meanwhile = f.pages.fresh(f.request("br"), f.match);
    ASSERT_TRUE(meanwhile);
    EXPECT_EQ(meanwhile->shared_body.bytes, fast);
    EXPECT_EQ(f.pages.counts().brotli.thorough, 0u);
    // Workers that find it due at once compress it thoroughly once.
    const auto render = [] { return RenderedPage{http::Response::html(200, html), {"site:1"}}; };
    std::vector<std::thread> workers;
    workers.reserve(6);
    for (int i = 0; i < 6; ++i)
        workers.emplace_back([&] { EXPECT_EQ(f.pages.through(due, f.match, render).status, 200); });
    for (auto& worker : workers) worker.join();
    EXPECT_EQ(f.pages.counts().brotli.thorough, 1u);
    const auto thorough = f.pages.fresh(f.request("br"), f.match);
    ASSERT_TRUE(thorough) << "the thorough body is a hit an I/O thread answers";
    EXPECT_EQ(field(*thorough, "ETag").substr(17), "-br\"");
    EXPECT_LT(thorough->shared_body.bytes.size(), fast.size());
    EXPECT_EQ(field(*thorough, "ETag").substr(0, 17), field(first, "ETag").substr(0, 17))
        << "the same page";
    for (int i = 0; i < 10; ++i) f.get("br");
    EXPECT_EQ(f.compressions(), 2u);
    EXPECT_EQ(f.pages.counts().gzip.fast + f.pages.counts().gzip.thorough, 0u);
}

TEST(CachedPages, ARevalidationOfTheFastBodyIsAnsweredWithoutCounting) {
    Fixture f;
    const auto first = f.get("br");
    auto again = f.request("br");
    again.headers.emplace_back("if-none-match", field(first, "ETag"));
    for (std::uint32_t i = 0; i < 2 * CachedPages::thorough_after; ++i) {
        const auto answer = f.pages.fresh(again, f.match);
        ASSERT_TRUE(answer) << "an I/O thread answers revalidation " << i;
        EXPECT_EQ(answer->status, 304);
    }
    EXPECT_EQ(f.pages.counts().brotli.thorough, 0u) << "a 304 sends no body";
}

TEST(CachedPages, APageReadOnceOrTwiceIsNeverCompressedThoroughly) {
    Fixture f;
    f.get("gzip");
    f.get("gzip");
    EXPECT_EQ(f.pages.counts().gzip.fast, 1u);
    EXPECT_EQ(f.pages.counts().gzip.thorough, 0u);
    EXPECT_EQ(f.renders, 1);
}

// A stale page, served while the database is down (or another render runs), is about to be
// rendered again: it is sent its fast body however often, and not compressed thoroughly.
TEST(CachedPages, AStalePageIsNotCompressedThoroughly) {
    Fixture f(CacheOptions{.fresh_for = std::chrono::seconds(1)});
    f.get("br");
    for (std::uint32_t i = 0; i < CachedPages::thorough_after; ++i)
        (void)f.pages.fresh(f.request("br"), f.match);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto down = [] { return RenderedPage{http::Response::html(503, "down"), {}}; };
    for (int i = 0; i < 3; ++i) {
        const auto r = f.pages.through(f.request("br"), f.match, down);
        EXPECT_EQ(r.cache, std::string_view("stale"));
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(field(r, "ETag").substr(17), "-br-fast\"");
    }
    EXPECT_EQ(f.pages.counts().brotli.thorough, 0u);
}

TEST(CachedPages, WithoutABudgetNothingIsCompressed) {
    Fixture f;
    CachedPages uncached(CacheOptions{.max_bytes = 0});
    const auto r = uncached.through(f.request("br"), f.match, [&] {
        return RenderedPage{http::Response::html(200, html), {"site:1"}};
    });
    EXPECT_EQ(r.cache, std::string_view("miss"));
    EXPECT_TRUE(field(r, "Content-Encoding").empty());
    EXPECT_EQ(r.shared_body.bytes, html);
    EXPECT_EQ(uncached.counts().brotli.fast, 0u);
}

}  // namespace dateline::site
