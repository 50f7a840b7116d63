#include "app/reader_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/front_page_service.hpp"
#include "app/most_read.hpp"
#include "db/migrator.hpp"
#include "domain/paths.hpp"
#include "storage/article_store.hpp"
#include "storage/front_page_store.hpp"
#include "storage/readership_store.hpp"
#include "storage/search_store.hpp"
#include "storage/site_store.hpp"

namespace dateline::app {

namespace {

// Listings show cards, and a card shows no byline and no tags: reading them would be waste.
constexpr auto bare = storage::ArticleStore::Details::Bare;

}  // namespace

Result<std::vector<Card>> ReaderService::cards_of(db::Connection& connection,
                                                  const std::vector<domain::Id>& ids,
                                                  std::uint64_t generation) {
    if (ids.empty()) return std::vector<Card>{};
    return cards_.cards(ids, generation, [&](const std::vector<domain::Id>& missing) {
        return storage::ArticleStore(connection)
            .by_ids(missing, storage::ArticleStore::Columns::Card, bare);
    });
}

Result<std::vector<Card>> ReaderService::listed_cards(db::Connection& connection,
                                                      const storage::ArticleFilter& filter,
                                                      UnixTime now, int limit,
                                                      const storage::ListingPage& page,
                                                      std::uint64_t generation) {
    auto ids = storage::ArticleStore(connection).list_visible_ids(filter, now, limit, page);
    if (!ids) return ids.error();
    return cards_of(connection, *ids, generation);
}

Result<std::vector<Card>> ReaderService::most_read_cards(db::Connection& connection,
                                                         domain::Id site_id, domain::Id section_id,
                                                         UnixTime now, std::uint64_t generation) {
    auto ids = storage::ReadershipStore(connection)
                   .most_read(site_id, section_id, now, MostRead::window_start(now),
                              MostRead::ranking_size);
    if (!ids) return ids.error();
    return cards_of(connection, *ids, generation);
}

const domain::Site* NetworkDirectory::site_by_slug(std::string_view slug) const {
    for (const auto& s : sites)
        if (s.slug == slug) return &s;
    return nullptr;
}

const domain::Site* NetworkDirectory::site_by_id(domain::Id id) const {
    for (const auto& s : sites)
        if (s.id == id) return &s;
    return nullptr;
}

const std::vector<domain::Section>& NetworkDirectory::sections_of(const domain::Site& site) const {
    static const std::vector<domain::Section> none;
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (sites[i].id == site.id) return sections[i];
    return none;
}

Status ReaderService::ready() {
    auto lease = database_.try_acquire(ready_wait);
    if (!lease)
        return Error::unavailable("Every database connection stayed busy for " +
                                  std::to_string(ready_wait.count()) + " ms.");
    return db::check_schema(**lease);
}

Result<NetworkDirectory> ReaderService::directory() {
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    storage::SiteStore store(*lease);
    NetworkDirectory d;
    auto network = store.network();
    if (!network) return network.error();
    d.network = std::move(*network);
    auto sites = store.sites();
    if (!sites) return sites.error();
    d.sites = std::move(*sites);
    for (const auto& site : d.sites) {
        auto sections = store.sections(site.id);
        if (!sections) return sections.error();
        d.sections.push_back(std::move(*sections));
    }
    return d;
}

std::optional<Banner> ReaderService::banner(const domain::Site& site) {
    std::optional<storage::BreakingNews> b;
    bool cached = false;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(banners_mutex_);
        generation = banners_generation_;
        if (const auto it = banners_.find(site.id); it != banners_.end()) {
            b = it->second;
            cached = true;
        }
    }
    if (!cached) {
        {
            auto lease = database_.acquire();
            auto found = storage::FrontPageStore(*lease).breaking(site.id);
            if (!found) {
                spdlog::warn("could not read the breaking-news banner of {}: {}", site.slug,
                             found.error().message);
                return std::nullopt;
            }
            b = std::move(*found);
        }
        // Kept only if nothing changed while it was read: else the next page reads it again.
        std::lock_guard lock(banners_mutex_);
        if (generation == banners_generation_) banners_[site.id] = b;
    }
    // Past its time, or its story not (yet) visible: no banner. The pages that showed it are
    // fresh for seconds only, so it goes within that once its time is up.
    const UnixTime now = clock_.now();
    if (!b || b->until <= now || !domain::is_listed(b->status) || b->first_published_at > now)
        return std::nullopt;
    return Banner{b->text, domain::article_path(site.path_prefix(), b->section_slug, b->slug)};
}

