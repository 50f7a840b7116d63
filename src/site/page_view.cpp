#include "site/page_view.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "domain/paths.hpp"
#include "site/syndication.hpp"

namespace dateline::site {

using render::Dictionary;

namespace {

// The widths the default theme's CSS gives each slot (assets/css/site.css), which `sizes` tells
// the browser before it lays the page out, measured in Chromium from phones to wide screens.
// Pages are at most 72rem wide between gutters of 1rem, 1.5rem from 40em and 2rem from 64em. A
// story's figure spans its 42rem measure, and 3rem more on each side from 64em; the home page's
// lead bleeds to a phone's edges, then takes two thirds of the top beside the other stories from
// 64em. A grid's tiles are rows with a 7.5rem thumbnail on phones, then two and four columns
// 1.5rem apart; a listing's rows have a 7.5rem, then 12rem thumbnail; a compact list's, 6rem.
// Arabic pages set their root font 12.5% larger, while `sizes` reads a rem as 16 pixels in every
// language: a slot sized in rems is given between its two widths, within 7% of each (the
// browser then picks among copies twice as wide as each other).
const char* sizes_of(ImageSlot slot) {
    switch (slot) {
        case ImageSlot::StoryFigure:
            return "(min-width: 64em) 51rem, (min-width: 47rem) 44.5rem, (min-width: 40em) "
                   "calc(100vw - 3.25rem), calc(100vw - 2rem)";
        case ImageSlot::Lead:
            return "(min-width: 76rem) 46.67rem, (min-width: 64em) calc(66.67vw - 4rem), "
                   "(min-width: 40em) calc(100vw - 3rem), 100vw";
        case ImageSlot::Grid:
            return "(min-width: 76rem) 18rem, (min-width: 64em) calc(25vw - 2.125rem), "
                   "(min-width: 40em) calc(50vw - 2.25rem), 8rem";
        case ImageSlot::List:
            return "(min-width: 40em) 12.75rem, 8rem";
        case ImageSlot::Compact:
            return "6.375rem";
    }
    return "100vw";
}

// `srcset` for a stored image: its smaller copies, then the image itself, or their WebP copies
// ("/media/<name>-w240.jpg 240w, ..., /media/<name>.jpg 1200w"). Written in place: a home page
// has a dozen pictures, two sets each.
std::string srcset(const domain::Media& m, bool webp) {
    std::string out;
    out.reserve(4 * (m.file_name.size() + 24));
    const auto entry = [&](int variant_width, int width) {
        out += "/media/";
        domain::append_media_name(out, m.file_name, variant_width, webp);
        out += ' ';
        out += std::to_string(width);
        out += "w, ";
    };
    if (m.file_name.find('.') != std::string::npos)
        for (const int w : domain::media_variant_widths)
            if (domain::has_media_variant(w, m.width, m.copies)) entry(w, w);
    entry(0, m.width);
    out.resize(out.size() - 2);  // the last ", "
    return out;
}

const char* direction_of(const domain::Site& site) {
    return site.direction == domain::TextDirection::Rtl ? "rtl" : "ltr";
}

// A page of `to` as `from`'s pages link it: on the same origin by its path, so that the link
// works from any copy of the network (a static export, a staging host) and not only from the
// public address.
std::string link_between(const domain::Site& from, const domain::Site& to, std::string_view url) {
    const std::string origin = to.origin();
    if (from.origin() == origin && url.substr(0, origin.size()) == origin)
        return std::string(url.substr(origin.size()));
    return std::string(url);
}

void add_sister_sites(PageView& page, Dictionary* part, const app::NetworkDirectory& directory) {
    Dictionary* list = nullptr;
    const domain::Site& site = page.site;
    for (const auto& sister : directory.sites) {
        if (sister.id == site.id) continue;
        if (!list) list = part->add_section("SISTER_SITES");
        auto* item = list->add_section("SISTER");
        page.sister_links.emplace_back(sister.id, item);
        item->set_value("SISTER_URL",
                        link_between(site, sister, sister.origin() + sister.path_prefix()));
        item->set_value("SISTER_NAME", sister.name);
        item->set_value("SISTER_LANG", sister.language);
        item->set_value("SISTER_DIR", direction_of(sister));
    }
}

}  // namespace

void set_global(PageView& page, render::Name name, std::string_view value) {
    page.dict.set_template_global_value(name, value);
}

void setup_page(PageView& page, const SiteSnapshot& snapshot, const Theme& theme, NavEntry current,
                UnixTime now) {
    const domain::Site& site = page.site;
    const auto& directory = snapshot.directory;
    const auto& catalog = theme.catalog;
    auto& d = page.dict;
    // The theme outlives every page: its strings are shared, not copied into each page.
    d.share(catalog.template_values(site.language));
    set_global(page, "LANG", site.language);
    set_global(page, "DIR", direction_of(site));
    set_global(page, "NUMBERING", site.arabic_indic_digits ? "arab" : "latn");
    set_global(page, "SITE_NAME", site.name);
    set_global(page, "SITE_TAGLINE", site.tagline);
    set_global(page, "HOME_PATH", site.path_prefix());
    set_global(page, "ASSETS_PATH", "/assets/");
    set_global(page, "SEARCH_PATH", domain::search_path(site.path_prefix()));
    set_global(page, "OPENSEARCH_PATH", site.path_prefix() + std::string(domain::opensearch_file));
    set_global(page, "MANIFEST_PATH", site.path_prefix() + std::string(domain::web_manifest_file));
    set_global(page, "NETWORK_NAME", directory.network.name);
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{now}})};
    set_global(page, "YEAR",
               render::format_integer(static_cast<int>(today.year()), site.arabic_indic_digits));

    auto* head = d.add_include("HEAD", "partials/head.tpl");
    page.head = head;
    auto* header = d.add_include("HEADER", "partials/header.tpl");
    auto* footer = d.add_include("FOOTER", "partials/footer.tpl");

    add_feed_links(page, site.path_prefix(), "");
    for (const auto format : feed_formats) {
        auto* link = footer->add_section("FEED_LINK");
        link->set_value("FEED_LINK_URL", site.path_prefix() + std::string(feed_file(format)));
        link->set_value("FEED_LINK_TYPE", feed_media_type(format));
        link->set_value("FEED_LINK_NAME", feed_format_name(format));
    }
    if (!site.tagline.empty()) header->show_section("TAGLINE");
    if (current.is_home) header->show_section("HOME_CURRENT");
    for (const auto& section : directory.sections_of(site)) {
        auto* nav = header->add_section("NAV");
        nav->set_value("NAV_URL", domain::section_path(site.path_prefix(), section.slug));
        nav->set_value("NAV_NAME", section.name);
        if (!current.section_slug.empty() && section.slug == current.section_slug)
            nav->show_section("NAV_CURRENT");
    }
    for (auto* part : {header, footer}) add_sister_sites(page, part, directory);
    if (!site.social_links.empty()) {
        auto* social = footer->add_section("SOCIAL_LINKS");
        for (const auto& link : site.social_links) {
            auto* item = social->add_section("SOCIAL");
            item->set_value("SOCIAL_URL", link.url);
            const std::string label = catalog.text(site.language, "social_" + link.network);
            item->set_value("SOCIAL_NAME", label.rfind("social_", 0) == 0 ? link.network : label);
        }
    }
    if (!site.footer_credit.empty())
        footer->set_value_and_show_section("FOOTER_CREDIT_TEXT", site.footer_credit,
                                           "FOOTER_CREDIT");
    if (!site.publisher_address.empty())
        footer->set_value_and_show_section("PUBLISHER_ADDRESS", site.publisher_address, "ADDRESS");
}

