#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/most_read.hpp"
#include "app/reader_service.hpp"
#include "cache/body_file.hpp"
#include "cache/page_cache.hpp"
#include "cache/single_flight.hpp"
#include "domain/site.hpp"
#include "http/content_coding.hpp"
#include "http/message.hpp"
#include "site/site_snapshot.hpp"

namespace dateline::site {

/// How rendered pages are kept.
struct CacheOptions {
    std::size_t max_bytes = 32 * 1024 * 1024;
    std::chrono::seconds fresh_for{30};
};

/// A rendered page and what it shows, for the cache: tags like "site:3", "article:17".
struct RenderedPage {
    http::Response response{};
    std::vector<std::string> tags{};
    domain::Id story = 0;  ///< the story whose page it is, whose reads it counts; 0: none
};

/// The page cache as a layer in front of the page handlers: which requests it answers, under
/// which key, what it keeps and for how long, and the validators (ETag, If-None-Match). Pages
/// are kept per site and canonical path below the site's prefix, positions read as numbers
/// (`?comments=01` is `?comments=1`), so that no spelling of a URL renders it again; only
/// `?comments=N`, `?before=ID` and `?after=ID` are part of a key, and any other query is not
/// cached. Each response says `X-Dateline-Cache: hit|miss|stale`. A story's page answered to
/// a reader (is_a_read), from the cache or not, counts as a read of the story when `reads` is
/// given; the reader is the request's client address (behind `trusted_proxies`, the one they
/// forward).
class CachedPages {
  public:
    /// Kept pages' bodies go to a body file (cache::BodyFile) when the system gives one.
    explicit CachedPages(const CacheOptions& options, app::MostRead* reads = nullptr,
                         std::vector<std::string> trusted_proxies = {});

    /// The fresh page for a request, if one is kept: what the I/O threads answer themselves.
    std::optional<http::Response> fresh(const http::Request& request, const SiteMatch& match);

    /// The kept page when fresh; else `render`'s, kept when it is a 200. One render per page at
    /// a time: while one reader's render runs, others get the stale copy when there is one, or
    /// wait for that render. While the database is unavailable (`render` answers 503), a stale
    /// page is served rather than the error.
    http::Response through(const http::Request& request, const SiteMatch& match,
                           const std::function<RenderedPage()>& render);

    void drop_tagged(const std::vector<std::string>& tags) { cache_.drop_tagged(tags); }
    void clear() { cache_.clear(); }

    /// How requests were answered since start: from a fresh page, rendered (a miss, kept when a
    /// 200), from a stale page (while another render runs, or the database is down), or rendered
    /// without a key (a query the cache does not keep, a POST).
    /// Apart from those, the kept pages compressed in each coding: fast on the first request
    /// for it in that coding, thoroughly once sent often; and the plain bodies decoded from a
    /// compressed one (for a reader who takes none, or the text of another compression).
    struct Compressions {
        std::uint64_t fast = 0;
        std::uint64_t thorough = 0;
    };
    struct Counts {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::uint64_t stale = 0;
        std::uint64_t passed = 0;
        Compressions gzip{};
        Compressions brotli{};
        std::uint64_t decoded = 0;
    };
    /// A fast body sent this many times from the cache is compressed again, thoroughly: a page
    /// read again is likely to be read much more (a story that breaks), and pays the time back
    /// in bytes not sent, while a page read once (deep in the archive, by a crawler) never
    /// costs a thorough compression.
    static constexpr std::uint32_t thorough_after = 3;
    Counts counts() const;
    cache::PageCache::Statistics statistics() const { return cache_.statistics(); }

    /// A query value `?name=N` as a page number: 1 when absent, nothing when not a page number.
    static std::optional<int> page_number(const http::Request& request, const char* name);
    /// Where a listing page starts as its path says it: `older/ID/` (the stories older than
    /// story ID) or `newer/ID/` (those newer); nothing when `direction` is neither or `story` is
    /// not a story number.
    static std::optional<app::ListingRequest> listing_at(std::string_view direction,
                                                         std::string_view story);
    /// The same in the query, as pages were first addressed (`?before=ID`, `?after=ID`, which
    /// now redirect to the path): the newest when neither is given; nothing when a value is not a
    /// story number or both are given.
    static std::optional<app::ListingRequest> listing_request(const http::Request& request);

  private:
    // Counts the answer as a read of `story` when it is one.
    void count_read(const http::Request& request, const http::Response& response, domain::Id story);
    // A body to keep in `coding` for `page`, with the fields a hit sends with it, moved into
    // the body file when large enough to be sent from it.
    std::shared_ptr<const cache::KeptBody> keep_body(const cache::CachedPage& page,
                                                     http::Coding coding, std::string bytes,
                                                     bool fast = false);
    // `page` with its body made in the coding `request` takes: made now (compressed fast, or
    // the plain one decoded) when it is not yet, and kept beside the others when the page is
    // kept under `key`; with `thorough`, a kept fast body sent thorough_after times is
    // compressed again, thoroughly. A page not kept yet (`key` null) is made from `plain`, its
    // rendered body.
    std::shared_ptr<const cache::CachedPage> in_coding_for(
        const http::Request& request, std::shared_ptr<const cache::CachedPage> page,
        const std::string* key, bool thorough, std::string_view plain = {});
    // A kept page's plain body: kept, or decoded from a body kept compressed into `decoded`.
    std::string_view plain_of(const cache::CachedPage& page, std::string& decoded);
    // The body of `page` in `coding`, made from its plain body `plain`.
    std::shared_ptr<const cache::KeptBody> made(const cache::CachedPage& page,
                                                std::string_view plain, http::Coding coding,
                                                http::Effort effort);
    // The kept page `page` with `coding` made with `effort`: once per page and coding however
    // many readers ask at once, then put in its place in the cache.
    std::shared_ptr<const cache::CachedPage> made_in_cache(
        const std::string& key, std::shared_ptr<const cache::CachedPage> page, http::Coding coding,
        http::Effort effort);

    cache::PageCache cache_;
    std::shared_ptr<cache::BodyFile> body_file_;  // null: bodies stay in the heap
    std::atomic<bool> heap_fallback_{false};      // said once in the log
    app::MostRead* reads_;
    std::vector<std::string> trusted_proxies_;
    cache::SingleFlight flights_;
    struct {
        std::atomic<std::uint64_t> hits{0}, misses{0}, stale{0}, passed{0};
        // [coding][effort]: gzip then Brotli, fast then thorough.
        std::array<std::array<std::atomic<std::uint64_t>, 2>, 2> compressed{};
        std::atomic<std::uint64_t> decoded{0};
    } counts_;
};

}  // namespace dateline::site
