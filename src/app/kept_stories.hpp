#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "domain/article.hpp"

namespace dateline::app {

/// A story as its page shows it (storage::ArticleStore::visible_by_slug with its notes): shared
/// by the pages that read it, read-only.
using KeptStory = std::shared_ptr<const domain::Article>;

/// Visible stories kept in memory by site and slug, so that a story page the page cache does not
/// hold reads only what changes without its story changing (its translations, related news and
/// comments) instead of the story's row, bylines, tags and notes again.
///
/// What a story page shows of its story changes only with the story's row (its notes and
/// bylines move its row too), a site's tags and authors (renamed), or the network (sections,
/// pictures), and each is a content change: the node forgets the story on a change to it
/// (forget), every story of a site on a change to the site (forget_site) and every story on a
/// change to the network (forget_all), at the moment it drops the pages. So a kept story is as
/// fresh as the node's pages. A story read before a forget is not kept (the generation, taken
/// before the read's snapshot begins), and one is kept at most `max_age`, for a node that cannot
/// watch its database. ReaderService::story checks a kept story's row by key on every page
/// (storage::ArticleStore::unchanged), so an unpublished or edited story is never shown from
/// here even when its change is not heard of.
/// Bounded in count, the least recently read going first; a capacity of 0 keeps none. Safe to
/// share between threads.
class KeptStories {
  public:
    static constexpr std::chrono::seconds default_max_age{60};

    explicit KeptStories(std::size_t capacity,
                         std::chrono::steady_clock::duration max_age = default_max_age)
        : capacity_(capacity), max_age_(max_age) {}

    /// What to pass to keep(), taken before the snapshot the story is read from begins.
    std::uint64_t generation() const;

    /// The story of the site with this slug, if kept (and not older than `max_age`).
    KeptStory find(domain::Id site_id, std::string_view slug);
    /// Keeps `story` under its site and slug, unless something was forgotten since `generation`.
    void keep(const KeptStory& story, std::uint64_t generation);

    /// Forgets these stories.
    void forget(std::span<const domain::Id> stories);
    /// Forgets every story of the site.
    void forget_site(domain::Id site_id);
    /// Forgets every story.
    void forget_all();

    /// How many stories are kept now.
    std::size_t size() const;

  private:
    struct Key {
        domain::Id site_id = 0;
        std::string slug;
    };
    struct Kept {
        KeptStory story;
        std::chrono::steady_clock::time_point read_at;
        std::list<Key>::iterator recency;  ///< its place in recency_
    };
    // Ordered by site, then slug; finds by a slug's view without making a string.
    struct Before {
        using is_transparent = void;
        template <typename A, typename B>
        bool operator()(const A& a, const B& b) const {
            return a.site_id != b.site_id ? a.site_id < b.site_id
                                          : std::string_view(a.slug) < std::string_view(b.slug);
        }
    };
    struct KeyView {
        domain::Id site_id = 0;
        std::string_view slug;
    };
    using Map = std::map<Key, Kept, Before>;

    // With the mutex held.
    void erase(Map::iterator it);

    const std::size_t capacity_;
    const std::chrono::steady_clock::duration max_age_;
    mutable std::mutex mutex_;
    Map kept_;
    std::list<Key> recency_;        ///< most recently read first
    std::uint64_t generation_ = 0;  ///< counts forgets
};

}  // namespace dateline::app