void add_feed_links(PageView& page, const std::string& path, const std::string& title) {
    const std::string name = title.empty() ? page.site.name : title + " | " + page.site.name;
    for (const auto format : feed_formats) {
        auto* link = page.head->add_section("FEED");
        link->set_value("FEED_TYPE", feed_media_type(format));
        link->set_value("FEED_TITLE", name + " (" + std::string(feed_format_name(format)) + ")");
        link->set_value("FEED_URL", path + std::string(feed_file(format)));
    }
}

void add_structured_data(PageView& page, const std::string& json_ld) {
    page.head->add_section("STRUCTURED_DATA")->set_value("STRUCTURED_DATA_JSON", json_ld);
}

Publisher publisher_of(const domain::Site& site, const Theme& theme) {
    Publisher publisher{site.name, site.origin() + site.path_prefix(), "", 0, 0};
    if (theme.logo) {
        publisher.logo_url = site.origin() + "/assets/" + theme.logo->path;
        publisher.logo_width = theme.logo->width;
        publisher.logo_height = theme.logo->height;
    }
    return publisher;
}

void add_language_versions(PageView& page, const app::NetworkDirectory& directory,
                           const std::vector<LanguageVersion>& versions) {
    if (versions.size() < 2) return;
    const LanguageVersion* fallback = &versions.front();
    for (const auto& v : versions)
        if (v.site->slug == directory.network.default_site_slug) fallback = &v;
    auto link = [&](const std::string& language, const std::string& url) {
        auto* alternate = page.head->add_section("ALTERNATE");
        alternate->set_value("ALTERNATE_LANG", language);
        alternate->set_value("ALTERNATE_URL", url);
    };
    for (const auto& v : versions) link(v.site->language, v.url);
    link("x-default", fallback->url);
    for (const auto& [sister, item] : page.sister_links)
        for (const auto& v : versions)
            if (v.site->id == sister)
                item->set_value("SISTER_URL", link_between(page.site, *v.site, v.url));
}

