// Section and tag pages: a listing of stories, newest first, in pages that start at a story
// (`older/ID/`, `newer/ID/`; the first spelling, `?before=ID` and `?after=ID`, redirects).
#include "domain/paths.hpp"
#include "site/cached_pages.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"
#include "site/template_names.hpp"

namespace dateline::site {

namespace {

using From = app::ListingRequest::From;

// What the query says of the position, as pages were first addressed (`?before=ID`): whether it
// names no page (malformed, or beside a position in the path), and where a page it names moved.
struct QueriedPosition {
    bool names_no_page = false;
    std::optional<app::ListingRequest> moved;
};

QueriedPosition queried_position(const http::Request& request, const app::ListingRequest& at) {
    const auto queried = CachedPages::listing_request(request);
    if (!queried || (queried->from != From::Newest && at.from != From::Newest)) return {true, {}};
    if (queried->from == From::Newest) return {};
    return {false, *queried};
}

}  // namespace

http::Response ReaderPages::section_show(PageRequest& request, std::string_view slug,
                                         const app::ListingRequest& at) {
    const domain::Section* section = request.section(slug);
    const auto queried = queried_position(request.http, at);
    if (!section || queried.names_no_page) return error_page(request.snapshot, request.site, 404);
    const std::string path = domain::section_path(request.site.path_prefix(), section->slug);
    if (queried.moved) return http::Response::redirect(301, listing_url(path, *queried.moved));
    auto result = reader_.section_page(*section, at);
    if (!result) return failure(request.snapshot, request.site, result.error());
    request.cache_tags.push_back(page_tag::section(section->id));
    return listing(request, theme_.catalog.text(request.site.language, "section"), section->name,
                   path, section->slug, at, *result);
}

http::Response ReaderPages::section_redirect(PageRequest& request, std::string_view slug) {
    const domain::Section* section = request.section(slug);
    if (!section) return error_page(request.snapshot, request.site, 404);
    return http::Response::redirect(
        301, domain::section_path(request.site.path_prefix(), section->slug));
}

http::Response ReaderPages::tag_show(PageRequest& request, std::string_view slug,
                                     const app::ListingRequest& at) {
    const auto queried = queried_position(request.http, at);
    if (queried.names_no_page) return error_page(request.snapshot, request.site, 404);
    const std::string path = domain::tag_path(request.site.path_prefix(), std::string(slug));
    if (queried.moved) return http::Response::redirect(301, listing_url(path, *queried.moved));
    auto found = reader_.tag(request.site, std::string(slug));
    if (!found) return failure(request.snapshot, request.site, found.error());
    if (!*found) return error_page(request.snapshot, request.site, 404);
    auto result = reader_.tag_page(**found, at);
    if (!result) return failure(request.snapshot, request.site, result.error());
    request.cache_tags.push_back(page_tag::tag((*found)->id));
    return listing(request, theme_.catalog.text(request.site.language, "tag"), (*found)->name, path,
                   "", at, *result);
}

http::Response ReaderPages::tag_redirect(PageRequest& request, std::string_view slug) {
    return http::Response::redirect(
        301, domain::tag_path(request.site.path_prefix(), std::string(slug)));
}

http::Response ReaderPages::listing(PageRequest& request, const std::string& kind,
                                    const std::string& title, const std::string& path,
                                    std::string_view current_section,
                                    const app::ListingRequest& asked,
                                    const app::ArticlePage& page) {
    const domain::Site& site = request.site;
    PageView view(site);
    setup_page(view, request.snapshot, theme_, current_section, reader_.now());
    std::string page_title = title;
    std::string status;
    if (!page.newest && !page.articles.empty()) {
        // A page deep in the archive says where it is: up to the date of its newest story.
        status = theme_.catalog.format(
            site.language, "listing_up_to",
            {{"date", request.dates().format(page.articles.front().first_published_at).date}});
        page_title += " (" + status + ")";
    }
    set_title(view, page_title, "",
              site.origin() + listing_url(path, page.newest ? app::ListingRequest{} : asked));
    // The listing's own feeds, titled as they title themselves (pages/feeds.cpp).
    add_feed_links(view, path, current_section.empty() ? kind + ": " + title : title);
    add_structured_data(view, breadcrumb_json_ld({{site.name, site.origin() + site.path_prefix()},
                                                  {title, site.origin() + path}}));
    auto& d = view.dict;
    d.SetValue(template_name("LISTING_KIND"), kind);
    d.SetValue(template_name("LISTING_TITLE"), title);
    int images = 0;
    if (page.articles.empty()) d.ShowSection(template_name("EMPTY"));
    ctemplate::TemplateDictionary* stories =
        page.articles.empty() ? nullptr : d.AddSectionDictionary(template_name("STORIES"));
    for (const auto& a : page.articles) request.shows(a);
    for (const auto& a : page.articles)
        add_card(
            stories->AddSectionDictionary(template_name("STORY")), site, a, request.dates(),
            {.heading2 = true, .show_section = current_section.empty(), .show_standfirst = true},
            images);
    add_pagination(view, path, page, status);
    return render_page(theme_, view, "listing.tpl", 200);
}

}  // namespace dateline::site
