// The home page: the top stories (the lead and four beside it, in the editors' order), the
// latest stories, then stories by section.
#include "domain/paths.hpp"
#include "site/cached_pages.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

namespace {

// The network's home pages as language versions of each other, when each site has a language of
// its own: two sites in one language are two publications, not versions of one.
std::vector<LanguageVersion> home_versions(const app::NetworkDirectory& directory) {
    std::vector<LanguageVersion> versions;
    for (const auto& s : directory.sites) {
        for (const auto& v : versions)
            if (v.site->language == s.language) return {};
        versions.push_back({&s, s.origin() + s.path_prefix()});
    }
    return versions;
}

}  // namespace

http::Response ReaderPages::home_show(PageRequest& request) {
    const domain::Site& site = request.site;
    // The home page has one page; its older stories are in the sections.
    const auto position = CachedPages::listing_request(request.http);
    if (!position || position->from != app::ListingRequest::From::Newest)
        return error_page(request.snapshot, site, 404);
    auto front = reader_.front_page(request.snapshot.directory, site);
    if (!front) return failure(request.snapshot, site, front.error());
    PageView view(site);
    begin_page(view, request.snapshot, NavEntry::home());
    set_title(view, "", site.tagline, site.base_url);
    add_structured_data(view,
                        website_json_ld(publisher_of(site, theme_), site.language,
                                        site.origin() + domain::search_path(site.path_prefix())));
    add_language_versions(view, request.snapshot.directory,
                          home_versions(request.snapshot.directory));
    auto& d = view.dict;
    request.cache_tags.push_back(page_tag::home(site.id));
    for (const auto& a : front->top) request.shows(a);
    for (const auto& a : front->latest) request.shows(a);
    for (const auto& block : front->sections)
        for (const auto& a : block.articles) request.shows(a);
    for (const auto& a : front->most_read) request.shows(a);
    int images = 0;
    const auto cards = CardWriter::of(request.snapshot, site, theme_);
    if (front->top.empty()) d.show_section("EMPTY");
    render::Dictionary* top = nullptr;
    render::Dictionary* beside = nullptr;
    for (std::size_t i = 0; i < front->top.size(); ++i) {
        if (i == 0) {
            top = d.add_section("TOP");
            add_card(
                top->add_section("LEAD_STORY"), cards, front->top[0],
                {.heading2 = true, .show_section = true, .show_standfirst = true, .lead = true},
                images);
            continue;
        }
        if (!beside) beside = top->add_section("BESIDE");
        add_card(beside->add_section("STORY"), cards, front->top[i],
                 {.show_section = true, .slot = ImageSlot::Compact}, images);
    }
    render::Dictionary* latest = nullptr;
    for (const auto& a : front->latest) {
        if (!latest) latest = d.add_section("LATEST");
        add_card(latest->add_section("STORY"), cards, a, {.show_section = true}, images);
    }
    add_most_read(d, site, theme_.catalog.text(site.language, "most_read"), front->most_read);
    for (const auto& block : front->sections) {
        auto* b = d.add_section("SECTION_BLOCK");
        b->set_value("BLOCK_SLUG", block.section.slug);
        b->set_value("BLOCK_NAME", block.section.name);
        b->set_value("BLOCK_URL", domain::section_path(site.path_prefix(), block.section.slug));
        for (const auto& a : block.articles)
            add_card(b->add_section("STORY"), cards, a, {}, images);
    }
    return render_page(theme_, view, "home.tpl", 200);
}

}  // namespace dateline::site
