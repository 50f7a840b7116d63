#include "site/cached_pages.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "http/content_coding.hpp"
#include "http/validators.hpp"
#include "site/read_counting.hpp"

namespace dateline::site {

namespace {

constexpr int max_page = 10000;
// Browsers and shared caches keep a page a minute; a CDN may serve it a minute longer while it
// fetches a fresh one, and a day longer while this origin fails (RFC 5861). A change reaches a CDN
// before that through the page's Surrogate-Key.
constexpr const char* html_cache_control =
    "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400";
// How long a reader waits for another's render of the same page before rendering it too.
constexpr std::chrono::milliseconds render_patience{5000};
constexpr const char* comments_param = "comments";
constexpr const char* before_param = "before";
constexpr const char* after_param = "after";

// A positive whole number with nothing around it, at most `max`.
template <typename Number>
std::optional<Number> positive_number(std::string_view text, Number max) {
    Number n = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc() || ptr != end || n < 1 || n > max) return std::nullopt;
    return n;
}

std::optional<std::string> key_of(const http::Request& request, const SiteMatch& match) {
    if (!match.site) return std::nullopt;
    if (request.method != http::Method::Get && request.method != http::Method::Head)
        return std::nullopt;
    const auto& query = request.target.query;
    for (const auto& [name, value] : query)
        if ((name != comments_param && name != before_param && name != after_param) ||
            query.count(name) > 1)
            return std::nullopt;
    const auto comments = CachedPages::page_number(request, comments_param);
    const auto listing = CachedPages::listing_request(request);
    if (!comments || !listing) return std::nullopt;
    // Appended in place: every hit makes one (no temporary string per part).
    const auto& segments = request.target.segments;
    std::string key = std::to_string(match.site->id);
    key += ' ';
    for (std::size_t i = match.consumed; i < segments.size(); ++i) {
        key += '/';
        key += segments[i];
    }
    if (request.target.trailing_slash) key += '/';
    for (const long long part :
         {static_cast<long long>(*comments), static_cast<long long>(listing->from),
          static_cast<long long>(listing->story)}) {
        key += ' ';
        key += std::to_string(part);
    }
    return key;
}

// The representation's own ETag: a compressed body is another representation, so its strong
// validator differs ("abc" becomes "abc-br"), and a fast body's from the thorough one that
// replaces it ("abc-br-fast").
std::string etag_of(const cache::CachedPage& page, http::Coding coding, bool fast) {
    if (coding == http::Coding::Identity || page.etag.size() < 2) return page.etag;
    return page.etag.substr(0, page.etag.size() - 1) + "-" +
           std::string(http::coding_name(coding)) + (fast ? "-fast" : "") + "\"";
}

// The fields of a kept page that change with the representation it is sent in, and how it was
// answered; the page's own (CachedPage::fields) go before them. Every kept page varies by
// Accept-Encoding, whichever codings it has been sent in so far.
constexpr std::array<std::string_view, 4> coding_field_names{"X-Dateline-Cache", "Vary",
                                                             "Content-Encoding", "ETag"};

std::vector<std::pair<std::string, std::string>> coding_fields(const cache::CachedPage& page,
                                                               http::Coding coding, bool fast,
                                                               const char* state) {
    std::vector<std::pair<std::string, std::string>> fields;
    fields.reserve(coding_field_names.size());
    fields.emplace_back(coding_field_names[0], state);
    fields.emplace_back(coding_field_names[1], "Accept-Encoding");
    if (coding != http::Coding::Identity)
        fields.emplace_back(coding_field_names[2], http::coding_name(coding));
    fields.emplace_back(coding_field_names[3], etag_of(page, coding, fast));
    return fields;
}

cache::Body body_in(http::Coding coding) {
    return coding == http::Coding::Brotli ? cache::Body::Brotli
           : coding == http::Coding::Gzip ? cache::Body::Gzip
                                          : cache::Body::Plain;
}

// The coding to answer `request` in: among the page's bodies made and worth sending and, when
// `unmade` is true, among the codings not tried yet too.
http::Coding coding_for(const cache::CachedPage& page, const http::Request& request, bool unmade) {
    const auto offered = [&](cache::Body which) {
        const auto& made = page.body(which);
        return made ? !made->bytes().empty() : unmade;
    };
    const bool brotli = offered(cache::Body::Brotli);
    const bool gzip = offered(cache::Body::Gzip);
    return brotli || gzip ? http::preferred_coding(request.header("accept-encoding"), brotli, gzip)
                          : http::Coding::Identity;
}

// Whether the reader holds this representation already: If-None-Match decides when given,
// If-Modified-Since only without it (RFC 9110, 13.2.2).
bool not_modified(const cache::CachedPage& page, http::Coding coding, const cache::KeptBody& body,
                  const http::Request& request) {
    const auto if_none_match = request.header("if-none-match");
    if (!if_none_match.empty())
        return http::etag_matches(if_none_match, etag_of(page, coding, body.fast));
    const auto if_modified_since = request.header("if-modified-since");
    if (if_modified_since.empty()) return false;
    const auto modified_since = http::parse_http_date(if_modified_since);
    return modified_since && page.last_modified <= *modified_since;
}

// The kept page as a response in `coding`, a coding it has made (coding_for); its body and,
// for a hit, its header fields are shared with the cache, not copied.
http::Response from_cache(const std::shared_ptr<const cache::CachedPage>& kept,
                          const http::Request& request, http::Coding coding, const char* state) {
    const cache::CachedPage& page = *kept;
    http::Response r;
    r.status = page.status;
    r.route = page.route;
    r.cache = state;
    const auto& body = page.body(body_in(coding));
    // A 304 carries the fields its 200 would (RFC 9110, 15.4.5), so a hit's serialised ones
    // serve both.
    r.fields.owner = kept;
    r.fields.parts[0] = page.fields;
    if (std::string_view(state) == "hit" && !body->hit_fields.empty())
        r.fields.parts[1] = body->hit_fields;
    else
        r.headers = coding_fields(page, coding, body->fast, state);
    if (not_modified(page, coding, *body, request)) {
        r.status = 304;
    } else {
        r.shared_body = {body, body->bytes()};
        if (body->file) {
            r.shared_body.fd = body->file->fd();
            r.shared_body.offset = body->file->offset(0);
        }
    }
    return r;
}

}  // namespace

