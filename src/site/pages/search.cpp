// The search page (`search?q=words&page=N`) and the OpenSearch description that lets browsers
// offer the site's search (`opensearch.xml`).
#include "domain/paths.hpp"
#include "search/excerpt.hpp"
#include "search/query.hpp"
#include "site/cached_pages.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"
#include "site/syndication.hpp"

namespace dateline::site {

namespace {

// How much of a story's text a result shows.
constexpr std::size_t excerpt_chars = 240;

void add_fragments(render::Dictionary* d, render::Name section,
                   const std::vector<search::Fragment>& fragments) {
    for (const auto& f : fragments) {
        auto* part = d->add_section(section);
        part->set_value_and_show_section("PART", f.text,
                                         f.marked ? render::Name("MARKED") : render::Name("PLAIN"));
    }
}

bool marks_any(const std::vector<search::Fragment>& fragments) {
    return std::any_of(fragments.begin(), fragments.end(),
                       [](const search::Fragment& f) { return f.marked; });
}

}  // namespace

http::Response ReaderPages::search_show(PageRequest& request) {
    const domain::Site& site = request.site;
    const auto number = CachedPages::page_number(request.http, "page");
    if (!number || *number > app::ReaderService::max_search_page)
        return error_page(request.snapshot, site, 404);
    const std::string text = request.http.target.param("q").value_or("");
    const auto query = search::parse_query(text, site.language);
    auto found = reader_.search(site, query, *number);
    if (!found) return failure(request.snapshot, site, found.error());
    if (found->articles.empty() && *number > 1) return error_page(request.snapshot, site, 404);

    PageView view(site);
    begin_page(view, request.snapshot, NavEntry::none());
    const auto& catalog = theme_.catalog;
    const std::string heading =
        query.empty() ? catalog.text(site.language, "search")
                      : catalog.format(site.language, "search_results", {{"query", text}});
    const std::string status =
        catalog.format(site.language, "search_page",
                       {{"page", render::format_integer(*number, site.arabic_indic_digits)}});
    set_title(view, *number > 1 ? heading + " (" + status + ")" : heading, "", "");
    // Results are not pages of their own for search engines; the stories they lead to are.
    view.dict.show_template_global_section("NOINDEX");
    set_global(view, "SEARCH_QUERY", text);
    auto& d = view.dict;
    d.set_value("SEARCH_HEADING", heading);
    if (!query.empty() && found->articles.empty())
        d.set_value_and_show_section(
            "SEARCH_NONE", catalog.format(site.language, "search_none", {{"query", text}}), "NONE");
    const auto terms = query.marked_terms();
    if (!found->articles.empty()) {
        auto* results = d.add_section("RESULTS");
        results->set_int_value("FIRST_NUMBER",
                               (*number - 1) * app::ReaderService::search_page_size + 1);
        for (const auto& a : found->articles) {
            auto* r = results->add_section("RESULT");
            r->set_value("URL", story_path(site, a));
            const auto when = request.dates().moment(a.first_published_at);
            r->set_value("DATE_ISO", when->iso);
            r->set_value("DATE_SHORT", when->short_date);
            if (a.section) {
                auto* s = r->add_section("SECTION");
                s->set_value("SECTION_URL",
                             domain::section_path(site.path_prefix(), a.section->slug));
                s->set_value("SECTION_NAME", a.section->name);
            }
            add_fragments(r, "HEADLINE_PART", search::highlight(a.headline, site.language, terms));
            // The passage of the body that holds the words, else the standfirst.
            auto excerpt = search::excerpt(a.body_text, site.language, terms, excerpt_chars);
            if (!marks_any(excerpt) && !a.standfirst.empty())
                excerpt = search::excerpt(a.standfirst, site.language, terms, excerpt_chars);
            add_fragments(r, "EXCERPT_PART", excerpt);
        }
    }
    if (*number > 1 || found->more) {
        auto* pages = d.add_section("SEARCH_PAGES");
        pages->set_value("PAGE_STATUS", status);
        d.show_template_global_section("PAGINATION_LINKS");
        if (*number > 1) {
            const auto url = domain::search_path(site.path_prefix(), text, *number - 1);
            pages->set_value_and_show_section("PREV_URL", url, "PREV");
            d.set_template_global_value("PREV_URL", url);
            d.show_template_global_section("PREV");
        }
        if (found->more) {
            const auto url = domain::search_path(site.path_prefix(), text, *number + 1);
            pages->set_value_and_show_section("NEXT_URL", url, "NEXT");
            d.set_template_global_value("NEXT_URL", url);
            d.show_template_global_section("NEXT");
        }
    }
    auto response = render_page(theme_, view, "search.tpl", 200);
    // Shared caches may keep a result a minute: a breaking story's searches come in bursts.
    response.set_header("Cache-Control", "public, max-age=60");
    return response;
}

http::Response ReaderPages::opensearch_show(PageRequest& request) {
    const domain::Site& site = request.site;
    OpenSearchDescription description;
    description.short_name = site.name;
    description.description =
        theme_.catalog.format(site.language, "search_description", {{"site", site.name}});
    description.language = site.language;
    description.search_url = site.origin() + domain::search_path(site.path_prefix());
    description.self_url =
        site.origin() + site.path_prefix() + std::string(domain::opensearch_file);
    const auto publisher = publisher_of(site, theme_);
    description.image_url = publisher.logo_url;
    description.image_width = publisher.logo_width;
    description.image_height = publisher.logo_height;
    http::Response r;
    r.status = 200;
    r.body = opensearch_description(description);
    r.set_header("Content-Type", "application/opensearchdescription+xml; charset=utf-8");
    return r;
}

}  // namespace dateline::site
