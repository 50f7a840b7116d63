#include "app/story_cards.hpp"

#include <utility>

namespace dateline::app {

using Clock = std::chrono::steady_clock;

std::uint64_t StoryCards::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

Result<std::vector<Card>> StoryCards::cards(const std::vector<domain::Id>& ids,
                                            std::uint64_t generation, const Read& read) {
    const auto now = Clock::now();
    std::vector<Card> found(ids.size());
    std::vector<domain::Id> missing;
    {
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto it = kept_.find(ids[i]);
            if (it == kept_.end() || now - it->second.read_at >= max_age_) {
                missing.push_back(ids[i]);
                continue;
            }
            recency_.splice(recency_.begin(), recency_, it->second.recency);
            found[i] = it->second.card;
        }
    }
    if (!missing.empty()) {
        auto read_now = read(missing);
        if (!read_now) return read_now.error();
        std::vector<Card> cards;
        cards.reserve(read_now->size());
        for (auto& card : *read_now)
            cards.push_back(std::make_shared<const domain::Article>(std::move(card)));
        {
            // Read from a snapshot older than a forget, they may be what it was about: not kept.
            std::lock_guard lock(mutex_);
            if (generation == generation_)
                for (const auto& card : cards) keep(card, now);
        }
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (!found[i])
                for (const auto& card : cards)
                    if (card->id == ids[i]) found[i] = card;
    }
    std::erase(found, nullptr);
    return found;
}

void StoryCards::keep(const Card& card, Clock::time_point read_at) {
    if (capacity_ == 0) return;
    const auto id = card->id;
    if (const auto it = kept_.find(id); it != kept_.end()) {
        it->second.card = card;
        it->second.read_at = read_at;
        recency_.splice(recency_.begin(), recency_, it->second.recency);
        return;
    }
    recency_.push_front(id);
    kept_.emplace(id, Kept{card, read_at, recency_.begin()});
    while (kept_.size() > capacity_) {
        kept_.erase(recency_.back());
        recency_.pop_back();
    }
}

void StoryCards::forget(std::span<const domain::Id> stories) {
    std::lock_guard lock(mutex_);
    ++generation_;
    for (const auto id : stories) {
        const auto it = kept_.find(id);
        if (it == kept_.end()) continue;
        recency_.erase(it->second.recency);
        kept_.erase(it);
    }
}

void StoryCards::forget_all() {
    std::lock_guard lock(mutex_);
    ++generation_;
    kept_.clear();
    recency_.clear();
}

std::size_t StoryCards::size() const {
    std::lock_guard lock(mutex_);
    return kept_.size();
}

}  // namespace dateline::app