CachedPages::CachedPages(const CacheOptions& options, app::MostRead* reads,
                         std::vector<std::string> trusted_proxies)
    : cache_(options.max_bytes, options.fresh_for),
      reads_(reads),
      trusted_proxies_(std::move(trusted_proxies)) {
    if (options.max_bytes == 0) return;
    std::string error;
    body_file_ = cache::BodyFile::create(error);
    if (!body_file_)
        spdlog::warn("kept pages stay in the heap and are copied to each reader ({})", error);
}

std::optional<int> CachedPages::page_number(const http::Request& request, const char* name) {
    const auto value = request.target.param(name);
    if (!value) return 1;
    return positive_number<int>(*value, max_page);
}

std::optional<app::ListingRequest> CachedPages::listing_at(std::string_view direction,
                                                           std::string_view story) {
    using From = app::ListingRequest::From;
    const auto id = positive_number<domain::Id>(story, std::numeric_limits<domain::Id>::max());
    if (!id || (direction != "older" && direction != "newer")) return std::nullopt;
    return app::ListingRequest{direction == "older" ? From::OlderThan : From::NewerThan, *id};
}

CachedPages::Counts CachedPages::counts() const {
    return {counts_.hits.load(std::memory_order_relaxed),
            counts_.misses.load(std::memory_order_relaxed),
            counts_.stale.load(std::memory_order_relaxed),
            counts_.passed.load(std::memory_order_relaxed),
            {counts_.compressed[0][0].load(std::memory_order_relaxed),
             counts_.compressed[0][1].load(std::memory_order_relaxed)},
            {counts_.compressed[1][0].load(std::memory_order_relaxed),
             counts_.compressed[1][1].load(std::memory_order_relaxed)},
            counts_.decoded.load(std::memory_order_relaxed)};
}

