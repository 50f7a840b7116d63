#include "site/kept_cards.hpp"

#include <algorithm>

namespace dateline::site {

const KeptCards::Kept* KeptCards::find(const app::Card& card) const {
    const auto it = kept_.find(card.get());
    if (it == kept_.end()) return nullptr;
    // Same object only if its owner is the card's: an expired or other weak pointer is not.
    const auto& kept = it->second.card;
    if (kept.owner_before(card) || card.owner_before(kept) || kept.expired()) return nullptr;
    return &it->second;
}

bool KeptCards::give(const app::Card& card, const Variant& variant,
                     render::Dictionary& include) const {
    if (!card) return false;
    const std::lock_guard lock(mutex_);
    const Kept* kept = find(card);
    if (!kept) return false;
    for (const auto& [written_as, html] : kept->written)
        if (written_as == variant) {
            include.set_expansion(html);
            return true;
        }
    return false;
}

void KeptCards::keep(const app::Card& card, const Variant& variant, std::string_view html) {
    if (!card || capacity_ == 0) return;
    const std::lock_guard lock(mutex_);
    if (!find(card)) {
        if (kept_.size() >= capacity_) {
            std::erase_if(kept_, [](const auto& entry) { return entry.second.card.expired(); });
            if (kept_.size() >= capacity_) kept_.clear();
        }
        kept_[card.get()] = Kept{card, {}};
    }
    auto& written = kept_[card.get()].written;
    // A card is shown in a handful of ways; a variant from an older snapshot goes.
    std::erase_if(written, [&](const auto& w) { return w.first.snapshot != variant.snapshot; });
    if (std::none_of(written.begin(), written.end(),
                     [&](const auto& w) { return w.first == variant; }))
        written.emplace_back(variant, std::string(html));
}

std::size_t KeptCards::size() const {
    const std::lock_guard lock(mutex_);
    return kept_.size();
}

}  // namespace dateline::site
