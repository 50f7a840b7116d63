#include "site/page_view.hpp"
#include "site/template_names.hpp"

#include <spdlog/spdlog.h>

#include "domain/paths.hpp"
#include "site/syndication.hpp"

namespace dateline::site {

using ctemplate::TemplateDictionary;

namespace {

constexpr int eager_images = 3;  // images above the fold load at once, the rest lazily
constexpr const char* card_sizes = "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 40vw";
constexpr const char* wide_sizes = "(min-width: 64em) 48rem, 100vw";

// `srcset` for a stored image: its smaller copies, then the image itself; or their WebP copies.
std::string srcset(const domain::Media& m, bool webp) {
    const auto name = [&](const std::string& file) {
        return webp ? domain::webp_name(file) : file;
    };
    std::string out;
    for (const auto& v : domain::media_variants(m.file_name, m.width))
        out += "/media/" + name(v.file_name) + " " + std::to_string(v.width) + "w, ";
    return out + "/media/" + name(m.file_name) + " " + std::to_string(m.width) + "w";
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

void add_sister_sites(PageView& page, TemplateDictionary* part,
                      const app::NetworkDirectory& directory) {
    TemplateDictionary* list = nullptr;
    const domain::Site& site = page.site;
    for (const auto& sister : directory.sites) {
        if (sister.id == site.id) continue;
        if (!list) list = part->AddSectionDictionary(template_name("SISTER_SITES"));
        auto* item = list->AddSectionDictionary(template_name("SISTER"));
        page.sister_links.emplace_back(sister.id, item);
        item->SetValue(template_name("SISTER_URL"),
                       link_between(site, sister, sister.origin() + sister.path_prefix()));
        item->SetValue(template_name("SISTER_NAME"), sister.name);
        item->SetValue(template_name("SISTER_LANG"), sister.language);
        item->SetValue(template_name("SISTER_DIR"), direction_of(sister));
    }
}

}  // namespace

void set_global(PageView& page, const char* name, const std::string& value) {
    page.dict.SetTemplateGlobalValue(template_name(name), value);
}

void setup_page(PageView& page, const SiteSnapshot& snapshot, const Theme& theme, NavEntry current,
                UnixTime now) {
    const domain::Site& site = page.site;
    const auto& directory = snapshot.directory;
    const auto& catalog = theme.catalog;
    auto& d = page.dict;
    // The theme outlives every page: its strings are referenced, not copied into each page.
    for (const auto& [name, text] : theme.strings_for(site.language))
        d.SetTemplateGlobalValueWithoutCopy(name, text);
    set_global(page, "LANG", site.language);
    set_global(page, "DIR", direction_of(site));
    set_global(page, "SITE_NAME", site.name);
    set_global(page, "SITE_TAGLINE", site.tagline);
    set_global(page, "HOME_PATH", site.path_prefix());
    set_global(page, "ASSETS_PATH", "/assets/");
    set_global(page, "SEARCH_PATH", domain::search_path(site.path_prefix()));
    set_global(page, "OPENSEARCH_PATH", site.path_prefix() + std::string(domain::opensearch_file));
    set_global(page, "MANIFEST_PATH", site.path_prefix() + std::string(domain::web_manifest_file));
    set_global(page, "NETWORK_NAME", directory.network.name);
    set_global(page, "YEAR",
               render::format_integer(std::stoi(format_utc_iso8601(now).substr(0, 4)),
                                      site.arabic_indic_digits));

    auto* head = d.AddIncludeDictionary(template_name("HEAD"));
    head->SetFilename("partials/head.tpl");
    page.head = head;
    auto* header = d.AddIncludeDictionary(template_name("HEADER"));
    header->SetFilename("partials/header.tpl");
    auto* footer = d.AddIncludeDictionary(template_name("FOOTER"));
    footer->SetFilename("partials/footer.tpl");

    add_feed_links(page, site.path_prefix(), "");
    for (const auto format : feed_formats) {
        auto* link = footer->AddSectionDictionary(template_name("FEED_LINK"));
        link->SetValue(template_name("FEED_LINK_URL"),
                       site.path_prefix() + std::string(feed_file(format)));
        link->SetValue(template_name("FEED_LINK_TYPE"), std::string(feed_media_type(format)));
        link->SetValue(template_name("FEED_LINK_NAME"), std::string(feed_format_name(format)));
    }
    if (!site.tagline.empty()) header->ShowSection(template_name("TAGLINE"));
    if (current.is_home) header->ShowSection(template_name("HOME_CURRENT"));
    for (const auto& section : directory.sections_of(site)) {
        auto* nav = header->AddSectionDictionary(template_name("NAV"));
        nav->SetValue(template_name("NAV_URL"),
                      domain::section_path(site.path_prefix(), section.slug));
        nav->SetValue(template_name("NAV_NAME"), section.name);
        if (!current.section_slug.empty() && section.slug == current.section_slug)
            nav->ShowSection(template_name("NAV_CURRENT"));
    }
    for (auto* part : {header, footer}) add_sister_sites(page, part, directory);
    if (!site.social_links.empty()) {
        auto* social = footer->AddSectionDictionary(template_name("SOCIAL_LINKS"));
        for (const auto& link : site.social_links) {
            auto* item = social->AddSectionDictionary(template_name("SOCIAL"));
            item->SetValue(template_name("SOCIAL_URL"), link.url);
            const std::string label = catalog.text(site.language, "social_" + link.network);
            item->SetValue(template_name("SOCIAL_NAME"),
                           label.rfind("social_", 0) == 0 ? link.network : label);
        }
    }
    if (!site.footer_credit.empty())
        footer->SetValueAndShowSection(template_name("FOOTER_CREDIT_TEXT"), site.footer_credit,
                                       template_name("FOOTER_CREDIT"));
    if (!site.publisher_address.empty())
        footer->SetValueAndShowSection(template_name("PUBLISHER_ADDRESS"), site.publisher_address,
                                       template_name("ADDRESS"));
}

void add_feed_links(PageView& page, const std::string& path, const std::string& title) {
    const std::string name = title.empty() ? page.site.name : title + " | " + page.site.name;
    for (const auto format : feed_formats) {
        auto* link = page.head->AddSectionDictionary(template_name("FEED"));
        link->SetValue(template_name("FEED_TYPE"), std::string(feed_media_type(format)));
        link->SetValue(template_name("FEED_TITLE"),
                       name + " (" + std::string(feed_format_name(format)) + ")");
        link->SetValue(template_name("FEED_URL"), path + std::string(feed_file(format)));
    }
}

void add_structured_data(PageView& page, const std::string& json_ld) {
    page.head->AddSectionDictionary(template_name("STRUCTURED_DATA"))
        ->SetValue(template_name("STRUCTURED_DATA_JSON"), json_ld);
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
        auto* alternate = page.head->AddSectionDictionary(template_name("ALTERNATE"));
        alternate->SetValue(template_name("ALTERNATE_LANG"), language);
        alternate->SetValue(template_name("ALTERNATE_URL"), url);
    };
    for (const auto& v : versions) link(v.site->language, v.url);
    link("x-default", fallback->url);
    for (const auto& [sister, item] : page.sister_links)
        for (const auto& v : versions)
            if (v.site->id == sister)
                item->SetValue(template_name("SISTER_URL"),
                               link_between(page.site, *v.site, v.url));
}

void set_title(PageView& page, const std::string& title, const std::string& description,
               const std::string& canonical) {
    set_global(page, "PAGE_TITLE", title.empty() ? page.site.name : title + " | " + page.site.name);
    if (!description.empty()) {
        set_global(page, "PAGE_DESCRIPTION", description);
        page.dict.ShowTemplateGlobalSection(template_name("DESCRIPTION"));
    }
    if (!canonical.empty()) {
        set_global(page, "CANONICAL_URL", canonical);
        page.dict.ShowTemplateGlobalSection(template_name("CANONICAL"));
    }
}

void set_image(TemplateDictionary* d, const domain::Media& m, bool wide) {
    d->SetValue(template_name("IMAGE_URL"), "/media/" + m.file_name);
    d->SetValue(template_name("IMAGE_SRCSET"), srcset(m, false));
    if (m.has_webp())
        d->SetValueAndShowSection(template_name("IMAGE_WEBP_SRCSET"), srcset(m, true),
                                  template_name("WEBP"));
    d->SetValue(template_name("IMAGE_SIZES"), wide ? wide_sizes : card_sizes);
    d->SetIntValue(template_name("IMAGE_WIDTH"), m.width);
    d->SetIntValue(template_name("IMAGE_HEIGHT"), m.height);
}

void add_card(TemplateDictionary* parent, const domain::Site& site, const domain::Article& a,
              const render::DateFormatter& dates, const CardOptions& options, int& images_shown) {
    TemplateDictionary* card = parent->AddIncludeDictionary(template_name("CARD"));
    card->SetFilename("partials/card.tpl");
    card->SetValue(template_name("URL"), story_path(site, a));
    card->SetValue(template_name("HEADLINE"), a.headline);
    card->ShowSection(template_name(options.heading2 ? "H2" : "H3"));
    if (options.lead) card->ShowSection(template_name("LEAD"));
    const auto when = dates.format(a.first_published_at);
    card->SetValue(template_name("DATE_ISO"), when.iso);
    card->SetValue(template_name("DATE_SHORT"), when.short_date);
    if (options.show_section && a.section) {
        auto* s = card->AddSectionDictionary(template_name("SECTION"));
        s->SetValue(template_name("SECTION_URL"),
                    domain::section_path(site.path_prefix(), a.section->slug));
        s->SetValue(template_name("SECTION_NAME"), a.section->name);
    }
    if (options.show_standfirst && !a.standfirst.empty())
        card->SetValueAndShowSection(template_name("STANDFIRST_TEXT"), a.standfirst,
                                     template_name("STANDFIRST"));
    if (a.lead_image) {
        auto* img = card->AddSectionDictionary(template_name("IMAGE"));
        set_image(img, *a.lead_image, options.lead);
        img->SetValue(template_name("IMAGE_LOADING"),
                      images_shown++ < eager_images ? "eager" : "lazy");
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
    auto* nav = d.AddIncludeDictionary(template_name("PAGINATION"));
    nav->SetFilename("partials/pagination.tpl");
    if (!status.empty())
        nav->SetValueAndShowSection(template_name("PAGE_STATUS"), status, template_name("STATUS"));
    d.ShowTemplateGlobalSection(template_name("PAGINATION_LINKS"));
    if (listing.newer) {
        const auto url = listing_url(path, {From::NewerThan, *listing.newer});
        nav->SetValueAndShowSection(template_name("PREV_URL"), url, template_name("PREV"));
        d.SetTemplateGlobalValue(template_name("PREV_URL"), url);
        d.ShowTemplateGlobalSection(template_name("PREV"));
    }
    if (listing.older) {
        const auto url = listing_url(path, {From::OlderThan, *listing.older});
        nav->SetValueAndShowSection(template_name("NEXT_URL"), url, template_name("NEXT"));
        d.SetTemplateGlobalValue(template_name("NEXT_URL"), url);
        d.ShowTemplateGlobalSection(template_name("NEXT"));
    }
}

std::string page_status(const render::Catalog& catalog, const domain::Site& site, int page,
                        int page_count) {
    return catalog.format(
        site.language, "page_status",
        {{"page", render::format_integer(page, site.arabic_indic_digits)},
         {"count", render::format_integer(page_count, site.arabic_indic_digits)}});
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
