#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/comment_service.hpp"
#include "app/kept_stories.hpp"
#include "app/story_cards.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "search/query.hpp"
#include "storage/front_page_store.hpp"

namespace dateline::storage {
struct ArticleFilter;
struct ListingPage;
}  // namespace dateline::storage

namespace dateline::app {

/// The sites of the network as loaded at start: read often, changed only by `init`.
struct NetworkDirectory {
    domain::Network network;
    std::vector<domain::Site> sites;
    /// Sections of each site, by site id order of `sites`.
    std::vector<std::vector<domain::Section>> sections;

    const domain::Site* site_by_slug(std::string_view slug) const;
    const domain::Site* site_by_id(domain::Id id) const;
    const std::vector<domain::Section>& sections_of(const domain::Site& site) const;
};

/// Which page of a section's or tag's listing a reader asked for: the newest stories, or those
/// just older or just newer than a story of the listing (`older/ID/`, `newer/ID/`).
struct ListingRequest {
    enum class From { Newest, OlderThan, NewerThan };
    From from = From::Newest;
    domain::Id story = 0;
};

/// One page of a listing, newest first, with where its neighbours start.
struct ArticlePage {
    std::vector<Card> articles;
    bool newest = true;               ///< the listing's first page
    std::optional<domain::Id> older;  ///< older stories exist: they start after this story
    std::optional<domain::Id> newer;  ///< newer stories exist: they end before this story
};

/// An article page's content, read at once (ReaderService::story).
struct StoryPage {
    KeptStory article;                          ///< never null
    std::vector<domain::Article> translations;  ///< visible, on sister sites (bare cards)
    /// Every other story of its translation group, visible or not yet: the page depends on
    /// them all, since one published later joins its list of translations.
    std::vector<domain::Id> translation_group;
    std::vector<Card> related;
    Result<ArticleComments> comments;
};

/// The home page's stories, each once.
struct FrontPage {
    /// The lead, then the stories beside it: the editors' choice in their order (those visible),
    /// then the newest to make up FrontPageService::top_count.
    std::vector<Card> top;
    std::vector<Card> latest;  ///< the newest of the others
    struct SectionStories {
        domain::Section section;
        std::vector<Card> articles;
    };
    std::vector<SectionStories> sections;
    /// The site's most read stories of the last day (MostRead), most read first; they may
    /// also be above.
    std::vector<Card> most_read;
};

/// Which listing a feed follows: the site's stories (none set), a section's, a tag's or an
/// author's.
struct FeedSource {
    std::optional<domain::Id> section{};
    std::optional<domain::Id> tag{};
    std::optional<domain::Id> author{};
    bool sectionless = false;  ///< the stories without a section
};

/// A site's listings as its sitemap gives them: each with the publication time of its newest
/// story; only sections, tags and authors with a story.
struct ListingActivity {
    UnixTime home = 0;  ///< 0: the site has no story yet
    std::vector<std::pair<domain::Section, UnixTime>> sections;
    std::vector<std::pair<domain::Tag, UnixTime>> tags;
    std::vector<std::pair<domain::Author, UnixTime>> authors;
    UnixTime sectionless = 0;  ///< 0: no story without a section
};

/// A part of a site's sitemap: the visible stories whose ids fall in one span of
/// ReaderService::sitemap_span ids, and the latest change among them.
struct StorySpan {
    std::int64_t number = 0;
    UnixTime last_changed = 0;
};

/// A page of a reader's search of one site, best first (storage::SearchStore::find's order).
struct SearchPage {
    std::vector<domain::Article> articles;  ///< whole (their text gives the excerpts)
    int number = 1;                         ///< from 1
    bool more = false;                      ///< a next page has stories
};

/// A site's breaking-news banner as its pages show it.
struct Banner {
    std::string text;
    std::string path;  ///< the story's page
};

/// Everything a reader may see, read through one surface (site pages now, the API later).
/// Only visible articles come out of it.
class ReaderService {
  public:
    /// Keeps up to `story_cards` stories' cards in memory (StoryCards) and up to
    /// `kept_stories` stories as their pages show them (KeptStories); 0 keeps none. Whoever
    /// keeps stories forgets them as the content changes (forget_stories): a server's content
    /// watch does.
    ReaderService(db::Database& database, const Clock& clock,
                  std::size_t story_cards = StoryCards::default_capacity,
                  std::size_t kept_stories = 0)
        : database_(database), clock_(clock), cards_(story_cards), stories_(kept_stories) {}

