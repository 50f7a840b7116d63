#include "app/story_cards.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline::app {
namespace {

using domain::Article;
using domain::Id;

// A database of cards that counts what it is asked for.
struct Cards {
    std::vector<Article> rows;
    std::vector<std::vector<Id>> asked;

    StoryCards::Read reader() {
        return [this](const std::vector<Id>& ids) -> Result<std::vector<Article>> {
            asked.push_back(ids);
            std::vector<Article> out;
            // In id order, as the store reads them, not in the order asked.
            for (const auto& row : rows)
                for (const auto id : ids)
                    if (row.id == id) out.push_back(row);
            return out;
        };
    }
    void retitle(Id id, const std::string& headline) {
        for (auto& row : rows)
            if (row.id == id) row.headline = headline;
    }
};

Cards three_stories() {
    Cards db;
    for (Id id = 1; id <= 3; ++id) {
        Article a;
        a.id = id;
        a.headline = "story " + std::to_string(id);
        db.rows.push_back(a);
    }
    return db;
}

std::vector<std::string> headlines(const Result<std::vector<Card>>& cards) {
    std::vector<std::string> out;
    if (cards)
        for (const auto& a : *cards) out.push_back(a->headline);
    return out;
}

TEST(StoryCards, GivesCardsInTheOrderAskedAndReadsOnlyThoseNotKept) {
    auto db = three_stories();
    StoryCards cards;
    EXPECT_EQ(headlines(cards.cards({3, 1}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 3", "story 1"}));
    EXPECT_EQ(headlines(cards.cards({1, 2, 3}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 1", "story 2", "story 3"}));
    ASSERT_EQ(db.asked.size(), 2u);
    EXPECT_EQ(db.asked[1], std::vector<Id>{2}) << "1 and 3 were kept";
    EXPECT_EQ(headlines(cards.cards({2, 3}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 2", "story 3"}));
    EXPECT_EQ(db.asked.size(), 2u) << "all kept: the database is not asked";
    EXPECT_EQ(cards.size(), 3u);
}

TEST(StoryCards, AStoryNoLongerFoundIsLeftOutAndAFailedReadLosesNoKeptCard) {
    auto db = three_stories();
    StoryCards cards;
    EXPECT_EQ(headlines(cards.cards({1, 9, 2}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 1", "story 2"}));
    const StoryCards::Read failing = [](const std::vector<Id>&) -> Result<std::vector<Article>> {
        return Error::unavailable("the database is down");
    };
    auto failed = cards.cards({1, 3}, cards.generation(), failing);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, "the database is down");
    db.asked.clear();
    EXPECT_EQ(headlines(cards.cards({1, 2}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 1", "story 2"}));
    EXPECT_TRUE(db.asked.empty()) << "the cards kept before the failure are kept still";
}

TEST(StoryCards, AChangedStoryIsReadAgainAndTheOthersAreNot) {
    auto db = three_stories();
    StoryCards cards;
    ASSERT_TRUE(cards.cards({1, 2, 3}, cards.generation(), db.reader()).ok());
    db.retitle(2, "story 2, corrected");
    const std::vector<Id> changed{2};
    cards.forget(changed);
    EXPECT_EQ(headlines(cards.cards({1, 2, 3}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 1", "story 2, corrected", "story 3"}));
    EXPECT_EQ(db.asked.back(), std::vector<Id>{2});

    db.retitle(1, "story 1, moved");
    cards.forget_all();
    EXPECT_EQ(cards.size(), 0u);
    EXPECT_EQ(headlines(cards.cards({1}, cards.generation(), db.reader())),
              (std::vector<std::string>{"story 1, moved"}));
}

// A page takes the generation, then its snapshot; the story changes and is forgotten (alone, or
// with every card on a change to the network) before its card is read from that older snapshot:
// the card shows on that page but is not kept.
TEST(StoryCards, ACardReadFromASnapshotOlderThanAForgetIsNotKept) {
    const std::vector<Id> changed{1};
    for (const bool everything : {false, true}) {
        SCOPED_TRACE(everything ? "forget_all" : "forget");
        auto db = three_stories();
        StoryCards cards;
        const auto before = cards.generation();
        auto old_snapshot = db;  // the page's snapshot, taken before the change
        db.retitle(1, "story 1, corrected");
        if (everything)
            cards.forget_all();
        else
            cards.forget(changed);
        EXPECT_EQ(headlines(cards.cards({1}, before, old_snapshot.reader())),
                  (std::vector<std::string>{"story 1"}));
        EXPECT_EQ(cards.size(), 0u);
        EXPECT_EQ(headlines(cards.cards({1}, cards.generation(), db.reader())),
                  (std::vector<std::string>{"story 1, corrected"}));
        EXPECT_EQ(cards.size(), 1u);
    }
}

// Pages share the kept cards rather than copy them (a card is const, so a page still being
// written keeps the card it was given); once its story changes, the next page gets a new one.
TEST(StoryCards, PagesShareAKeptCardAndTheNextPageAfterAChangeGetsANewOne) {
    auto db = three_stories();
    StoryCards cards;
    auto first = cards.cards({1}, cards.generation(), db.reader());
    auto second = cards.cards({1}, cards.generation(), db.reader());
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(first->front().get(), second->front().get()) << "one card, shared";
    db.retitle(1, "story 1, corrected");
    const std::vector<Id> changed{1};
    cards.forget(changed);
    auto third = cards.cards({1}, cards.generation(), db.reader());
    EXPECT_EQ(headlines(third), (std::vector<std::string>{"story 1, corrected"}));
}

TEST(StoryCards, KeepsAtMostItsCapacityAndLetsTheLeastRecentlyReadGo) {
    auto db = three_stories();
    StoryCards cards(2);
    ASSERT_TRUE(cards.cards({1, 2}, cards.generation(), db.reader()).ok());
    ASSERT_TRUE(cards.cards({1}, cards.generation(), db.reader()).ok());  // 1 read last
    ASSERT_TRUE(cards.cards({3}, cards.generation(), db.reader()).ok());  // 2 goes
    EXPECT_EQ(cards.size(), 2u);
    db.asked.clear();
    ASSERT_TRUE(cards.cards({1, 2, 3}, cards.generation(), db.reader()).ok());
    ASSERT_EQ(db.asked.size(), 1u);
    EXPECT_EQ(db.asked[0], std::vector<Id>{2});
}

TEST(StoryCards, ACardOlderThanItsMaximumAgeIsReadAgainAndACapacityOfNoneKeepsNothing) {
    auto db = three_stories();
    StoryCards stale_at_once(16, std::chrono::seconds(0));
    ASSERT_TRUE(stale_at_once.cards({1}, stale_at_once.generation(), db.reader()).ok());
    db.retitle(1, "story 1, corrected");
    EXPECT_EQ(headlines(stale_at_once.cards({1}, stale_at_once.generation(), db.reader())),
              (std::vector<std::string>{"story 1, corrected"}));
    StoryCards none(0);
    db.asked.clear();
    for (int page = 0; page < 2; ++page)
        EXPECT_EQ(headlines(none.cards({2, 1}, none.generation(), db.reader())),
                  (std::vector<std::string>{"story 2", "story 1, corrected"}));
    EXPECT_EQ(db.asked.size(), 2u) << "every page reads its cards";
    EXPECT_EQ(none.size(), 0u);
}

}  // namespace
}  // namespace dateline::app
