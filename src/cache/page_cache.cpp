#include "cache/page_cache.hpp"

#include <algorithm>
#include <cstdio>

namespace dateline::cache {

namespace {

// 64-bit FNV-1a: a validator, not a defence; collisions only cost a needless 200.
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::size_t size_of(const std::string& key, const CachedPage& page) {
    std::size_t n = key.size() + page.body.size() + page.etag.size();
    for (const auto& [name, value] : page.headers) n += name.size() + value.size();
    return n;
}

}  // namespace

std::string etag_for(const std::string& body) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(fnv1a(body)));
    return buf;
}

Lookup PageCache::get(const std::string& key) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return {};
    return {it->second.page, Clock::now() - it->second.stored < fresh_for_};
}

std::uint64_t PageCache::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

void PageCache::put(const std::string& key, std::shared_ptr<const CachedPage> page,
                    std::uint64_t generation, std::vector<std::string> tags) {
    const std::size_t bytes = size_of(key, *page);
    if (bytes > max_bytes_) return;
    auto shared = std::move(page);
    std::lock_guard lock(mutex_);
    if (generation != generation_) return;
    if (auto it = entries_.find(key); it != entries_.end()) {
        bytes_ -= it->second.bytes;
        it->second = {std::move(shared), Clock::now(), bytes, std::move(tags)};
    } else {
        entries_.emplace(key, Entry{std::move(shared), Clock::now(), bytes, std::move(tags)});
        order_.push_back(key);
    }
    bytes_ += bytes;
    while (bytes_ > max_bytes_ && !order_.empty()) {
        const auto oldest = entries_.find(order_.front());
        if (oldest != entries_.end()) {
            bytes_ -= oldest->second.bytes;
            entries_.erase(oldest);
        }
        order_.pop_front();
    }
}

void PageCache::drop_tagged(const std::string& tag) {
    std::lock_guard lock(mutex_);
    // A scan: changes are rare beside reads, and a page carries two tags or three.
    for (auto it = entries_.begin(); it != entries_.end();) {
        const auto& tags = it->second.tags;
        if (std::find(tags.begin(), tags.end(), tag) != tags.end()) {
            bytes_ -= it->second.bytes;
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    // The eviction order keeps only live keys: a key dropped and cached again is listed once.
    std::erase_if(order_, [this](const std::string& key) { return !entries_.contains(key); });
    ++generation_;
}

void PageCache::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    order_.clear();
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

}  // namespace dateline::cache
