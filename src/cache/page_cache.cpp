#include "cache/page_cache.hpp"

#include <algorithm>
#include <cstdio>

#include <xxhash.h>

namespace dateline::cache {

namespace {

// The bytes a string holds: its whole allocation once it has one (a rendered page kept as it was
// made may have up to a quarter more room than bytes: CachedPages::keep_body), its length while
// it is short enough to be held inside the object.
std::size_t held(const std::string& s) {
    return s.capacity() > std::string().capacity() ? s.capacity() : s.size();
}

// What a page kept under `key` with `tags` costs the budget.
std::size_t size_of(const std::string& key, const CachedPage& page, std::size_t tags) {
    std::size_t n =
        PageCache::page_overhead + tags * PageCache::tag_overhead + key.size() + page.etag.size();
    n += held(page.fields);
    for (const auto& body : page.bodies)
        if (body) n += body->footprint();
    return n;
}

}  // namespace

bool KeptBody::keep_in(BodyFile& body_file) {
    auto stretch = body_file.keep({heap});
    if (!stretch) return false;
    file = std::move(stretch);
    // Given back rather than cleared: the string's memory is what the file now holds.
    std::string().swap(heap);
    return true;
}

std::size_t KeptBody::footprint() const {
    return held(heap) + held(hit_fields) + (file ? file->footprint() : 0);
}

std::string_view CachedPage::bytes(Body which) const {
    const auto& made = body(which);
    return made ? made->bytes() : std::string_view();
}

std::shared_ptr<CachedPage> CachedPage::with(Body which,
                                             std::shared_ptr<const KeptBody> made) const {
    auto next = std::make_shared<CachedPage>(*this);
    next->bodies[static_cast<std::size_t>(which)] = std::move(made);
    return next;
}

std::string etag_for(std::string_view body) {
    char buf[24];
    // XXH3: a validator, not a defence (collisions only cost a needless 200), computed for every
    // page rendered, at memory speed rather than a byte at a time.
    const auto hash = XXH3_64bits(body.data(), body.size());
    std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(hash));
    return buf;
}

Lookup PageCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return {};
    recency_.splice(recency_.end(), recency_, it->second.recency);
    return {it->second.page, Clock::now() - it->second.stored < fresh_for_};
}

std::uint64_t PageCache::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

std::shared_ptr<const CachedPage> PageCache::erase(Entries::iterator it) {
    for (const auto& tag : it->second.tags) {
        const auto keys = tagged_.find(tag);
        if (keys == tagged_.end()) continue;
        keys->second.erase(&it->first);
        if (keys->second.empty()) tagged_.erase(keys);
    }
    recency_.erase(it->second.recency);
    bytes_ -= it->second.bytes;
    auto page = std::move(it->second.page);
    entries_.erase(it);
    return page;
}

void PageCache::put(const std::string& key, std::shared_ptr<const CachedPage> page,
                    std::uint64_t generation, std::vector<std::string> tags) {
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    const std::size_t bytes = size_of(key, *page, tags.size());
    if (bytes > max_bytes_) return;
    Released released;  // let go once the lock is (declared first, destroyed last)
    std::lock_guard lock(mutex_);
    if (generation != generation_) return;
    if (auto it = entries_.find(key); it != entries_.end()) released.push_back(erase(it));
    const auto it =
        entries_.emplace(key, Entry{std::move(page), Clock::now(), bytes, std::move(tags), {}})
            .first;
    const std::string* kept_key = &it->first;
    for (const auto& tag : it->second.tags) tagged_[tag].insert(kept_key);
    it->second.recency = recency_.insert(recency_.end(), kept_key);
    bytes_ += bytes;
    evict_beyond_budget(released);
}

bool PageCache::replace(const std::string& key, const std::shared_ptr<const CachedPage>& was,
                        std::shared_ptr<const CachedPage> now) {
    Released released;
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second.page != was) return false;
    const std::size_t bytes = size_of(key, *now, it->second.tags.size());
    if (bytes > max_bytes_) {  // grown past the whole budget: let go, as put() would not keep it
        released.push_back(erase(it));
        ++evicted_;
        return true;
    }
    released.push_back(std::exchange(it->second.page, std::move(now)));
    bytes_ = bytes_ - it->second.bytes + bytes;
    it->second.bytes = bytes;
    recency_.splice(recency_.end(), recency_, it->second.recency);
    evict_beyond_budget(released);
    return true;
}

void PageCache::evict_beyond_budget(Released& released) {
    while (bytes_ > max_bytes_ && !recency_.empty()) {
        released.push_back(erase(entries_.find(*recency_.front())));
        ++evicted_;
    }
}

void PageCache::drop_tagged(const std::vector<std::string>& tags) {
    Released released;
    std::lock_guard lock(mutex_);
    for (const auto& tag : tags) {
        const auto keys = tagged_.find(tag);
        if (keys == tagged_.end()) continue;
        // erase() edits the index, so walk a copy of it: each key names its own entry, kept
        // until that entry is erased.
        const std::vector<const std::string*> doomed(keys->second.begin(), keys->second.end());
        for (const auto* key : doomed)
            if (auto it = entries_.find(*key); it != entries_.end()) {
                released.push_back(erase(it));
                ++dropped_;
            }
    }
    ++generation_;
}

void PageCache::clear() {
    Entries released;
    std::lock_guard lock(mutex_);
    dropped_ += entries_.size();
    released.swap(entries_);
    recency_.clear();
    tagged_.clear();
    bytes_ = 0;
    ++generation_;
}

std::size_t PageCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::size_t PageCache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

PageCache::Statistics PageCache::statistics() const {
    std::lock_guard lock(mutex_);
    return {entries_.size(), bytes_, evicted_, dropped_};
}

}  // namespace dateline::cache
