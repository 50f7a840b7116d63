// Section, tag and author pages: a listing of stories, newest first, in pages that start at a story
// (`older/ID/`, `newer/ID/`; the first spelling, `?before=ID` and `?after=ID`, redirects).
#include "domain/paths.hpp"
#include "site/cached_pages.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"
#include "site/structured_data.hpp"

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
    if (!section && slug == domain::sectionless_segment) return sectionless_show(request, at);
    const auto queried = queried_position(request.http, at);
    if (!section || queried.names_no_page) return error_page(request.snapshot, request.site, 404);
    const std::string path = domain::section_path(request.site.path_prefix(), section->slug);
    if (queried.moved) return http::Response::redirect(301, listing_url(path, *queried.moved));
    auto result = reader_.section_page(*section, at);
    if (!result) return failure(request.snapshot, request.site, result.error());
    request.cache_tags.push_back(page_tag::section(section->id));
    // The section's front (its first page) shows what its readers read most; the archive's
    // pages do not.
    std::vector<app::Card> most_read;
    if (result->newest) {
        auto ranked = reader_.most_read(*section);
        if (!ranked) return failure(request.snapshot, request.site, ranked.error());
        most_read = std::move(*ranked);
    }
    return listing(request,
                   {.kind = theme_.catalog.text(request.site.language, "section"),
                    .title = section->name,
                    .path = path,
                    .current_section = section->slug,
                    .feed_title = section->name,
                    .most_read = std::move(most_read)},
                   at, *result);
}

http::Response ReaderPages::section_redirect(PageRequest& request, std::string_view slug) {
    const domain::Section* section = request.section(slug);
    if (!section && slug != domain::sectionless_segment)
        return error_page(request.snapshot, request.site, 404);
    return http::Response::redirect(301, domain::section_path(request.site.path_prefix(), slug));
}

http::Response ReaderPages::sectionless_show(PageRequest& request, const app::ListingRequest& at) {
    const domain::Site& site = request.site;
    const auto queried = queried_position(request.http, at);
    if (queried.names_no_page) return error_page(request.snapshot, site, 404);
    const std::string path = domain::section_path(site.path_prefix(), domain::sectionless_segment);
    if (queried.moved) return http::Response::redirect(301, listing_url(path, *queried.moved));
    auto result = reader_.sectionless_page(site, at);
    if (!result) return failure(request.snapshot, site, result.error());
    // Not a section a reader can pick: a folder with nothing in it is not a page.
    if (result->articles.empty()) return error_page(request.snapshot, site, 404);
    request.cache_tags.push_back(page_tag::sectionless(site.id));
    return listing(request,
                   {.kind = theme_.catalog.text(site.language, "section"),
                    .title = theme_.catalog.text(site.language, "sectionless"),
                    .path = path,
                    .feed_title = theme_.catalog.text(site.language, "sectionless")},
                   at, *result);
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
    return listing(request,
                   {.kind = theme_.catalog.text(request.site.language, "tag"),
                    .title = (*found)->name,
                    .path = path},
                   at, *result);
}

http::Response ReaderPages::tag_redirect(PageRequest& request, std::string_view slug) {
    return http::Response::redirect(
        301, domain::tag_path(request.site.path_prefix(), std::string(slug)));
}

http::Response ReaderPages::author_show(PageRequest& request, std::string_view slug,
                                        const app::ListingRequest& at) {
    const auto queried = queried_position(request.http, at);
    if (queried.names_no_page) return error_page(request.snapshot, request.site, 404);
    const domain::Site& site = request.site;
    const std::string path = domain::author_path(site.path_prefix(), slug);
    if (queried.moved) return http::Response::redirect(301, listing_url(path, *queried.moved));
    auto found = reader_.author(site, std::string(slug));
    if (!found) return failure(request.snapshot, site, found.error());
    if (!*found) return error_page(request.snapshot, site, 404);
    const domain::Author& author = **found;
    auto result = reader_.author_page(author, at);
    if (!result) return failure(request.snapshot, site, result.error());
    // An author without a listed story has no page: nothing would lead a reader there.
    if (result->articles.empty()) return error_page(request.snapshot, site, 404);
    request.cache_tags.push_back(page_tag::bylines(site.id));
    return listing(
        request,
        {.kind = theme_.catalog.text(site.language, "author"),
         .title = author.name,
         .note = author.role,
         .path = path,
         .json_ld = profile_page_json_ld(author.name, author.role, site.origin() + path)},
        at, *result);
}

http::Response ReaderPages::author_redirect(PageRequest& request, std::string_view slug) {
    return http::Response::redirect(301, domain::author_path(request.site.path_prefix(), slug));
}

http::Response ReaderPages::listing(PageRequest& request, const ListingHeading& heading,
                                    const app::ListingRequest& asked,
                                    const app::ArticlePage& page) {
    const domain::Site& site = request.site;
    const std::string& title = heading.title;
    const std::string& path = heading.path;
    const std::string_view current_section = heading.current_section;
    PageView view(site);
    begin_page(view, request.snapshot,
               current_section.empty() ? NavEntry::none() : NavEntry::section(current_section));
    std::string page_title = title;
    std::string status;
    if (!page.newest && !page.articles.empty()) {
        // A page deep in the archive says where it is: up to the date of its newest story.
        status = theme_.catalog.format(
            site.language, "listing_up_to",
            {{"date", request.dates().format(page.articles.front()->first_published_at).date}});
        page_title += " (" + status + ")";
    }
    // What a search engine shows under the listing's title.
    set_title(view, page_title,
              theme_.catalog.format(site.language, "listing_description",
                                    {{"title", title}, {"site", site.name}}),
              site.origin() + listing_url(path, page.newest ? app::ListingRequest{} : asked));
    // The listing's own feeds, titled as they title themselves (pages/feeds.cpp).
    add_feed_links(view, path,
                   heading.feed_title.empty() ? heading.kind + ": " + title : heading.feed_title);
    add_structured_data(view, breadcrumb_json_ld({{site.name, site.origin() + site.path_prefix()},
                                                  {title, site.origin() + path}}));
    if (!heading.json_ld.empty()) add_structured_data(view, heading.json_ld);
    auto& d = view.dict;
    d.set_value("LISTING_KIND", heading.kind);
    d.set_value("LISTING_TITLE", title);
    if (!heading.note.empty())
        d.set_value_and_show_section("LISTING_NOTE_TEXT", heading.note, "LISTING_NOTE");
    int images = 0;
    if (page.articles.empty()) d.show_section("EMPTY");
    render::Dictionary* stories = page.articles.empty() ? nullptr : d.add_section("STORIES");
    for (const auto& a : page.articles) request.shows(a);
    const auto cards = CardWriter::of(request.snapshot, site, theme_);
    for (const auto& a : page.articles)
        add_card(stories->add_section("STORY"), cards, a,
                 {.heading2 = true,
                  .show_section = current_section.empty(),
                  .show_standfirst = true,
                  .slot = ImageSlot::List},
                 images);
    add_pagination(view, path, page, status);
    for (const auto& a : heading.most_read) request.shows(a);
    add_most_read(d, site,
                  theme_.catalog.format(site.language, "most_read_in", {{"listing", title}}),
                  heading.most_read);
    return render_page(theme_, view, "listing.tpl", 200);
}

}  // namespace dateline::site
