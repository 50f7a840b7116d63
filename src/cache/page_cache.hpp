#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cache/body_file.hpp"

namespace dateline::cache {

/// A kept page's body in each coding it is sent in.
enum class Body : std::uint8_t { Plain, Gzip, Brotli };

/// One coding of a kept page's body, and the header fields a fresh hit in it sends after its
/// page's own (CachedPage::fields). Made once, then shared read-only by every version of its
/// page and every reader sent it.
struct KeptBody {
    std::string heap;                        ///< the bytes, while in the heap
    std::shared_ptr<const KeptBodies> file;  ///< the bytes once moved into the body file
    std::string hit_fields;                  ///< in wire form; empty when not made
    /// Compressed fast (http::Effort::Fast), to be compressed again thoroughly once sent often.
    bool fast = false;
    /// How many times the I/O threads sent a fast body (CachedPages::fresh; a 304 sends none):
    /// how often the page is read in this coding.
    mutable std::atomic<std::uint32_t> sends{0};

    /// The bytes, wherever they are held.
    std::string_view bytes() const { return file ? file->bytes(0) : std::string_view(heap); }
    /// Moves the bytes into `file`, for the server to send from it; false, and they stay in the
    /// heap, when the file cannot take them.
    bool keep_in(BodyFile& body_file);
    /// The memory it holds.
    std::size_t footprint() const;
};

/// A rendered response as it is kept.
struct CachedPage {
    int status = 200;
    /// The page's own header fields in wire form, the same in every coding; those of the coding
    /// it is sent in (ETag, Content-Encoding, Vary) and how it was answered follow them.
    std::string fields;
    std::string etag;                ///< strong validator of the plain body
    std::size_t plain_size = 0;      ///< the plain body's size, kept or not
    std::int64_t last_modified = 0;  ///< when it was rendered (seconds since the epoch)
    std::string_view route;          ///< the route that rendered it (http::Response::route)
    /// What the surface counts a request for the page as a read of (a story), so that a hit
    /// counts as the render did; 0: nothing.
    std::int64_t read_of = 0;
    /// The body in each coding (indexed by Body), each made when a reader first wants it, the
    /// plain one too: a page only ever read in Brotli is kept in Brotli alone, a fifth to a quarter
    /// of its plain size, and never compressed with gzip; the plain body, when a reader wants it,
    /// is decoded from a compressed one. Null: not made yet (at least one body is). Empty bytes:
    /// never sent in that coding (it does not make the page smaller, or nothing is kept to
    /// compress).
    std::array<std::shared_ptr<const KeptBody>, 3> bodies;

    /// The body in this coding, or null when not made yet.
    const std::shared_ptr<const KeptBody>& body(Body which) const {
        return bodies[static_cast<std::size_t>(which)];
    }
    /// Its bytes; empty when not made, or not worth sending.
    std::string_view bytes(Body which) const;
    /// This page with its body in `which` made: a new version sharing everything else, for
    /// PageCache::replace.
    std::shared_ptr<CachedPage> with(Body which, std::shared_ptr<const KeptBody> made) const;
};

/// What a lookup found.
struct Lookup {
    std::shared_ptr<const CachedPage> page;  ///< null on a miss
    bool fresh = false;                      ///< false: older than the freshness limit
};

/// Rendered pages kept in memory, bounded in bytes (the least recently used go first). A page is
/// fresh for a fixed time (so scheduled stories appear without any write) and stays available
/// while stale, for serving when the database cannot render it again. Each page carries tags
/// naming what it shows ("site:3", "story:17", "section:4"): a change drops the pages tagged
/// with what it touched (drop_tagged, through an index from tag to pages, so a change costs the
/// pages it drops, not the size of the cache), or every page (clear). Safe to share between
/// threads.
class PageCache {
  public:
    using Clock = std::chrono::steady_clock;

    PageCache(std::size_t max_bytes, std::chrono::seconds fresh_for)
        : max_bytes_(max_bytes), fresh_for_(fresh_for) {}

