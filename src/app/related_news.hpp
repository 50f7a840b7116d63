#pragma once

#include <cstdint>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::app {

/// Chooses a story's related news when it is published or changed, never when it is read: the
/// site's visible stories that share its tags and key terms (the first key_terms_kept of its
/// headline and standfirst: search::key_terms), the rarer on the site the more, weighted by how
/// close in time they are, best first. The weight is the same seen from either story, so the story
/// is offered to the lists of those it chose (and taken from those it no longer relates to): an
/// older story's list takes in a newer one without being saved again.
///
/// weight = (Σ shared tags 2·ln(1 + N / stories with the tag)
///           + Σ shared key terms ln(1 + N / stories with the term))
///          / (1 + days apart / days_halving), N the site's stories (min_stories at least),
/// for stories whose sum (before time weighs in) reaches min_shared.
class RelatedNews {
  public:
    /// Chooses the list of the story `id` in the caller's transaction, after the story was
    /// indexed for search (its key terms are read from there). A draft keeps what it had. The
    /// transaction holds the stories' write turn (storage::ArticleStore::take_write_turn), as
    /// every one that saves, publishes or indexes a story does: two stories naming each other
    /// would otherwise take each other's rows in opposite orders, and a story withdrawn meanwhile
    /// keep the listed time written here.
    static Status choose(db::Connection& connection, domain::Id id, UnixTime now);

    static constexpr int kept = 12;      ///< a list's length (pages show fewer)
    static constexpr int per_tag = 30;   ///< candidates from each of the story's tags
    static constexpr int by_terms = 60;  ///< candidates sharing a key term
    /// A story's key terms kept for this: the first (its headline's, then its standfirst's).
    static constexpr std::size_t key_terms_kept = 12;
    static constexpr int offered_to = 50;  ///< lists naming the story, updated at most
    /// What two stories must share to be related: a tag of a tenth of the site's stories (2 ln 11
    /// ≈ 4.8), or two words each in a tenth, or one word in a hundredth (ln 101 ≈ 4.6).
    static constexpr double min_shared = 4.5;
    /// Below this many stories a site cannot tell rare words from common ones: it counts as
    /// this many.
    static constexpr std::int64_t min_stories = 100;
    /// Two stories this many days apart weigh half what they would on the same day.
    static constexpr double days_halving = 3;
};

}  // namespace dateline::app
