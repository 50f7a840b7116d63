#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "domain/article.hpp"

namespace dateline::app {

/// A story's card as StoryCards keeps it, shared by the pages that show it: read-only, and
/// copied by a count rather than by its strings.
using Card = std::shared_ptr<const domain::Article>;

/// Stories' cards kept in memory by story id, so that a page its cache does not hold reads which
/// stories it lists (a query of ids, by index) and finds most of their cards here instead of
/// reading each one's row again. A card is what storage::ArticleStore reads with Columns::Card
/// and Details::Bare: no body, no bylines, no tags, no notes; its section and lead picture come
/// with it.
///
/// What shows on a card changes only with its story's row, its section or its picture, and each
/// of those is a content change (db::ContentChange): the node forgets the story's card on a
/// change to the story (forget), and every card on a change to the network, which sections and
/// pictures are (forget_all), at the moment it drops the pages. So a card is as fresh as the
/// node's pages: a change reaches it when the node hears of it. A card read before a forget is
/// not kept (the generation), so a change that lands while cards are read never leaves a stale
/// one behind: a reader takes the generation before its snapshot of the database begins, and
/// cards read from an older one are not kept. A card is also kept at most `max_age`, for a node
/// that cannot watch its database. Bounded in count, the least recently read going first; a
/// capacity of 0 keeps none. Safe to share between threads.
class StoryCards {
  public:
    /// Reads the cards of stories in one go, in any order; a story it no longer finds is left out.
    using Read =
        std::function<Result<std::vector<domain::Article>>(const std::vector<domain::Id>&)>;

    static constexpr std::size_t default_capacity = 4096;
    static constexpr std::chrono::seconds default_max_age{60};

    explicit StoryCards(std::size_t capacity = default_capacity,
                        std::chrono::steady_clock::duration max_age = default_max_age)
        : capacity_(capacity), max_age_(max_age) {}

    /// What to pass to cards(), taken before the snapshot its `read` reads from begins.
    std::uint64_t generation() const;

    /// The cards of `ids`, in that order: those kept, and the others read in one call of `read`
    /// and kept from then on, unless something was forgotten since `generation`. A story `read`
    /// does not return is left out. `read` runs without the lock held; nothing is kept when it
    /// fails.
    Result<std::vector<Card>> cards(const std::vector<domain::Id>& ids, std::uint64_t generation,
                                    const Read& read);

    /// Forgets the cards of these stories.
    void forget(std::span<const domain::Id> stories);
    /// Forgets every card.
    void forget_all();

    /// How many cards are kept now.
    std::size_t size() const;

  private:
    struct Kept {
        Card card;
        std::chrono::steady_clock::time_point read_at;
        std::list<domain::Id>::iterator recency;  ///< its place in recency_
    };

    void keep(const Card& card, std::chrono::steady_clock::time_point read_at);

    const std::size_t capacity_;
    const std::chrono::steady_clock::duration max_age_;
    mutable std::mutex mutex_;
    std::unordered_map<domain::Id, Kept> kept_;
    std::list<domain::Id> recency_;  ///< most recently read first
    std::uint64_t generation_ = 0;   ///< counts forgets
};

}  // namespace dateline::app