    /// Whether this node can serve readers: the database answers and its schema is this
    /// program's (db::check_schema). Unavailable, at once, when no pooled connection comes free
    /// within `ready_wait`: a probe must answer within its own timeout, and a node whose every
    /// connection stays busy that long is not ready for more readers.
    Status ready();
    static constexpr std::chrono::milliseconds ready_wait{1000};

    /// The network, its sites and their sections, as they are now.
    Result<NetworkDirectory> directory();
    /// The reader's "now": what is visible and the footer's year depend on it.
    UnixTime now() const { return clock_.now(); }

    /// The site's breaking-news banner while it is up (app::FrontPageService), on every page of
    /// the site. Kept per site once read, since every page asks, until forget_banners(); a read
    /// that fails shows no banner (and is logged), never a broken page.
    std::optional<Banner> banner(const domain::Site& site);
    /// Reads the banners again from the next page on: called whenever the content changed.
    void forget_banners();
    /// Reads these stories' cards again from the next page on (StoryCards): called when they
    /// changed.
    void forget_cards(std::span<const domain::Id> stories) { cards_.forget(stories); }
    /// Reads every card again from the next page on: called when anything wider than stories
    /// changed (the network, a site, a section, a picture).
    void forget_cards() { cards_.forget_all(); }
    /// Reads these stories again from the next page on (KeptStories): called when they changed.
    void forget_stories(std::span<const domain::Id> stories) { stories_.forget(stories); }
    /// Reads the site's stories again: called when its tags or authors changed.
    void forget_stories_of(domain::Id site_id) { stories_.forget_site(site_id); }
    /// Reads every story again: called when the network, a section or a picture changed.
    void forget_stories() { stories_.forget_all(); }

    /// The home page's stories: the latest, then up to four per section not already shown.
    Result<FrontPage> front_page(const NetworkDirectory& directory, const domain::Site& site);
    /// A page of a section's stories. A page starting at a story that is not (or no longer)
    /// listed on the site is NotFound; a NewerThan page that reaches the newest story is the
    /// first page. Costs the same however large the archive and however deep the page.
    Result<ArticlePage> section_page(const domain::Section& section, const ListingRequest& page);
    /// The site's tag with this slug, if any.
    Result<std::optional<domain::Tag>> tag(const domain::Site& site, const std::string& slug);
    /// The site's tags that at least one visible story carries, by slug.
    Result<std::vector<domain::Tag>> listed_tags(const domain::Site& site);
    /// A page of a tag's stories, like section_page.
    Result<ArticlePage> tag_page(const domain::Tag& tag, const ListingRequest& page);
    /// The site's author with this slug, if any.
    Result<std::optional<domain::Author>> author(const domain::Site& site, const std::string& slug);
    /// The site's authors whose byline is on at least one visible story, by slug.
    Result<std::vector<domain::Author>> listed_authors(const domain::Site& site);
    /// A page of the stories an author's byline is on, like section_page.
    Result<ArticlePage> author_page(const domain::Author& author, const ListingRequest& page);
    /// A page of the site's stories without a section (`<prefix>news/`), like section_page.
    Result<ArticlePage> sectionless_page(const domain::Site& site, const ListingRequest& page);
    /// A page of every story the site lists, like section_page (what a static copy walks).
    Result<ArticlePage> site_page(const domain::Site& site, const ListingRequest& page);
    /// The visible article of the site with this slug, if any.
    Result<std::optional<domain::Article>> article(const domain::Site& site,
                                                   const std::string& slug);
    /// An article page's content in one consistent read: the visible article of the site with
    /// this slug (nothing when there is none), its related news, and a page of its approved
    /// comments (NotFound past the last page, kept apart so that the page can still redirect).
    Result<std::optional<StoryPage>> story(const domain::Site& site, const std::string& slug,
                                           int comments_page);