std::optional<app::ListingRequest> CachedPages::listing_request(const http::Request& request) {
    using From = app::ListingRequest::From;
    const auto before = request.target.param(before_param);
    const auto after = request.target.param(after_param);
    if (before && after) return std::nullopt;
    if (!before && !after) return app::ListingRequest{};
    const auto story = positive_number<domain::Id>(before ? *before : *after,
                                                   std::numeric_limits<domain::Id>::max());
    if (!story) return std::nullopt;
    return app::ListingRequest{before ? From::OlderThan : From::NewerThan, *story};
}

void CachedPages::count_read(const http::Request& request, const http::Response& response,
                             domain::Id story) {
    if (reads_ && story != 0 && (response.status == 200 || response.status == 304) &&
        is_a_read(request))
        reads_->count(story, http::client_address(request, trusted_proxies_));
}

std::optional<http::Response> CachedPages::fresh(const http::Request& request,
                                                 const SiteMatch& match) {
    if (cache_.capacity() == 0) return std::nullopt;  // nothing is kept: no key, no lock
    const auto key = key_of(request, match);
    if (!key) return std::nullopt;
    const auto cached = cache_.get(*key);
    if (!cached.page || !cached.fresh) return std::nullopt;
    // A coding not made yet is made (compressed, or decoded) on a worker thread (through), not
    // on this one; so is a fast body sent often enough to be worth a thorough one (by the one
    // request that finds it so, while the others are still sent the fast one). A 304 sends
    // none: a reader who holds the fast body is told so until readers of the whole page bring
    // the thorough one.
    const auto coding = coding_for(*cached.page, request, true);
    const auto& body = cached.page->body(body_in(coding));
    if (!body) return std::nullopt;
    if (body->fast && !not_modified(*cached.page, coding, *body, request) &&
        body->sends.fetch_add(1, std::memory_order_relaxed) + 1 == thorough_after)
        return std::nullopt;
    ++counts_.hits;
    // The coding chosen above, made: Accept-Encoding is read once per hit.
    auto response = from_cache(cached.page, request, coding, "hit");
    count_read(request, response, cached.page->read_of);
    return response;
}

