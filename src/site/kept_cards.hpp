#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/story_cards.hpp"
#include "render/dictionary.hpp"

namespace dateline::site {

/// Story cards as the theme wrote them, kept by the card (app::Card) they were written from, so
/// that a page the cache does not hold writes each of its cards once between changes rather than
/// once a page: the cards were nearly half of a home page's render.
///
/// Kept by the card object itself, never by its story's id: app::StoryCards reads a story's card
/// again after each change to it, to its section or picture, to a site, and after its max_age,
/// and that new card finds nothing kept. So a kept card is as fresh as app::StoryCards' own.
/// What else a card's HTML depends on is its `Variant`: the snapshot of the sites (dates, paths),
/// the site, and how the page shows the card; the theme's templates and strings hold the
/// KeptCards itself (one per loaded theme). Bounded: past `capacity` cards, the ones whose card
/// is gone are let go, and all of them if that is not enough. Safe to share between threads.
class KeptCards {
  public:
    /// How a page shows a card, and what it was written with.
    struct Variant {
        std::uint64_t snapshot = 0;  ///< SiteSnapshot::generation
        std::int64_t site = 0;
        std::uint32_t shape = 0;  ///< the page's CardOptions and image loading, packed
        friend bool operator==(const Variant&, const Variant&) = default;
    };

    static constexpr std::size_t default_capacity = 8192;

    explicit KeptCards(std::size_t capacity = default_capacity) : capacity_(capacity) {}

    /// Gives `include` the HTML kept for `card` in `variant` (Dictionary::set_expansion); false
    /// when none is kept.
    bool give(const app::Card& card, const Variant& variant, render::Dictionary& include) const;
    /// Keeps `html`, written from `card` in `variant`.
    void keep(const app::Card& card, const Variant& variant, std::string_view html);

    /// How many cards have HTML kept.
    std::size_t size() const;

  private:
    struct Kept {
        std::weak_ptr<const domain::Article> card;  // the object the HTML was written from
        std::vector<std::pair<Variant, std::string>> written;
    };

    // The entry of `card`, if it is that very object's (an address a gone card had may be
    // another's now).
    const Kept* find(const app::Card& card) const;

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_map<const domain::Article*, Kept> kept_;
};

}  // namespace dateline::site