void ReaderService::forget_banners() {
    std::lock_guard lock(banners_mutex_);
    banners_.clear();
    ++banners_generation_;
}

Result<FrontPage> ReaderService::front_page(const NetworkDirectory& directory,
                                            const domain::Site& site) {
    const auto generation = cards_.generation();
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    const UnixTime now = clock_.now();
    FrontPage page;
    // Which chosen stories show is the rows' say (a story withdrawn a moment ago is gone at
    // once, as from the listings); only their cards may come from memory.
    auto chosen = storage::FrontPageStore(*lease).visible_top_stories(site.id, now);
    if (!chosen) return chosen.error();
    auto top = cards_of(*lease, *chosen, generation);
    if (!top) return top.error();
    page.top = std::move(*top);
    // A story shows once on the page: the newest fill the top, then the latest list, and section
    // blocks skip what either has.
    auto shown = [&](const Card& a) {
        const auto same = [&](const Card& s) { return s->id == a->id; };
        return std::any_of(page.top.begin(), page.top.end(), same) ||
               std::any_of(page.latest.begin(), page.latest.end(), same);
    };
    const int wanted = static_cast<int>(FrontPageService::top_count) + latest_count;
    auto newest = listed_cards(*lease, {.site_id = site.id}, now,
                               wanted + static_cast<int>(page.top.size()), {}, generation);
    if (!newest) return newest.error();
    std::erase_if(*newest, shown);
    for (auto& a : *newest) {
        if (page.top.size() < FrontPageService::top_count)
            page.top.push_back(std::move(a));
        else if (page.latest.size() < std::size_t(latest_count))
            page.latest.push_back(std::move(a));
    }
    for (const auto& section : directory.sections_of(site)) {
        // Enough to fill the block once the section's stories shown above are skipped.
        const auto in_section = [&](const Card& a) {
            return a->section && a->section->id == section.id;
        };
        const auto already = std::count_if(page.top.begin(), page.top.end(), in_section) +
                             std::count_if(page.latest.begin(), page.latest.end(), in_section);
        auto stories =
            listed_cards(*lease, {.site_id = site.id, .section_id = section.id}, now,
                         section_story_count + static_cast<int>(already), {}, generation);
        if (!stories) return stories.error();
        std::erase_if(*stories, shown);
        if (stories->size() > section_story_count) stories->resize(section_story_count);
        if (!stories->empty()) page.sections.push_back({section, std::move(*stories)});
    }
    auto most_read = most_read_cards(*lease, site.id, 0, now, generation);
    if (!most_read) return most_read.error();
    page.most_read = std::move(*most_read);
    return page;
}

Result<std::vector<Card>> ReaderService::most_read(const domain::Section& section) {
    const auto generation = cards_.generation();
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    return most_read_cards(*lease, section.site_id, section.id, clock_.now(), generation);
}

Result<ArticlePage> ReaderService::page_of(const storage::ArticleFilter& filter,
                                           const ListingRequest& request) {
    using From = storage::ListingPage::From;
    const auto generation = cards_.generation();
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    storage::ArticleStore store(*lease);
    const UnixTime now = clock_.now();
    storage::ListingPage page;
    if (request.from != ListingRequest::From::Newest) {
        auto position = store.listed_position(filter.site_id, request.story);
        if (!position) return position.error();
        if (!*position || (*position)->published_at > now)
            return Error::not_found("There is no such page.");
        page = {request.from == ListingRequest::From::OlderThan ? From::OlderThan : From::NewerThan,
                **position};
    }
    // One story more than a page shows says whether the listing goes on in that direction.
    auto articles = listed_cards(*lease, filter, now, page_size + 1, page, generation);
    if (!articles) return articles.error();
    if (page.from == From::NewerThan && articles->size() <= std::size_t(page_size)) {
        page = {};  // the newest stories are reached: that is the first page
        articles = listed_cards(*lease, filter, now, page_size + 1, page, generation);
        if (!articles) return articles.error();
    }
    ArticlePage result;
    result.newest = page.from == From::Newest;
    const bool more = articles->size() > std::size_t(page_size);
    if (more) {
        // Walking up, the extra story is the newest (first after reversal); otherwise the oldest.
        if (page.from == From::NewerThan)
            articles->erase(articles->begin());
        else
            articles->pop_back();
    }
    result.articles = std::move(*articles);
    if (result.articles.empty()) {
        if (!result.newest) return Error::not_found("There is no such page.");
        return result;
    }
    if (page.from == From::NewerThan) {
        result.newer = result.articles.front()->id;
        result.older = result.articles.back()->id;  // the story the page started from is older
    } else {
        if (more) result.older = result.articles.back()->id;
        if (page.from == From::OlderThan) result.newer = result.articles.front()->id;
    }
    return result;
}