http::Response CachedPages::through(const http::Request& request, const SiteMatch& match,
                                    const std::function<RenderedPage()>& render) {
    const auto key = key_of(request, match);
    if (!key) {
        ++counts_.passed;
        auto rendered = render();
        count_read(request, rendered.response, rendered.story);
        rendered.response.cache = "pass";
        return std::move(rendered.response);
    }
    auto cached = cache_.get(*key);
    const auto kept = [&](const char* state) {
        auto response =
            from_cache(cached.page, request, coding_for(*cached.page, request, false), state);
        count_read(request, response, cached.page->read_of);
        return response;
    };
    const auto hit = [&] {
        ++counts_.hits;
        cached.page = in_coding_for(request, std::move(cached.page), &*key, true);
        return kept("hit");
    };
    // A stale page is about to be rendered again (or the database is down): a coding it lacks
    // is made fast, none thoroughly.
    const auto stale = [&] {
        ++counts_.stale;
        cached.page = in_coding_for(request, std::move(cached.page), &*key, false);
        return kept("stale");
    };
    if (cached.page && cached.fresh) return hit();
    // Another reader is rendering this page: the stale copy now rather than a second render.
    if (cached.page && flights_.busy(*key)) return stale();
    // One render per page at a time, so that the others are served what it keeps; with no
    // budget nothing is kept, and readers of one page need not wait for each other.
    std::optional<cache::SingleFlight::Turn> turn;
    if (cache_.capacity() > 0) {
        turn.emplace(flights_.enter(*key, render_patience));
        if (!turn->leader()) {
            cached = cache_.get(*key);
            if (cached.page && cached.fresh) return hit();
        }
    }
    const auto generation = cache_.generation();
    RenderedPage rendered = render();
    http::Response& response = rendered.response;
    // A stale page is better than an error while the database cannot render a fresh one.
    if (response.status == 503 && cached.page) return stale();
    ++counts_.misses;
    count_read(request, response, rendered.story);
    response.cache = "miss";
    if (response.status != 200) return response;
    if (response.header("Cache-Control").empty())
        response.set_header("Cache-Control", html_cache_control);
    auto page = std::make_shared<cache::CachedPage>();
    page->status = response.status;
    page->route = response.route;
    page->read_of = rendered.story;
    std::string plain = std::move(response.body);
    page->etag = cache::etag_for(plain);
    page->plain_size = plain.size();
    page->last_modified = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    auto& fields = response.headers;
    std::erase_if(fields, [](const auto& field) {
        return std::find(coding_field_names.begin(), coding_field_names.end(), field.first) !=
               coding_field_names.end();
    });
    fields.emplace_back("Last-Modified", http::format_http_date(page->last_modified));
    // What the page shows, for a CDN in front to purge by (Fastly's and others' Surrogate-Key).
    auto& tags = rendered.tags;
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    std::string keys;
    for (const auto& tag : tags) keys += (keys.empty() ? "" : " ") + tag;
    fields.emplace_back("Surrogate-Key", keys);
    // Serialised once, for every reader of every coding. A field that would split the head is
    // not kept: the server answers such a page 500, as it would have answered its render.
    if (!http::append_fields(page->fields, fields)) {
        response.body = std::move(plain);
        return response;
    }
    if (cache_.capacity() == 0) {
        // Nothing is kept, so nothing is compressed for keeping: the page goes as it is.
        auto as_rendered = std::make_shared<cache::KeptBody>();
        as_rendered->heap = std::move(plain);
        page->bodies = {std::move(as_rendered), std::make_shared<cache::KeptBody>(),
                        std::make_shared<cache::KeptBody>()};
        return from_cache(page, request, http::Coding::Identity, "miss");
    }
    // Kept in the coding this reader takes alone; the others wait for a reader. A plain body is
    // kept as rendered, not copied.
    const auto kept_page =
        coding_for(*page, request, true) == http::Coding::Identity
            ? page->with(cache::Body::Plain,
                         keep_body(*page, http::Coding::Identity, std::move(plain)))
            : in_coding_for(request, std::move(page), nullptr, false, plain);
    cache_.put(*key, kept_page, generation, std::move(tags));
    return from_cache(kept_page, request, coding_for(*kept_page, request, false), "miss");
}

std::shared_ptr<const cache::KeptBody> CachedPages::keep_body(const cache::CachedPage& page,
                                                              http::Coding coding,
                                                              std::string bytes, bool fast) {
    auto made = std::make_shared<cache::KeptBody>();
    made->heap = std::move(bytes);
    made->fast = fast;
    if (made->heap.empty()) return made;  // not worth sending in this coding
    if (!http::append_fields(made->hit_fields, coding_fields(page, coding, fast, "hit")))
        made->hit_fields.clear();
    // Sent from the body file when there is one (none without a budget), as a file is by nginx
    // (sendfile); a body too small for that, or that the file cannot take, stays in the heap.
    bool in_file = false;
    if (body_file_ && made->heap.size() >= http::sendfile_min_bytes) {
        in_file = made->keep_in(*body_file_);
        if (!in_file && !heap_fallback_.exchange(true))
            spdlog::warn(
                "the page cache's body file takes no more pages (its limits, or memory): "
                "pages it cannot take stay in the heap, copied to each reader");
    }
    // The render reserves what its template's last page took: a much shorter page kept in the
    // heap would keep the difference for as long as it stays.
    if (!in_file && made->heap.capacity() - made->heap.size() > made->heap.size() / 4)
        made->heap.shrink_to_fit();
    return made;
}

