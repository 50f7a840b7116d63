#include "app/kept_stories.hpp"

#include <algorithm>

namespace dateline::app {

using Clock = std::chrono::steady_clock;

std::uint64_t KeptStories::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

KeptStory KeptStories::find(domain::Id site_id, std::string_view slug) {
    std::lock_guard lock(mutex_);
    const auto it = kept_.find(KeyView{site_id, slug});
    if (it == kept_.end()) return nullptr;
    if (Clock::now() - it->second.read_at >= max_age_) {
        erase(it);
        return nullptr;
    }
    recency_.splice(recency_.begin(), recency_, it->second.recency);
    return it->second.story;
}

void KeptStories::keep(const KeptStory& story, std::uint64_t generation) {
    if (capacity_ == 0 || !story) return;
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    // Read from a snapshot older than a forget, it may be what the forget was about.
    if (generation != generation_) return;
    if (const auto it = kept_.find(KeyView{story->site_id, story->slug}); it != kept_.end()) {
        it->second.story = story;
        it->second.read_at = now;
        recency_.splice(recency_.begin(), recency_, it->second.recency);
        return;
    }
    recency_.push_front(Key{story->site_id, story->slug});
    kept_.emplace(recency_.front(), Kept{story, now, recency_.begin()});
    while (kept_.size() > capacity_) erase(kept_.find(recency_.back()));
}

void KeptStories::erase(Map::iterator it) {
    recency_.erase(it->second.recency);
    kept_.erase(it);
}

void KeptStories::forget(std::span<const domain::Id> stories) {
    std::lock_guard lock(mutex_);
    ++generation_;
    // A change names a story by id and the map keeps it by slug: the kept are few (a capacity).
    for (auto it = kept_.begin(); it != kept_.end();) {
        if (std::find(stories.begin(), stories.end(), it->second.story->id) != stories.end())
            erase(it++);
        else
            ++it;
    }
}

void KeptStories::forget_site(domain::Id site_id) {
    std::lock_guard lock(mutex_);
    ++generation_;
    // Kept in order of site: the site's stories are one run of the map.
    for (auto it = kept_.lower_bound(KeyView{site_id, {}});
         it != kept_.end() && it->first.site_id == site_id;)
        erase(it++);
}

void KeptStories::forget_all() {
    std::lock_guard lock(mutex_);
    ++generation_;
    kept_.clear();
    recency_.clear();
}

std::size_t KeptStories::size() const {
    std::lock_guard lock(mutex_);
    return kept_.size();
}

}  // namespace dateline::app