Result<ArticlePage> ReaderService::section_page(const domain::Section& section,
                                                const ListingRequest& page) {
    return page_of({.site_id = section.site_id, .section_id = section.id}, page);
}

Result<ArticlePage> ReaderService::tag_page(const domain::Tag& tag, const ListingRequest& page) {
    return page_of({.site_id = tag.site_id, .tag_id = tag.id}, page);
}

Result<ArticlePage> ReaderService::author_page(const domain::Author& author,
                                               const ListingRequest& page) {
    return page_of({.site_id = author.site_id, .author_id = author.id}, page);
}

Result<ArticlePage> ReaderService::sectionless_page(const domain::Site& site,
                                                    const ListingRequest& page) {
    return page_of({.site_id = site.id, .sectionless = true}, page);
}

Result<ArticlePage> ReaderService::site_page(const domain::Site& site, const ListingRequest& page) {
    return page_of({.site_id = site.id}, page);
}

Result<std::optional<domain::Tag>> ReaderService::tag(const domain::Site& site,
                                                      const std::string& slug) {
    auto lease = database_.acquire();
    return storage::SiteStore(*lease).tag_by_slug(site.id, slug);
}

Result<std::vector<domain::Tag>> ReaderService::listed_tags(const domain::Site& site) {
    auto lease = database_.acquire();
    return storage::SiteStore(*lease).listed_tags(site.id, clock_.now());
}

Result<std::optional<domain::Author>> ReaderService::author(const domain::Site& site,
                                                            const std::string& slug) {
    auto lease = database_.acquire();
    return storage::SiteStore(*lease).author_by_slug(site.id, slug);
}

Result<std::vector<domain::Author>> ReaderService::listed_authors(const domain::Site& site) {
    auto lease = database_.acquire();
    auto active = storage::SiteStore(*lease).author_activity(site.id, clock_.now());
    if (!active) return active.error();
    std::vector<domain::Author> authors;
    authors.reserve(active->size());
    for (auto& a : *active) authors.push_back(std::move(a.author));
    return authors;
}

Result<std::optional<domain::Article>> ReaderService::article(const domain::Site& site,
                                                              const std::string& slug) {
    auto lease = database_.acquire();
    return storage::ArticleStore(*lease).visible_by_slug(site.id, slug, clock_.now());
}

Result<std::vector<domain::Article>> ReaderService::feed_stories(const domain::Site& site,
                                                                 const FeedSource& source) {
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    return storage::ArticleStore(*lease).list_visible({.site_id = site.id,
                                                       .section_id = source.section,
                                                       .tag_id = source.tag,
                                                       .author_id = source.author,
                                                       .sectionless = source.sectionless},
                                                      clock_.now(), feed_size, {},
                                                      storage::ArticleStore::Details::Attached,
                                                      storage::ArticleStore::Columns::Whole);
}

Result<ListingActivity> ReaderService::listing_activity(const NetworkDirectory& directory,
                                                        const domain::Site& site) {
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    storage::ArticleStore articles(*lease);
    const UnixTime now = clock_.now();
    ListingActivity activity;
    // The newest story of the site and of each section: one step down an index each.
    auto newest = [&](const storage::ArticleFilter& filter) -> Result<UnixTime> {
        auto found = articles.list_visible(filter, now, 1, {}, bare);
        if (!found) return found.error();
        return found->empty() ? UnixTime{0} : found->front().first_published_at;
    };
    auto home = newest({.site_id = site.id});
    if (!home) return home.error();
    activity.home = *home;
    for (const auto& section : directory.sections_of(site)) {
        auto latest = newest({.site_id = site.id, .section_id = section.id});
        if (!latest) return latest.error();
        if (*latest != 0) activity.sections.emplace_back(section, *latest);
    }
    auto sectionless = newest({.site_id = site.id, .sectionless = true});
    if (!sectionless) return sectionless.error();
    activity.sectionless = *sectionless;
    auto tags = storage::SiteStore(*lease).tag_activity(site.id, now);
    if (!tags) return tags.error();
    for (auto& t : *tags) activity.tags.emplace_back(std::move(t.tag), t.latest);
    auto authors = storage::SiteStore(*lease).author_activity(site.id, now);
    if (!authors) return authors.error();
    for (auto& a : *authors) activity.authors.emplace_back(std::move(a.author), a.latest);
    return activity;
}