    /// The page kept under `key`, if any; a hit makes it the most recently used.
    Lookup get(const std::string& key);
    /// The generation to pass to put() for a page about to be rendered.
    std::uint64_t generation() const;
    /// Keeps a page rendered during `generation`, tagged; a page rendered before the latest
    /// clear() or drop_tagged() is not kept, so a change that lands mid-render never leaves a
    /// stale page behind.
    void put(const std::string& key, std::shared_ptr<const CachedPage> page,
             std::uint64_t generation, std::vector<std::string> tags = {});
    /// Puts `now` (a version of `was` with more made, CachedPage::with) in its place under
    /// `key`, keeping its age and tags and making it the most recently used; its bytes count
    /// from then on (a version larger than the whole budget is not kept, and the page goes).
    /// False, and nothing changes, when `was` is no longer what is kept there (dropped,
    /// evicted, rendered again or replaced meanwhile).
    bool replace(const std::string& key, const std::shared_ptr<const CachedPage>& was,
                 std::shared_ptr<const CachedPage> now);
    /// Drops the pages carrying any of `tags`.
    void drop_tagged(const std::vector<std::string>& tags);
    void drop_tagged(const std::string& tag) { drop_tagged(std::vector<std::string>{tag}); }
    void clear();

    std::size_t bytes() const;
    std::size_t size() const;

    /// What the cache holds and what it let go, for metrics.
    struct Statistics {
        std::size_t pages = 0;
        std::size_t bytes = 0;
        std::uint64_t evicted = 0;  ///< pushed out by the byte budget, least recently used first
        std::uint64_t dropped = 0;  ///< dropped because what they show changed
    };
    Statistics statistics() const;
    /// The byte budget; 0 means nothing is kept.
    std::size_t capacity() const { return max_bytes_; }

    /// What a kept page costs beside its bytes (its key, fields, ETag and bodies): the page's
    /// and its bodies' records, its place in the index and the recency list, and each of its
    /// tags with its place in the tag index. Counted against the budget, so that the budget
    /// bounds the memory the cache holds: bench/serving_memory.sh measured 5,056 story pages
    /// (nine tags each) taking 5.3 MB beyond their bytes, about a kilobyte a page beside 6.4 KB.
    static constexpr std::size_t page_overhead = 512;
    static constexpr std::size_t tag_overhead = 64;

  private:
    struct Entry {
        std::shared_ptr<const CachedPage> page;
        Clock::time_point stored;
        std::size_t bytes;
        std::vector<std::string> tags;
        std::list<const std::string*>::iterator recency;  // its place in recency_
    };
    // The recency list and the tag index name an entry by its key as entries_ holds it (the
    // address of a node's key stays put until the node is erased), not by a copy of it each.
    using Entries = std::unordered_map<std::string, Entry>;

    // Pages let go, freed after the mutex is released: the last owner of a page unmaps its
    // bodies (KeptBodies), which no reader waiting for the lock should wait for.
    using Released = std::vector<std::shared_ptr<const CachedPage>>;
    // With the mutex held: forgets an entry, its bytes, its place and its tags; returns its page.
    std::shared_ptr<const CachedPage> erase(Entries::iterator it);
    // With the mutex held: lets the least recently used go until the pages fit the budget.
    void evict_beyond_budget(Released& released);

    std::size_t max_bytes_;
    std::chrono::seconds fresh_for_;
    mutable std::mutex mutex_;
    Entries entries_;
    std::list<const std::string*> recency_;  // least recently used first
    std::unordered_map<std::string, std::unordered_set<const std::string*>> tagged_;  // tag -> keys
    std::size_t bytes_ = 0;
    std::uint64_t generation_ = 0;
    std::uint64_t evicted_ = 0;
    std::uint64_t dropped_ = 0;
};

/// A strong ETag for a body: a quoted hex digest.
std::string etag_for(std::string_view body);

}  // namespace dateline::cache
