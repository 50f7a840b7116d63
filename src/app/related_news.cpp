#include "app/related_news.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/article.hpp"
#include "storage/article_store.hpp"
#include "storage/related_store.hpp"
#include "storage/search_store.hpp"

namespace dateline::app {

namespace {

using domain::Id;
using storage::RelatedEntry;

// What the weight compares of a story: when it was published, its tags and its key terms.
struct Traits {
    UnixTime published = 0;
    std::vector<Id> tags;
    std::vector<std::string> key;
};

Traits traits_of(const domain::Article& a, std::vector<std::string> key) {
    Traits t{a.first_published_at, {}, std::move(key)};
    for (const auto& tag : a.tags) t.tags.push_back(tag.id);
    return t;
}

// How much sharing each of the story's tags and key terms says: the rarer among the site's
// stories, the more (inverse document frequency); a tag, an editor's choice, twice a word's.
struct Rarity {
    std::map<Id, double> tags;
    std::map<std::string, double> terms;
};

// A site of a few stories cannot tell a rare word from a common one: it counts as a site of
// RelatedNews::min_stories.
double inverse_frequency(std::int64_t stories, std::int64_t with) {
    return std::log(1 + static_cast<double>(std::max(stories, RelatedNews::min_stories)) /
                            static_cast<double>(std::max<std::int64_t>(with, 1)));
}

template <typename Key>
double shared(const std::vector<Key>& a, const std::vector<Key>& b,
              const std::map<Key, double>& rarity) {
    double sum = 0;
    for (const auto& k : a)
        if (std::find(b.begin(), b.end(), k) != b.end())
            if (const auto found = rarity.find(k); found != rarity.end()) sum += found->second;
    return sum;
}

// The same from either side (the rarities are the story's, whose tags and terms the shared
// ones are among): how related two stories are, 0 when they are not.
double weight_of(const Traits& a, const Traits& b, const Rarity& rarity) {
    const double sum = 2 * shared(a.tags, b.tags, rarity.tags) + shared(a.key, b.key, rarity.terms);
    if (sum < RelatedNews::min_shared) return 0;
    constexpr double day = 24 * 3600;
    const double days_apart = std::abs(static_cast<double>(a.published - b.published)) / day;
    return sum / (1 + days_apart / RelatedNews::days_halving);
}

void best_first(std::vector<RelatedEntry>& list) {
    std::sort(list.begin(), list.end(), [](const RelatedEntry& x, const RelatedEntry& y) {
        return x.weight != y.weight ? x.weight > y.weight : x.id > y.id;
    });
    if (list.size() > std::size_t(RelatedNews::kept)) list.resize(std::size_t(RelatedNews::kept));
}

}  // namespace

Status RelatedNews::choose(db::Connection& c, Id id, UnixTime now) {
    storage::ArticleStore articles(c);
    storage::SearchStore search(c);
    storage::RelatedStore related(c);
    auto loaded = articles.by_id(id);
    if (!loaded) return loaded.error();
    if (!*loaded || !domain::is_listed((*loaded)->status)) return success();
    const domain::Article& story = **loaded;
    auto own_key = search.key_terms({id});
    if (!own_key) return own_key.error();
    const Traits me = traits_of(story, (*own_key)[id]);
    // The candidates: stories of its tags, stories sharing a key term, and the lists that name
    // it already (a change may take it out of them).
    auto by_tags = articles.tag_neighbours(story, now, per_tag);
    if (!by_tags) return by_tags.error();
    auto by_words = search.newest_with_any(story.site_id, now, me.key, by_terms);
    if (!by_words) return by_words.error();
    auto naming = related.listing(id, offered_to);
    if (!naming) return naming.error();
    std::vector<Id> ids;
    for (const auto* from : {&*by_tags, &*by_words, &*naming})
        for (const auto other : *from)
            if (other != id && std::find(ids.begin(), ids.end(), other) == ids.end())
                ids.push_back(other);
    // What the weights compare of them, in three statements (cards without bylines or tags).
    auto others = articles.by_ids(ids, storage::ArticleStore::Columns::Card,
                                  storage::ArticleStore::Details::Bare);
    if (!others) return others.error();
    auto tags = articles.tag_ids_of(ids);
    if (!tags) return tags.error();
    auto keys = search.key_terms(ids);
    if (!keys) return keys.error();
    std::vector<Traits> traits;
    traits.reserve(others->size());
    for (const auto& other : *others)
        traits.push_back({other.first_published_at, (*tags)[other.id], (*keys)[other.id]});

    // How rare is what it shares: counted for the tags and terms some candidate shares only.
    std::vector<Id> shared_tags;
    std::vector<std::string> shared_terms;
    for (const auto& t : traits) {
        for (const auto tag : t.tags)
            if (std::find(me.tags.begin(), me.tags.end(), tag) != me.tags.end() &&
                std::find(shared_tags.begin(), shared_tags.end(), tag) == shared_tags.end())
                shared_tags.push_back(tag);
        for (const auto& term : t.key)
            if (std::find(me.key.begin(), me.key.end(), term) != me.key.end() &&
                std::find(shared_terms.begin(), shared_terms.end(), term) == shared_terms.end())
                shared_terms.push_back(term);
    }
    auto stories = articles.count_listed(story.site_id);
    if (!stories) return stories.error();
    auto with_tag = articles.count_listed_by_tag(shared_tags);
    if (!with_tag) return with_tag.error();
    auto with_term = search.frequencies(shared_terms);
    if (!with_term) return with_term.error();
    Rarity rarity;
    for (const auto& [tag, with] : *with_tag) rarity.tags[tag] = inverse_frequency(*stories, with);
    for (const auto& [term, with] : *with_term)
        rarity.terms[term] = inverse_frequency(*stories, with);

    std::vector<RelatedEntry> mine;
    mine.reserve(others->size());
    std::map<Id, double> weights;
    for (std::size_t i = 0; i < others->size(); ++i) {
        const auto& other = (*others)[i];
        if (other.site_id != story.site_id) continue;
        const double weight = weight_of(me, traits[i], rarity);
        weights[other.id] = weight;
        if (weight > 0 && domain::is_listed(other.status)) mine.push_back({other.id, weight});
    }
    best_first(mine);
    auto before = related.list(id);
    if (!before) return before.error();
    if (auto written = related.update(id, *before, mine); !written) return written.error();

    // Offered to those it chose, and to those that named it, with the same weight.
    for (const auto& offer : weights) {
        const Id other = offer.first;
        const double weight = offer.second;
        const bool chosen = std::any_of(mine.begin(), mine.end(),
                                        [&](const RelatedEntry& e) { return e.id == other; });
        const bool names = std::find(naming->begin(), naming->end(), other) != naming->end();
        if (!chosen && !names) continue;
        auto theirs = related.list(other);
        if (!theirs) return theirs.error();
        auto next = *theirs;
        std::erase_if(next, [&](const RelatedEntry& e) { return e.id == id; });
        if (weight > 0) next.push_back({id, weight});
        best_first(next);
        if (next == *theirs) continue;
        if (auto written = related.update(other, *theirs, next); !written) return written.error();
    }
    return success();
}

}  // namespace dateline::app