void set_title(PageView& page, const std::string& title, const std::string& description,
               const std::string& canonical) {
    set_global(page, "PAGE_TITLE", title.empty() ? page.site.name : title + " | " + page.site.name);
    if (!description.empty()) {
        set_global(page, "PAGE_DESCRIPTION", description);
        page.dict.show_template_global_section("DESCRIPTION");
    }
    if (!canonical.empty()) {
        set_global(page, "CANONICAL_URL", canonical);
        page.dict.show_template_global_section("CANONICAL");
    }
}

void set_image(Dictionary* d, const domain::Media& m, ImageSlot slot) {
    d->set_value("IMAGE_URL", "/media/" + m.file_name);
    d->set_value("IMAGE_SRCSET", srcset(m, false));
    if (m.has_webp()) d->set_value_and_show_section("IMAGE_WEBP_SRCSET", srcset(m, true), "WEBP");
    d->set_value("IMAGE_SIZES", sizes_of(slot));
    d->set_int_value("IMAGE_WIDTH", m.width);
    d->set_int_value("IMAGE_HEIGHT", m.height);
}

namespace {

// Fills a card's include with `a`'s values, shown as `options` say.
void fill_card(Dictionary* card, const domain::Site& site, const domain::Article& a,
               const render::DateFormatter& dates, const CardOptions& options, bool eager) {
    card->set_value("URL", story_path(site, a));
    card->set_value("HEADLINE", a.headline);
    card->show_section(options.heading2 ? render::Name("H2") : render::Name("H3"));
    if (options.lead) card->show_section("LEAD");
    const auto when = dates.moment(a.first_published_at);
    card->set_value("DATE_ISO", when->iso);
    card->set_value("DATE_SHORT", when->short_date);
    card->set_value("CLOCK", when->clock);
    if (options.show_section && a.section) {
        auto* s = card->add_section("SECTION");
        s->set_value("SECTION_URL", domain::section_path(site.path_prefix(), a.section->slug));
        s->set_value("SECTION_NAME", a.section->name);
    }
    if (options.show_standfirst && !a.standfirst.empty())
        card->set_value_and_show_section("STANDFIRST_TEXT", a.standfirst, "STANDFIRST");
    if (a.lead_image) {
        auto* img = card->add_section("IMAGE");
        set_image(img, *a.lead_image, options.lead ? ImageSlot::Lead : options.slot);
        img->set_value("IMAGE_LOADING", eager ? "eager" : "lazy");
        // The lead story's picture is the largest paint of a home page's first screen.
        if (options.lead) img->show_section("URGENT");
    }
}

// How a page shows a card, in KeptCards::Variant's bits.
std::uint32_t shape_of(const CardOptions& options, bool eager) {
    return (options.heading2 ? 1U : 0U) | (options.show_section ? 2U : 0U) |
           (options.show_standfirst ? 4U : 0U) | (options.lead ? 8U : 0U) | (eager ? 16U : 0U) |
           (static_cast<std::uint32_t>(options.slot) << 5);
}

}  // namespace

