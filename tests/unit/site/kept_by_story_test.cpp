// What pages wrote from a story object, kept by that object (site::KeptByStory, as KeptCards and
// KeptStoryParts): given back for the same object shown the same way, never for a story read
// again after a change, nor for another snapshot, site or shape.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "site/theme.hpp"

namespace dateline::site {

namespace {

app::Card card_of(domain::Id story, const std::string& headline) {
    auto article = std::make_shared<domain::Article>();
    article->id = story;
    article->headline = headline;
    return article;
}

// What `kept` gives for `card` in `variant`, or "" when nothing.
std::string given(const KeptCards& kept, const app::Card& card, const KeptCards::Variant& variant) {
    render::Dictionary d;
    auto* include = d.add_include("CARD", "card.tpl");
    if (!kept.use(card, variant, [&](const std::string& html) { include->set_expansion(html); }))
        return "";
    return std::string(*include->expansion());
}

constexpr KeptCards::Variant shown{.snapshot = 1, .site = 7, .shape = 3};

}  // namespace

TEST(KeptCards, TheSameCardShownTheSameWayIsGivenBack) {
    KeptCards kept(8);
    const auto card = card_of(1, "Port reopens");
    EXPECT_EQ(given(kept, card, shown), "") << "nothing written yet";
    kept.keep(card, shown, "<article>Port reopens</article>");
    EXPECT_EQ(given(kept, card, shown), "<article>Port reopens</article>");
    EXPECT_EQ(kept.size(), 1u);
}

TEST(KeptCards, AnotherSnapshotSiteOrShapeIsWrittenAgain) {
    KeptCards kept(8);
    const auto card = card_of(1, "Port reopens");
    kept.keep(card, shown, "<article>Port reopens</article>");
    EXPECT_EQ(given(kept, card, {.snapshot = 2, .site = 7, .shape = 3}), "");
    EXPECT_EQ(given(kept, card, {.snapshot = 1, .site = 8, .shape = 3}), "");
    EXPECT_EQ(given(kept, card, {.snapshot = 1, .site = 7, .shape = 4}), "");
    kept.keep(card, {.snapshot = 1, .site = 7, .shape = 4}, "<article class=lead>");
    EXPECT_EQ(given(kept, card, shown), "<article>Port reopens</article>") << "both shapes kept";
    kept.keep(card, {.snapshot = 2, .site = 7, .shape = 3}, "<article>new dates</article>");
    EXPECT_EQ(given(kept, card, shown), "") << "an older snapshot's HTML goes";
}

TEST(KeptCards, AStoryReadAgainAfterAChangeFindsNothing) {
    KeptCards kept(8);
    auto card = card_of(1, "Port reopens");
    kept.keep(card, shown, "<article>Port reopens</article>");
    // app::StoryCards reads the story again after its change: a new object, perhaps at the
    // freed one's address.
    card.reset();
    const auto again = card_of(1, "Port reopens at dawn");
    EXPECT_EQ(given(kept, again, shown), "");
    kept.keep(again, shown, "<article>Port reopens at dawn</article>");
    EXPECT_EQ(given(kept, again, shown), "<article>Port reopens at dawn</article>");
}

TEST(KeptCards, PastItsCapacityGoneCardsAreLetGo) {
    KeptCards kept(2);
    const auto held = card_of(1, "One");
    kept.keep(held, shown, "1");
    kept.keep(card_of(2, "Two"), shown, "2");  // its card is gone at once
    kept.keep(card_of(3, "Three"), shown, "3");
    EXPECT_LE(kept.size(), 2u);
    EXPECT_EQ(given(kept, held, shown), "1") << "a card still in use stays";
    KeptCards none(0);
    none.keep(held, shown, "1");
    EXPECT_EQ(given(none, held, shown), "");
}

}  // namespace dateline::site