    /// A feed's newest stories, whole (bodies, bylines and tags), newest first.
    Result<std::vector<domain::Article>> feed_stories(const domain::Site& site,
                                                      const FeedSource& source);
    /// The site's home, sections, tags and authors with the time of their newest story.
    Result<ListingActivity> listing_activity(const NetworkDirectory& directory,
                                             const domain::Site& site);
    /// The spans of ids holding the site's visible stories, by number.
    Result<std::vector<StorySpan>> story_spans(const domain::Site& site);
    /// The visible stories of one span (bare cards, by id); empty for a span with none.
    Result<std::vector<domain::Article>> span_stories(const domain::Site& site, std::int64_t span);
    /// The site's `limit` newest listed stories, as cards (a missing page offers them).
    Result<std::vector<Card>> latest_stories(const domain::Site& site, int limit);
    /// What a news sitemap lists: the stories first published in the last news_window, newest
    /// first, at most `limit` (bare cards).
    Result<std::vector<domain::Article>> news_stories(const domain::Site& site,
                                                      int limit = news_limit);

    /// The section's most read stories of the last day (MostRead), most read first, as bare
    /// cards; none until its stories are read.
    Result<std::vector<Card>> most_read(const domain::Section& section);

    /// Page `number` (from 1, at most max_search_page) of the site's visible stories that
    /// match `query`; none for a query that requires nothing.
    Result<SearchPage> search(const domain::Site& site, const search::Query& query, int number);

    static constexpr int search_page_size = 10;
    static constexpr int max_search_page = 50;
    static constexpr int feed_size = 20;
    static constexpr std::int64_t sitemap_span = 10'000;
    static constexpr int news_limit = 1000;
    static constexpr UnixTime news_window = 2 * 24 * 3600;
    static constexpr int page_size = 20;
    static constexpr int latest_count = 8;
    static constexpr int section_story_count = 4;
    static constexpr int related_count = 6;

  private:
    Result<ArticlePage> page_of(const storage::ArticleFilter& filter, const ListingRequest& page);
    /// The cards of `ids` in their order, kept ones first (cards_), the others read through
    /// `connection`; `generation` is cards_.generation() from before its snapshot began.
    Result<std::vector<Card>> cards_of(db::Connection& connection,
                                       const std::vector<domain::Id>& ids,
                                       std::uint64_t generation);
    /// Up to `limit` of a listing's stories as cards (storage::ArticleStore::list_visible):
    /// their ids from the listing's index, their cards through cards_of.
    Result<std::vector<Card>> listed_cards(db::Connection& connection,
                                           const storage::ArticleFilter& filter, UnixTime now,
                                           int limit, const storage::ListingPage& page,
                                           std::uint64_t generation);
    /// A ranking (MostRead) of the site (section 0) or a section, as cards in its order.
    Result<std::vector<Card>> most_read_cards(db::Connection& connection, domain::Id site_id,
                                              domain::Id section_id, UnixTime now,
                                              std::uint64_t generation);

    db::Database& database_;
    const Clock& clock_;
    std::mutex banners_mutex_;
    std::unordered_map<domain::Id, std::optional<storage::BreakingNews>> banners_;
    std::uint64_t banners_generation_ = 0;  ///< counts forget_banners() calls
    StoryCards cards_;
    KeptStories stories_;
};

}  // namespace dateline::app
