// Feeds: the newest stories of a site, a section or a tag, in RSS 2.0, Atom 1.0 and JSON Feed
// 1.1, whole (the body, its lead picture with caption and credit, the byline, the categories and
// the agency's credit), with absolute links so that a feed reader can follow them anywhere.
#include "domain/paths.hpp"
#include "sanitize/html_sanitizer.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"
#include "site/syndication.hpp"

namespace dateline::site {

namespace {

using sanitize::escape_html;

// The host name alone ("news.example" of "news.example:8443"), for `tag:` URIs.
std::string host_name(const domain::Site& site) {
    std::string host = site.host();
    if (host.starts_with('[')) return host.substr(0, host.find(']') + 1);
    return host.substr(0, host.find(':'));
}

// A story's id for feeds, the same in every format and however its address changes: a tag URI
// (RFC 4151) of the site's host, the day the story was first published, the site and the story.
std::string entry_id(const domain::Site& site, const domain::Article& a) {
    return "tag:" + host_name(site) + "," + format_utc_iso8601(a.first_published_at).substr(0, 10) +
           ":" + site.slug + "/" + std::to_string(a.id);
}

// Root-relative links and sources of a body made absolute: a feed is read away from the site.
std::string absolute_links(std::string_view html, const std::string& origin) {
    std::string out;
    out.reserve(html.size());
    std::size_t at = 0;
    for (;;) {
        std::size_t next = std::string_view::npos;
        std::size_t length = 0;
        for (std::string_view attribute : {" href=\"/", " src=\"/"}) {
            const auto found = html.find(attribute, at);
            if (found < next) {
                next = found;
                length = attribute.size();
            }
        }
        if (next == std::string_view::npos) break;
        const std::size_t path = next + length - 1;  // the '/' the path starts with
        out.append(html.substr(at, path - at));
        // "//host/..." is already absolute (scheme-relative).
        if (html.substr(path, 2) != "//") out += origin;
        at = path;
        out += html[at++];
    }
    out.append(html.substr(at));
    return out;
}

std::string entry_content(const domain::Site& site, const render::Catalog& catalog,
                          const domain::Article& a) {
    std::string html;
    if (a.lead_image) {
        const auto& m = *a.lead_image;
        html += "<figure><img src=\"" + escape_html(site.origin() + "/media/" + m.file_name) +
                "\" alt=\"" + escape_html(a.lead_caption.empty() ? a.headline : a.lead_caption) +
                "\" width=\"" + std::to_string(m.width) + "\" height=\"" +
                std::to_string(m.height) + "\">";
        if (!a.lead_caption.empty() || !a.lead_credit.empty()) {
            html += "<figcaption>" + escape_html(a.lead_caption);
            if (!a.lead_credit.empty())
                html += (a.lead_caption.empty() ? "" : " ") + std::string("<small>") +
                        escape_html(a.lead_credit) + "</small>";
            html += "</figcaption>";
        }
        html += "</figure>";
    }
    if (!a.dateline.empty()) html += "<p><strong>" + escape_html(a.dateline) + "</strong></p>";
    html += absolute_links(a.body_html, site.origin());
    if (!a.source_credit.empty())
        html += "<p>" + escape_html(catalog.text(site.language, "source")) + " " +
                escape_html(a.source_credit) + "</p>";
    return html;
}

FeedEntry entry_of(const domain::Site& site, const render::Catalog& catalog,
                   const domain::Article& a) {
    FeedEntry e;
    e.id = entry_id(site, a);
    e.url = site.origin() + story_path(site, a);
    e.title = a.headline;
    e.summary = a.standfirst;
    e.content_html = entry_content(site, catalog, a);
    e.published = a.first_published_at;
    e.updated = std::max(a.updated_at, a.first_published_at);
    for (const auto& author : a.authors) e.authors.push_back(author.name);
    if (a.section) e.categories.push_back(a.section->name);
    for (const auto& tag : a.tags) e.categories.push_back(tag.name);
    if (a.lead_image) {
        const auto& m = *a.lead_image;
        e.image = FeedImage{site.origin() + "/media/" + m.file_name,
                            m.mime_type,
                            m.bytes,
                            m.width,
                            m.height,
                            a.lead_caption,
                            a.lead_credit};
    }
    return e;
}

}  // namespace

http::Response ReaderPages::site_feed(PageRequest& request, FeedFormat format) {
    const auto& site = request.site;
    request.cache_tags.push_back(page_tag::home(site.id));
    return feed(request, format, site.path_prefix(), "", {});
}

http::Response ReaderPages::section_feed(PageRequest& request, std::string_view slug,
                                         FeedFormat format) {
    const domain::Section* section = request.section(slug);
    if (!section && slug == domain::sectionless_segment) {
        const domain::Site& site = request.site;
        request.cache_tags.push_back(page_tag::sectionless(site.id));
        return feed(request, format, domain::section_path(site.path_prefix(), slug),
                    theme_.catalog.text(site.language, "sectionless"), {.sectionless = true});
    }
    if (!section) return error_page(request.snapshot, request.site, 404);
    request.cache_tags.push_back(page_tag::section(section->id));
    return feed(request, format, domain::section_path(request.site.path_prefix(), section->slug),
                section->name, {.section = section->id});
}

http::Response ReaderPages::tag_feed(PageRequest& request, std::string_view slug,
                                     FeedFormat format) {
    auto found = reader_.tag(request.site, std::string(slug));
    if (!found) return failure(request.snapshot, request.site, found.error());
    if (!*found) return error_page(request.snapshot, request.site, 404);
    const domain::Tag& tag = **found;
    request.cache_tags.push_back(page_tag::tag(tag.id));
    return feed(request, format, domain::tag_path(request.site.path_prefix(), tag.slug),
                theme_.catalog.text(request.site.language, "tag") + ": " + tag.name,
                {.tag = tag.id});
}

http::Response ReaderPages::author_feed(PageRequest& request, std::string_view slug,
                                        FeedFormat format) {
    auto found = reader_.author(request.site, std::string(slug));
    if (!found) return failure(request.snapshot, request.site, found.error());
    if (!*found) return error_page(request.snapshot, request.site, 404);
    const domain::Author& author = **found;
    request.cache_tags.push_back(page_tag::bylines(request.site.id));
    return feed(request, format, domain::author_path(request.site.path_prefix(), author.slug),
                theme_.catalog.text(request.site.language, "author") + ": " + author.name,
                {.author = author.id});
}

http::Response ReaderPages::feed(PageRequest& request, FeedFormat format, const std::string& path,
                                 const std::string& title, const app::FeedSource& source) {
    const domain::Site& site = request.site;
    auto stories = reader_.feed_stories(site, source);
    if (!stories) return failure(request.snapshot, site, stories.error());
    Feed feed;
    feed.home_url = site.origin() + path;
    feed.id = feed.home_url;
    feed.title = title.empty() ? site.name : title + " | " + site.name;
    feed.description = site.tagline;
    feed.language = site.language;
    feed.publisher = site.name;
    feed.icon_url = site.origin() + "/assets/img/icon.svg";
    // An empty feed is as old as the site's clock says: it changes when its first story comes.
    feed.updated = stories->empty() ? reader_.now() : 0;
    for (const auto& a : *stories) {
        request.shows(a);
        feed.entries.push_back(entry_of(site, theme_.catalog, a));
    }
    const std::string self = feed.home_url + std::string(feed_file(format));
    http::Response r;
    r.body = write_feed(feed, format, self);
    r.set_header("Content-Type", std::string(feed_media_type(format)) + "; charset=utf-8");
    r.set_header("Content-Language", site.language);
    return r;
}

}  // namespace dateline::site
