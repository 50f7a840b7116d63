#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/story_cards.hpp"

namespace dateline::site {

/// What pages wrote from a story as it was read once (an app::Card, an app::KeptStory), kept by
/// that very object, so that pages the cache does not hold write it once between changes rather
/// than once a page: story cards (the cards were nearly half of a home page's render) and a story
/// page's own parts around its body (heading, meta, picture, footer, and its structured data).
///
/// Kept by the object itself, never by its story's id: app::StoryCards and app::KeptStories read
/// a story again after each change to it, to its section or picture, to a site, and after their
/// max_age, and that new object finds nothing kept. So what is kept is as fresh as the object it
/// was written from. What else it depends on is its `Variant`: the snapshot of the sites (dates,
/// paths, a site's settings), the site, and how the page shows it; the theme's templates and
/// strings hold the KeptByStory itself (one per loaded theme). Bounded: past `capacity` objects,
/// the ones that are gone are let go, and all of them if that is not enough; a capacity of 0
/// keeps nothing. Safe to share between threads.
template <class Value>
class KeptByStory {
  public:
    /// How a page shows the story, and what it was written with.
    struct Variant {
        std::uint64_t snapshot = 0;  ///< SiteSnapshot::generation
        std::int64_t site = 0;
        std::uint32_t shape = 0;  ///< e.g. a card's CardOptions and image loading, packed
        friend bool operator==(const Variant&, const Variant&) = default;
    };

    explicit KeptByStory(std::size_t capacity) : capacity_(capacity) {}

    /// Calls `use` with the value kept for `story` in `variant`, under the lock (what must
    /// outlive the call is copied out); false when none is kept.
    template <class Use>
    bool use(const app::Card& story, const Variant& variant, Use&& use) const {
        if (!story) return false;
        const std::lock_guard lock(mutex_);
        const Kept* kept = find(story);
        if (!kept) return false;
        for (const auto& [written_as, value] : kept->written)
            if (written_as == variant) {
                std::forward<Use>(use)(value);
                return true;
            }
        return false;
    }

    /// Keeps `value`, written from `story` in `variant`.
    void keep(const app::Card& story, const Variant& variant, Value value) {
        if (!story || capacity_ == 0) return;
        const std::lock_guard lock(mutex_);
        if (!find(story)) {
            if (kept_.size() >= capacity_) {
                std::erase_if(kept_,
                              [](const auto& entry) { return entry.second.story.expired(); });
                if (kept_.size() >= capacity_) kept_.clear();
            }
            kept_[story.get()] = Kept{story, {}};
        }
        auto& written = kept_[story.get()].written;
        // A story is shown in a handful of ways; a variant from an older snapshot goes.
        std::erase_if(written, [&](const auto& w) { return w.first.snapshot != variant.snapshot; });
        if (std::none_of(written.begin(), written.end(),
                         [&](const auto& w) { return w.first == variant; }))
            written.emplace_back(variant, std::move(value));
    }

    /// How many stories have something kept.
    std::size_t size() const {
        const std::lock_guard lock(mutex_);
        return kept_.size();
    }

  private:
    struct Kept {
        std::weak_ptr<const domain::Article> story;  // the object it was written from
        std::vector<std::pair<Variant, Value>> written;
    };

    // The entry of `story`, if it is that very object's (an address a gone object had may be
    // another's now). With the mutex held.
    const Kept* find(const app::Card& story) const {
        const auto it = kept_.find(story.get());
        if (it == kept_.end()) return nullptr;
        // Same object only if its owner is the story's: an expired or other weak pointer is not.
        const auto& kept = it->second.story;
        if (kept.owner_before(story) || story.owner_before(kept) || kept.expired()) return nullptr;
        return &it->second;
    }

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_map<const domain::Article*, Kept> kept_;
};

}  // namespace dateline::site
