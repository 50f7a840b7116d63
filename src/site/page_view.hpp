#pragma once

// Building the views of reader pages: what every page shares (language, masthead, navigation,
// footer, title), story cards, pagination and images. Internal to the site module.

#include "render/dictionary.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/reader_service.hpp"
#include "core/clock.hpp"
#include "domain/article.hpp"
#include "http/message.hpp"
#include "render/date_formatter.hpp"
#include "site/site_snapshot.hpp"
#include "site/structured_data.hpp"
#include "site/theme.hpp"

namespace dateline::site {

/// One page being built: the site it belongs to and its template dictionary.
struct PageView {
    const domain::Site& site;
    render::Dictionary dict;
    render::Dictionary* head = nullptr;  ///< the page's <head>, set by setup_page
    /// The links to each sister site (header and footer), which add_language_versions points at
    /// the page's version there.
    std::vector<std::pair<domain::Id, render::Dictionary*>> sister_links;

    explicit PageView(const domain::Site& s) : site(s) {}
};

/// The navigation's entry a page belongs to, marked as the reader's place (`aria-current`): the
/// home page's, a section's (its own page and its stories), or none (a tag, an author, the
/// search, an error, a story without a section).
struct NavEntry {
    static NavEntry home() { return {true, {}}; }
    static NavEntry section(std::string_view slug) { return {false, slug}; }
    static NavEntry none() { return {}; }
    bool is_home = false;
    std::string_view section_slug;  ///< empty: no section
};

/// Fills what every page shares: language, direction, the theme's strings, masthead,
/// navigation (marking `current`), sister sites and footer.
void setup_page(PageView& page, const SiteSnapshot& snapshot, const Theme& theme, NavEntry current,
                UnixTime now);

/// Links the feeds of a listing at `path` ("/en/world/") in the page's head, titled by the
/// listing (`title`; empty for the site's own). setup_page links the site's.
void add_feed_links(PageView& page, const std::string& path, const std::string& title);

/// Adds a block of structured data (structured_data.hpp) to the page's head.
void add_structured_data(PageView& page, const std::string& json_ld);

/// The site as the publisher of its stories, with the theme's logo when it has one.
Publisher publisher_of(const domain::Site& site, const Theme& theme);

/// One language version of a page, for `hreflang`: its site and absolute URL.
struct LanguageVersion {
    const domain::Site* site;
    std::string url;
};
/// Names the page's language versions in its head (the page's own among them), and the one for
/// readers of any other language (`x-default`): the version on the network's default site, else
/// the first. Every version names the same set, so the links are reciprocal. Nothing for a
/// page with no other version. The links to sister sites lead to the versions there.
void add_language_versions(PageView& page, const app::NetworkDirectory& directory,
                           const std::vector<LanguageVersion>& versions);

/// The page's title (with the site's name), description and canonical URL (absolute).
void set_title(PageView& page, const std::string& title, const std::string& description,
               const std::string& canonical);

/// Sets a value every template of the page sees.
void set_global(PageView& page, render::Name name, std::string_view value);

/// Where a picture stands, which sets the width it is shown at (the `sizes` of its `srcset`,
/// kept in step with the theme's CSS): a story's own figure, the home page's lead, or a card in
/// a grid of tiles (the home page's latest and section blocks), in a listing's rows, or in a
/// compact list of small thumbnails (beside the lead, related news, a missing page's latest).
enum class ImageSlot { StoryFigure, Lead, Grid, List, Compact };

/// How a story card shows.
struct CardOptions {
    bool heading2 = false;             ///< an h2, not an h3
    bool show_section = false;         ///< the section's name as a kicker
    bool show_standfirst = false;      ///< the standfirst under the headline
    bool lead = false;                 ///< the lead story (its picture in ImageSlot::Lead)
    ImageSlot slot = ImageSlot::Grid;  ///< where its picture stands, when not the lead
};

/// How many cards' images a page loads at once (those above the fold); the rest load lazily.
/// Cards below the fold start their count here.
inline constexpr int eager_card_images = 3;

/// What a page writes its story cards with: its site and dates, the theme (which keeps the
/// cards it wrote), and the snapshot they come from.
struct CardWriter {
    /// The writer of `site`'s cards on a page made from `snapshot` with `theme`.
    static CardWriter of(const SiteSnapshot& snapshot, const domain::Site& site,
                         const Theme& theme) {
        return {site, snapshot.formatters.at(site.id), theme, snapshot.generation};
    }

    const domain::Site& site;
    const render::DateFormatter& dates;
    const Theme& theme;
    std::uint64_t snapshot;  ///< SiteSnapshot::generation
};

/// Adds a story card to `parent`'s CARD include: the HTML the theme kept for this card shown so
/// (Theme::cards), else the card written now, and kept. `images_shown` counts the images of the
/// page so far: the first few load at once, the rest lazily.
void add_card(render::Dictionary* parent, const CardWriter& writer, const app::Card& card,
              const CardOptions& options, int& images_shown);

/// A ranking of most read stories (app::MostRead) under `title` in `d`'s MOST_READ include,
/// each as a numbered headline; nothing when `stories` is empty.
void add_most_read(render::Dictionary& d, const domain::Site& site, const std::string& title,
                   const std::vector<app::Card>& stories);

/// A stored image's URL, `srcset`, dimensions and `sizes` (its slot's) in `d`.
void set_image(render::Dictionary* d, const domain::Media& image, ImageSlot slot);

/// A listing's URL starting where `at` says ("/en/world/", "/en/world/older/123/"): a path, so
/// that a static copy of the site and a CDN that ignores queries keep every page apart.
std::string listing_url(const std::string& path, const app::ListingRequest& at);

/// The pagination of a listing (newer and older stories, and `status` between them when not
/// empty), with `rel=prev/next` links in the head. Nothing when the listing has one page.
void add_pagination(PageView& page, const std::string& path, const app::ArticlePage& listing,
                    const std::string& status);

/// "Page 2 of 5" in the site's language and digits.
std::string page_status(const render::Catalog& catalog, const domain::Site& site, int page,
                        int page_count);

/// A moment in full as the site's language writes it (the catalog's `moment`): date, time of day
/// and zone; with `hijri`, and when the site shows it, the Hijri date too (`moment_with_hijri`).
std::string moment_text(const render::Catalog& catalog, const domain::Site& site,
                        const render::FormattedTime& when, bool hijri = false);

/// Where a story is read on its site.
std::string story_path(const domain::Site& site, const domain::Article& article);
/// The story path a request named: its section may be stale, and none is "news".
std::string asked_story_path(const domain::Site& site, const domain::Section* section,
                             std::string_view slug);

/// Expands a page's template into a response in the site's language; 500 when it cannot.
http::Response render_page(const Theme& theme, const PageView& page,
                           const std::string& template_name, int status);

}  // namespace dateline::site