Result<std::vector<StorySpan>> ReaderService::story_spans(const domain::Site& site) {
    auto lease = database_.acquire();
    auto spans =
        storage::ArticleStore(*lease).visible_id_spans(site.id, clock_.now(), sitemap_span);
    if (!spans) return spans.error();
    std::vector<StorySpan> out;
    out.reserve(spans->size());
    for (const auto& s : *spans) out.push_back({s.number, s.last_changed});
    return out;
}

Result<std::vector<domain::Article>> ReaderService::span_stories(const domain::Site& site,
                                                                 std::int64_t span) {
    auto lease = database_.acquire();
    return storage::ArticleStore(*lease).visible_in_id_span(
        site.id, clock_.now(), span * sitemap_span, (span + 1) * sitemap_span);
}

Result<std::vector<Card>> ReaderService::latest_stories(const domain::Site& site, int limit) {
    const auto generation = cards_.generation();
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    return listed_cards(*lease, {.site_id = site.id}, clock_.now(), limit, {}, generation);
}

Result<std::vector<domain::Article>> ReaderService::news_stories(const domain::Site& site,
                                                                 int limit) {
    auto lease = database_.acquire();
    const UnixTime now = clock_.now();
    return storage::ArticleStore(*lease).list_visible(
        {.site_id = site.id, .published_since = now - news_window}, now, limit, {}, bare);
}

Result<std::optional<StoryPage>> ReaderService::story(const domain::Site& site,
                                                      const std::string& slug, int comments_page) {
    const auto generation = cards_.generation();
    const auto story_generation = stories_.generation();
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    storage::ArticleStore store(*lease);
    const UnixTime now = clock_.now();
    // A kept story still shows only while its row says it may: a change the node never hears
    // of (a lost notification) cannot keep a withdrawn or edited story on its page.
    KeptStory story = stories_.find(site.id, slug);
    if (story) {
        auto current = store.unchanged(*story, now);
        if (!current) return current.error();
        if (!*current) story = nullptr;
    }
    if (!story) {
        auto found =
            store.visible_by_slug(site.id, slug, now, storage::ArticleStore::Columns::Page);
        if (!found) return found.error();
        if (!*found) return std::optional<StoryPage>{};
        if (auto notes = store.attach_notes(**found); !notes) return notes.error();
        story = std::make_shared<const domain::Article>(std::move(**found));
        stories_.keep(story, story_generation);
    }
    auto group = store.translations(*story);
    if (!group) return group.error();
    std::vector<domain::Article> translations;
    std::vector<domain::Id> group_ids;
    for (auto& other : *group) {
        group_ids.push_back(other.id);
        if (other.visible_at(now)) translations.push_back(std::move(other));
    }
    auto related_ids = store.related_ids(*story, now, related_count);
    if (!related_ids) return related_ids.error();
    auto related = cards_of(*lease, *related_ids, generation);
    if (!related) return related.error();
    auto comments = CommentService::for_article(*lease, site, *story, comments_page, now);
    return std::optional<StoryPage>{StoryPage{std::move(story), std::move(translations),
                                              std::move(group_ids), std::move(*related),
                                              std::move(comments)}};
}

Result<SearchPage> ReaderService::search(const domain::Site& site, const search::Query& query,
                                         int number) {
    SearchPage page;
    page.number = std::clamp(number, 1, max_search_page);
    if (query.empty()) return page;
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    // One more than a page says whether another follows.
    auto found = storage::SearchStore(*lease).find(
        site.id, clock_.now(), {query.required, query.excluded}, search_page_size + 1,
        (page.number - 1) * search_page_size);
    if (!found) return found.error();
    page.more = found->size() > std::size_t(search_page_size);
    if (page.more) found->pop_back();
    auto stories = storage::ArticleStore(*lease).by_ids(*found);
    if (!stories) return stories.error();
    for (const auto id : *found)
        for (auto& a : *stories)
            if (a.id == id) page.articles.push_back(std::move(a));
    return page;
}

}  // namespace dateline::app