std::shared_ptr<const cache::CachedPage> CachedPages::in_coding_for(
    const http::Request& request, std::shared_ptr<const cache::CachedPage> page,
    const std::string* key, bool thorough, std::string_view plain) {
    // At most three times round, making at most two compressions and a decoding: a coding that
    // does not make the page smaller is not offered again, and the plain body is always there to
    // fall back on. A thorough compression that fails leaves the fast body in place.
    for (;;) {
        const auto coding = coding_for(*page, request, true);
        const auto which = body_in(coding);
        const auto& body = page->body(which);
        if (!body) {
            page = key ? made_in_cache(*key, std::move(page), coding, http::Effort::Fast)
                       : page->with(which, made(*page, plain, coding, http::Effort::Fast));
            continue;
        }
        if (key && thorough && body->fast &&
            body->sends.load(std::memory_order_relaxed) >= thorough_after)
            return made_in_cache(*key, std::move(page), coding, http::Effort::Thorough);
        return page;
    }
}

std::shared_ptr<const cache::KeptBody> CachedPages::made(const cache::CachedPage& page,
                                                         std::string_view plain,
                                                         http::Coding coding, http::Effort effort) {
    if (coding == http::Coding::Identity) return keep_body(page, coding, std::string(plain));
    const bool brotli = coding == http::Coding::Brotli;
    const bool fast = effort == http::Effort::Fast;
    ++counts_.compressed[brotli ? 1 : 0][fast ? 0 : 1];
    return keep_body(
        page, coding,
        brotli ? http::brotli_compress(plain, effort) : http::gzip_compress(plain, effort), fast);
}

// A page keeps at least one body that is not empty (made_in_cache never puts an empty one in
// the place of another), so only memory gone bad leaves none to decode (and the request a 500).
std::string_view CachedPages::plain_of(const cache::CachedPage& page, std::string& decoded) {
    if (const auto& plain = page.body(cache::Body::Plain)) return plain->bytes();
    for (const auto coding : {http::Coding::Brotli, http::Coding::Gzip})
        if (const auto& kept = page.body(body_in(coding)); kept && !kept->bytes().empty()) {
            decoded = http::decompress(coding, kept->bytes(), page.plain_size);
            if (decoded.size() != page.plain_size) continue;
            ++counts_.decoded;
            return decoded;
        }
    throw std::runtime_error("a kept page has no body to decode");
}

std::shared_ptr<const cache::CachedPage> CachedPages::made_in_cache(
    const std::string& key, std::shared_ptr<const cache::CachedPage> page, http::Coding coding,
    http::Effort effort) {
    const auto which = body_in(coding);
    // The same page as `page`'s render: the same body, rendered the same second (a coding's
    // fields carry the ETag and Last-Modified, so they go with no other).
    const auto same_render = [&](const cache::CachedPage& other) {
        return other.etag == page->etag && other.last_modified == page->last_modified;
    };
    // Whether `other` has this coding made as this would make it, or better.
    const auto made_in = [&](const cache::CachedPage& other) {
        const auto& body = other.body(which);
        return body && (effort == http::Effort::Fast || !body->fast);
    };
    // One making per page and coding, however many readers ask for it at once.
    const auto turn =
        flights_.enter(key + "\n" + std::string(http::coding_name(coding)), render_patience);
    // Looked for again whoever does it: a reader that finds no one at work may come just after
    // another finished.
    if (auto now = cache_.get(key).page; now && same_render(*now) && made_in(*now)) return now;
    std::string decoded;
    const auto body = made(*page, plain_of(*page, decoded), coding, effort);
    // A body no better than the one there (a thorough compression that failed, or came out no
    // smaller than the plain page) is not put in its place: every kept page keeps a body to send.
    if (const auto& there = page->body(which);
        there && !there->bytes().empty() && body->bytes().empty())
        return page;
    for (;;) {
        auto next = page->with(which, body);
        if (cache_.replace(key, page, next)) return next;
        // Another coding was kept meanwhile: this one goes beside it. Dropped or rendered
        // again: this reader still gets the page it found fresh.
        auto now = cache_.get(key).page;
        if (!now || !same_render(*now)) return next;
        if (made_in(*now)) return now;
        page = std::move(now);
    }
}

}  // namespace dateline::site