void add_card(Dictionary* parent, const CardWriter& writer, const app::Card& card,
              const CardOptions& options, int& images_shown) {
    const bool eager = card->lead_image && images_shown < eager_card_images;
    if (card->lead_image) ++images_shown;
    Dictionary* include = parent->add_include("CARD", card_template);
    KeptCards* kept = writer.theme.cards.get();
    const KeptCards::Variant variant{writer.snapshot, writer.site.id, shape_of(options, eager)};
    if (kept &&
        kept->use(card, variant, [&](const std::string& html) { include->set_expansion(html); }))
        return;
    fill_card(include, writer.site, *card, writer.dates, options, eager);
    if (!kept) return;
    std::string html;
    if (!writer.theme.templates->expand(card_template, *include, html)) return;
    kept->keep(card, variant, html);
    include->set_expansion(html);  // written once: the page takes it as it is
}

void add_most_read(Dictionary& d, const domain::Site& site, const std::string& title,
                   const std::vector<app::Card>& stories) {
    if (stories.empty()) return;
    Dictionary* block = d.add_include("MOST_READ", "partials/most-read.tpl");
    block->set_value("MOST_READ_TITLE", title);
    for (const auto& a : stories) {
        auto* item = block->add_section("STORY");
        item->set_value("URL", story_path(site, *a));
        item->set_value("HEADLINE", a->headline);
    }
}

std::string listing_url(const std::string& path, const app::ListingRequest& at) {
    using From = app::ListingRequest::From;
    if (at.from == From::Newest) return path;
    return path + (at.from == From::OlderThan ? "older/" : "newer/") + std::to_string(at.story) +
           "/";
}

void add_pagination(PageView& page, const std::string& path, const app::ArticlePage& listing,
                    const std::string& status) {
    using From = app::ListingRequest::From;
    if (!listing.newer && !listing.older) return;
    auto& d = page.dict;
    auto* nav = d.add_include("PAGINATION", "partials/pagination.tpl");
    if (!status.empty()) nav->set_value_and_show_section("PAGE_STATUS", status, "STATUS");
    d.show_template_global_section("PAGINATION_LINKS");
    if (listing.newer) {
        const auto url = listing_url(path, {From::NewerThan, *listing.newer});
        nav->set_value_and_show_section("PREV_URL", url, "PREV");
        d.set_template_global_value("PREV_URL", url);
        d.show_template_global_section("PREV");
    }
    if (listing.older) {
        const auto url = listing_url(path, {From::OlderThan, *listing.older});
        nav->set_value_and_show_section("NEXT_URL", url, "NEXT");
        d.set_template_global_value("NEXT_URL", url);
        d.show_template_global_section("NEXT");
    }
}

std::string page_status(const render::Catalog& catalog, const domain::Site& site, int page,
                        int page_count) {
    return catalog.format(
        site.language, "page_status",
        {{"page", render::format_integer(page, site.arabic_indic_digits)},
         {"count", render::format_integer(page_count, site.arabic_indic_digits)}});
}

std::string moment_text(const render::Catalog& catalog, const domain::Site& site,
                        const render::FormattedTime& when, bool hijri) {
    const bool with_hijri = hijri && !when.hijri.empty();
    return catalog.format(site.language, with_hijri ? "moment_with_hijri" : "moment",
                          {{"date", when.date},
                           {"time", when.clock},
                           {"zone", when.zone},
                           {"hijri", with_hijri ? when.hijri : std::string()}});
}

std::string story_path(const domain::Site& site, const domain::Article& a) {
    return domain::article_path(site.path_prefix(), a.section ? a.section->slug : "", a.slug);
}

std::string asked_story_path(const domain::Site& site, const domain::Section* section,
                             std::string_view slug) {
    return domain::article_path(site.path_prefix(), section ? section->slug : "",
                                std::string(slug));
}

http::Response render_page(const Theme& theme, const PageView& page,
                           const std::string& template_name, int status) {
    std::string out;
    if (!theme.templates->expand(template_name, page.dict, out)) {
        spdlog::error("template {} could not be expanded", template_name);
        return http::Response::text(500, "Internal server error\n");
    }
    http::Response r = http::Response::html(status, std::move(out));
    r.set_header("Content-Language", page.site.language);
    return r;
}

}  // namespace dateline::site
