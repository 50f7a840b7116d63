// The story page: the whole anatomy of a news story, its approved comments (`?comments=N`, the
// newest first) and the comment form, then related news.
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <iterator>
#include <memory>
#include <vector>

#include "core/paragraphs.hpp"
#include "domain/paths.hpp"
#include "site/cached_pages.hpp"
#include "site/comment_form.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

namespace {

using render::Dictionary;

constexpr const char* comments_param = "comments";

bool names_story(const PageRequest& request, std::string_view section) {
    return request.section(section) || section == domain::sectionless_segment;
}

// The addresses of the picture as services that frame it themselves want it: its crops to
// 16:9, 4:3 and 1:1 (the widest first), or the picture itself while its crops are not made.
std::vector<domain::MediaCrop> share_frames(const domain::Media& m) {
    if (m.has_crops()) return domain::media_crops(m.file_name, m.width, m.height);
    return {{"", m.width, m.height, m.file_name}};
}

// How the story shows when shared: OpenGraph (Facebook, LinkedIn, messaging apps) and the card
// X reads.
void add_open_graph(PageView& view, const domain::Article& a,
                    const render::FormattedTime& published, const render::FormattedTime& updated) {
    auto& d = view.dict;
    d.show_template_global_section("OPEN_GRAPH");
    set_global(view, "OG_TYPE", "article");
    set_global(view, "OG_TITLE", a.headline);
    set_global(view, "OG_PUBLISHED", published.iso);
    set_global(view, "OG_MODIFIED", updated.iso);
    d.show_template_global_section("OG_ARTICLE");
    if (a.section)
        view.head->set_value_and_show_section("OG_SECTION_NAME", a.section->name, "OG_SECTION");
    for (const auto& tag : a.tags)
        view.head->add_section("OG_TAG")->set_value("OG_TAG_NAME", tag.name);
    set_global(view, "TWITTER_CARD", a.lead_image ? "summary_large_image" : "summary");
    if (a.lead_image) {
        const auto frame = share_frames(*a.lead_image).front();
        set_global(view, "OG_IMAGE_URL", view.site.origin() + "/media/" + frame.file_name);
        set_global(view, "OG_IMAGE_WIDTH", std::to_string(frame.width));
        set_global(view, "OG_IMAGE_HEIGHT", std::to_string(frame.height));
        set_global(view, "OG_IMAGE_ALT", a.lead_caption.empty() ? a.headline : a.lead_caption);
        d.show_template_global_section("OG_IMAGE");
    }
}

// Each network's own address for sharing a link, as an attribute holds it (`&` escaped):
// `{url}` and `{title}` stand for the story's address and headline, percent-encoded.
struct ShareAddress {
    std::string_view network;
    std::string_view pattern;
};
constexpr ShareAddress share_addresses[] = {
    {"x", "https://x.com/intent/post?text={title}&amp;url={url}"},
    {"facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"},
    {"whatsapp", "https://wa.me/?text={title}%20{url}"},
    {"telegram", "https://t.me/share/url?url={url}&amp;text={title}"},
    {"linkedin", "https://www.linkedin.com/sharing/share-offsite/?url={url}"},
    {"email", "mailto:?subject={title}&amp;body={url}"},
};

// Every pattern is attribute-ready and names only the two placeholders share_attribute fills.
consteval bool share_patterns_are_attribute_ready() {
    for (const auto& address : share_addresses) {
        const std::string_view p = address.pattern;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const std::string_view rest = p.substr(i);
            if (p[i] == '"' || p[i] == '<' || p[i] == '>' || p[i] == '\'') return false;
            if (p[i] == '&' && !rest.starts_with("&amp;")) return false;
            if (p[i] == '{' && !rest.starts_with("{url}") && !rest.starts_with("{title}"))
                return false;
        }
    }
    return true;
}
static_assert(share_patterns_are_attribute_ready());

// A share address as its attribute holds it, emitted raw (theme.cpp): the pattern is already
// escaped, and percent-encoding leaves only unreserved characters and '%', none of which an
// attribute escapes.
std::string share_attribute(std::string_view pattern, std::string_view url,
                            std::string_view title) {
    std::string address;
    address.reserve(pattern.size() + url.size() + title.size());  // each placeholder once
    for (std::size_t at = 0; at < pattern.size();) {
        const std::size_t open = std::min(pattern.find('{', at), pattern.size());
        address.append(pattern, at, open - at);
        if (open == pattern.size()) break;
        const std::string_view rest = pattern.substr(open);
        const bool is_url = rest.starts_with("{url}");
        address += is_url ? url : title;
        at = open + (is_url ? std::string_view("{url}") : std::string_view("{title}")).size();
    }
    return address;
}

// Where readers may share the story, as the site configures it: plain links to each network's
// own share address, so that no script or tracker of theirs loads with the page.
void add_share_links(Dictionary& d, const domain::Site& site, const render::Catalog& catalog,
                     const std::string& url, const std::string& headline) {
    if (site.share_networks.empty()) return;
    const std::string u = boost::urls::encode(url, boost::urls::unreserved_chars);
    const std::string title = boost::urls::encode(headline, boost::urls::unreserved_chars);
    auto* block = d.add_section("SHARE");
    for (const auto& network : site.share_networks) {
        const auto* known =
            std::find_if(std::begin(share_addresses), std::end(share_addresses),
                         [&](const ShareAddress& s) { return s.network == network; });
        if (known == std::end(share_addresses)) continue;
        auto* link = block->add_section("SHARE_LINK");
        link->set_value("SHARE_URL", share_attribute(known->pattern, u, title));
        link->set_value("SHARE_NETWORK", network);
        link->set_value("SHARE_NAME", catalog.text(site.language, "share_" + network));
    }
}

// What search engines read of the story (schema.org NewsArticle) and of where it sits, as
// JSON-LD blocks.
std::vector<std::string> story_structured_data(const domain::Site& site, const Theme& theme,
                                               const domain::Article& a, const std::string& url,
                                               const render::FormattedTime& published,
                                               const render::FormattedTime& updated) {
    NewsArticleData data;
    data.url = url;
    data.headline = a.headline;
    data.description = a.standfirst;
    data.date_published = published.iso;
    data.date_modified = updated.iso;
    for (const auto& author : a.authors)
        data.authors.emplace_back(
            author.name, site.origin() + domain::author_path(site.path_prefix(), author.slug));
    if (a.lead_image)
        for (const auto& frame : share_frames(*a.lead_image))
            data.images.push_back(site.origin() + "/media/" + frame.file_name);
    data.dateline = a.dateline;
    data.language = site.language;
    if (a.section) data.section = a.section->name;
    for (const auto& tag : a.tags) data.keywords.push_back(tag.name);
    data.publisher = publisher_of(site, theme);
    std::vector<std::pair<std::string, std::string>> trail{
        {site.name, site.origin() + site.path_prefix()}};
    if (a.section)
        trail.emplace_back(a.section->name, site.origin() + domain::section_path(site.path_prefix(),
                                                                                 a.section->slug));
    trail.emplace_back(a.headline, url);
    return {news_article_json_ld(data), breadcrumb_json_ld(trail)};
}

// The story's kicker, headline and standfirst (story_heading_template).
void fill_heading(Dictionary& d, const domain::Site& site, const render::Catalog& catalog,
                  const domain::Article& a) {
    d.set_value("HEADLINE", a.headline);
    auto* kicker = d.add_section("SECTION");
    kicker->set_value("SECTION_URL", domain::section_path(site.path_prefix(),
                                                          a.section ? a.section->slug
                                                                    : domain::sectionless_segment));
    // A story without a section is filed under the catalog's name for them.
    kicker->set_value("SECTION_NAME",
                      a.section ? a.section->name : catalog.text(site.language, "sectionless"));
    if (!a.standfirst.empty())
        d.set_value_and_show_section("STANDFIRST_TEXT", a.standfirst, "STANDFIRST");
}

// Who wrote the story, and when it was published and updated (story_meta_template).
void fill_meta(Dictionary& d, const domain::Site& site, const render::Catalog& catalog,
               const domain::Article& a, const render::FormattedTime& published,
               const render::FormattedTime& updated) {
    if (!a.authors.empty()) {
        auto* byline = d.add_section("BYLINE");
        for (std::size_t i = 0; i < a.authors.size(); ++i) {
            auto* author = byline->add_section("AUTHOR");
            author->set_value("AUTHOR_NAME", a.authors[i].name);
            author->set_value("AUTHOR_URL",
                              domain::author_path(site.path_prefix(), a.authors[i].slug));
            if (i + 1 < a.authors.size()) author->show_section("AUTHOR_SEPARATOR");
        }
    }
    d.set_value("PUBLISHED_ISO", published.iso);
    d.set_value("PUBLISHED_WHEN", moment_text(catalog, site, published, true));
    if (a.was_updated()) {
        auto* u = d.add_section("UPDATED");
        u->set_value("UPDATED_ISO", updated.iso);
        u->set_value("UPDATED_WHEN", moment_text(catalog, site, updated));
    }
}

// What changed in the story since it was published, and when: its public notes, oldest first.
void add_notes(Dictionary& d, const domain::Site& site, const render::Catalog& catalog,
               const render::DateFormatter& dates, const domain::Article& a) {
    if (a.notes.empty()) return;
    auto* block = d.add_section("NOTES");
    for (const auto& note : a.notes) {
        auto* item = block->add_section("NOTE");
        const bool update = note.kind == domain::NoteKind::Update;
        item->set_value("NOTE_KIND", update ? "update" : "correction");
        item->set_value("NOTE_KIND_LABEL",
                        catalog.text(site.language, update ? "note_update" : "note_correction"));
        const auto when = dates.moment(note.noted_at);
        item->set_value("NOTE_ISO", when->iso);
        item->set_value("NOTE_DATE", moment_text(catalog, site, *when));
        item->set_value("NOTE_TEXT", note.text);
    }
}

// The story's lead picture, its caption and credit (story_figure_template).
void fill_figure(Dictionary& d, const domain::Article& a) {
    if (!a.lead_image) return;
    auto* fig = d.add_section("FIGURE");
    set_image(fig, *a.lead_image, ImageSlot::StoryFigure);
    fig->set_value("IMAGE_ALT", a.lead_caption.empty() ? a.headline : a.lead_caption);
    if (!a.lead_caption.empty())
        fig->set_value_and_show_section("CAPTION_TEXT", a.lead_caption, "CAPTION");
    if (!a.lead_credit.empty())
        fig->set_value_and_show_section("CREDIT_TEXT", a.lead_credit, "CREDIT");
}

// What follows the story's body: its notes, source, tags and share links (story_footer_template).
void fill_footer(Dictionary& d, const domain::Site& site, const render::Catalog& catalog,
                 const render::DateFormatter& dates, const domain::Article& a,
                 const std::string& url) {
    add_notes(d, site, catalog, dates, a);
    if (!a.source_credit.empty())
        d.set_value_and_show_section("SOURCE_TEXT", a.source_credit, "SOURCE");
    if (!a.tags.empty()) {
        auto* tags = d.add_section("TAGS");
        for (const auto& t : a.tags) {
            auto* item = tags->add_section("TAG");
            item->set_value("TAG_NAME", t.name);
            item->set_value("TAG_URL", domain::tag_path(site.path_prefix(), t.slug));
        }
    }
    add_share_links(d, site, catalog, url, a.headline);
}

// What the page shows of the story alone, each part in its include, and its structured data:
// as the theme kept them (Theme::stories) for this very story object in this snapshot, else
// written now and kept. The story object is read again after any change to it, and a site's
// change makes a new snapshot, so kept parts are never older than what they show. The body is
// not among them: the kept story holds it already, and it is the page's largest value.
void add_story_parts(PageView& view, const PageRequest& request, const Theme& theme,
                     const app::KeptStory& story, const std::string& url) {
    const domain::Site& site = view.site;
    const domain::Article& a = *story;
    auto& d = view.dict;
    if (!a.dateline.empty()) d.set_value_and_show_section("DATELINE_TEXT", a.dateline, "DATELINE");
    d.set_value("BODY", a.body_html);
    auto* heading = d.add_include("STORY_HEADING", story_heading_template);
    auto* meta = d.add_include("STORY_META", story_meta_template);
    auto* figure = d.add_include("STORY_FIGURE", story_figure_template);
    auto* footer = d.add_include("STORY_FOOTER", story_footer_template);
    const auto give = [&](const StoryParts& parts) {
        heading->set_expansion(parts.heading);
        meta->set_expansion(parts.meta);
        figure->set_expansion(parts.figure);
        footer->set_expansion(parts.footer);
        for (const auto& json_ld : parts.structured_data) add_structured_data(view, json_ld);
    };
    KeptStoryParts* kept = theme.stories.get();
    const KeptStoryParts::Variant variant{request.snapshot.generation, site.id, 0};
    if (kept && kept->use(story, variant, [&](const auto& parts) { give(*parts); })) return;

    const auto& dates = request.dates();
    const auto published = dates.moment(a.first_published_at);
    const auto updated = dates.moment(std::max(a.updated_at, a.first_published_at));
    auto parts = std::make_shared<StoryParts>();
    parts->structured_data = story_structured_data(site, theme, a, url, *published, *updated);
    for (auto& json_ld : parts->structured_data) json_ld.shrink_to_fit();
    fill_heading(*heading, site, theme.catalog, a);
    fill_meta(*meta, site, theme.catalog, a, *published, *updated);
    fill_figure(*figure, a);
    fill_footer(*footer, site, theme.catalog, dates, a, url);
    const auto written = [&](const char* file, Dictionary& include, std::string& html) {
        if (!theme.templates->expand(file, include, html)) return false;
        html.shrink_to_fit();  // kept: the render reserved room for a longer one
        return true;
    };
    // A story object no one else holds (app::KeptStories keeps none, or not this one) is never
    // found again: what was written for it goes with this page.
    if (!kept || story.use_count() == 1 ||
        !written(story_heading_template, *heading, parts->heading) ||
        !written(story_meta_template, *meta, parts->meta) ||
        !written(story_figure_template, *figure, parts->figure) ||
        !written(story_footer_template, *footer, parts->footer)) {
        // Expanded with the page, as any include.
        for (const auto& json_ld : parts->structured_data) add_structured_data(view, json_ld);
        return;
    }
    give(*parts);
    kept->keep(story, variant, std::move(parts));
}

// The story in the network's other languages: `hreflang` versions in the head (absolute, the
// story itself among them, as search engines ask) and links under the headline.
void add_translations(PageView& view, const app::NetworkDirectory& directory,
                      const domain::Article& a, const std::vector<domain::Article>& translations) {
    std::vector<std::pair<const domain::Site*, const domain::Article*>> others;
    for (const auto& t : translations)
        if (const auto* s = directory.site_by_id(t.site_id)) others.emplace_back(s, &t);
    if (others.empty()) return;
    const domain::Site& site = view.site;
    // In the network's order of sites, the same on every version's page.
    std::vector<LanguageVersion> versions;
    for (const auto& s : directory.sites) {
        if (s.id == site.id) versions.push_back({&s, s.origin() + story_path(s, a)});
        for (const auto& [other, story] : others)
            if (other->id == s.id)
                versions.push_back({other, other->origin() + story_path(*other, *story)});
    }
    add_language_versions(view, directory, versions);
    auto* list = view.dict.add_section("TRANSLATIONS");
    for (std::size_t i = 0; i < others.size(); ++i) {
        const auto& [other, story] = others[i];
        auto* item = list->add_section("TRANSLATION");
        // On the same origin by its path, as the sister sites are linked.
        const std::string path = story_path(*other, *story);
        item->set_value("TRANSLATION_URL",
                        other->origin() == site.origin() ? path : other->origin() + path);
        item->set_value("TRANSLATION_LANG", other->language);
        item->set_value("TRANSLATION_DIR",
                        other->direction == domain::TextDirection::Rtl ? "rtl" : "ltr");
        item->set_value("TRANSLATION_HEADLINE", story->headline);
        if (i + 1 < others.size()) item->show_section("TRANSLATION_SEPARATOR");
    }
}

// Newer and older pages of the comments under a story (page 1 holds the newest).
void add_comment_pages(Dictionary& block, const domain::Site& site, const render::Catalog& catalog,
                       const std::string& path, const app::ArticleComments& comments) {
    auto url = [&](int page) {
        return (page <= 1 ? path : path + "?" + comments_param + "=" + std::to_string(page)) +
               "#comments-heading";
    };
    auto* nav = block.add_section("COMMENT_PAGES");
    nav->set_value("COMMENT_PAGE_STATUS",
                   page_status(catalog, site, comments.page, comments.page_count));
    if (comments.page > 1)
        nav->set_value_and_show_section("NEWER_COMMENTS_URL", url(comments.page - 1),
                                        "NEWER_COMMENTS");
    if (comments.page < comments.page_count)
        nav->set_value_and_show_section("OLDER_COMMENTS_URL", url(comments.page + 1),
                                        "OLDER_COMMENTS");
}

void add_comments(PageView& view, const render::Catalog& catalog,
                  const render::DateFormatter& dates, const std::string& path,
                  const app::ArticleComments& comments) {
    const domain::Site& site = view.site;
    if (comments.count == 0) return;
    auto* block = view.dict.add_section("COMMENTS");
    block->set_value(
        "COMMENTS_HEADING",
        catalog.format(
            site.language, "comments_heading",
            {{"count", render::format_integer(comments.count, site.arabic_indic_digits)}}));
    for (const auto& c : comments.approved) {
        auto* item = block->add_section("COMMENT");
        item->set_int_value("COMMENT_ID", static_cast<long>(c.id));
        item->set_value("COMMENT_TITLE", c.title);
        item->set_value("COMMENT_AUTHOR", c.author_name);
        const auto when = dates.moment(c.created_at);
        item->set_value("COMMENT_ISO", when->iso);
        item->set_value("COMMENT_DATE", moment_text(catalog, site, *when));
        // Paragraphs as the reader typed them; every character escaped by the template.
        for (const auto& paragraph : split_paragraphs(c.body))
            item->add_section("PARAGRAPH")->set_value("PARAGRAPH_TEXT", paragraph);
    }
    if (comments.page_count > 1) add_comment_pages(*block, site, catalog, path, comments);
}

}  // namespace

http::Response ReaderPages::article_show(PageRequest& request, std::string_view section,
                                         std::string_view slug) {
    if (!names_story(request, section)) return error_page(request.snapshot, request.site, 404);
    if (request.http.target.param("comment") == "received") {
        CommentFormState received;
        received.notice = FormNotice::Received;
        return article_page(request, request.section(section), std::string(slug), &received, 200,
                            1);
    }
    const auto comments_page = CachedPages::page_number(request.http, comments_param);
    const auto listing = CachedPages::listing_request(request.http);
    if (!comments_page || !listing || listing->from != app::ListingRequest::From::Newest)
        return error_page(request.snapshot, request.site, 404);
    return article_page(request, request.section(section), std::string(slug), nullptr, 200,
                        *comments_page);
}

http::Response ReaderPages::article_redirect(PageRequest& request, std::string_view section,
                                             std::string_view slug) {
    if (!names_story(request, section)) return error_page(request.snapshot, request.site, 404);
    return http::Response::redirect(301,
                                    asked_story_path(request.site, request.section(section), slug));
}

http::Response ReaderPages::article_page(PageRequest& request, const domain::Section* section,
                                         const std::string& slug, const CommentFormState* form,
                                         int status, int comments_page) {
    const domain::Site& site = request.site;
    const auto& snapshot = request.snapshot;
    const std::string asked_path = asked_story_path(site, section, slug);
    // A form the reader posted (not the "received" confirmation) is theirs to keep: a failure
    // shows it back to them, and no redirect takes it away.
    const CommentFormState* posted = form && form->notice != FormNotice::Received ? form : nullptr;
    auto fail = [&](const Error& e) { return failure(snapshot, site, e, posted, asked_path); };
    auto found = reader_.story(site, slug, comments_page);
    if (!found) return fail(found.error());
    if (!*found) return error_page(snapshot, site, 404);
    const domain::Article& a = *(*found)->article;
    request.cache_tags.push_back(page_tag::comments(a.id));
    request.shows(a);
    const std::string path = story_path(site, a);
    // A reader's own form is answered where it was sent: a redirect would lose their text.
    if (path != asked_path && !posted) {
        const std::string query = comments_page > 1 ? std::string("?") + comments_param + "=" +
                                                          std::to_string(comments_page)
                                                    : std::string();
        return http::Response::redirect(301, path + query);
    }
    request.story_read = a.id;
    const auto& related = (*found)->related;
    for (const auto& other : related) request.shows(other);
    const auto& comments = (*found)->comments;
    if (!comments) return fail(comments.error());

    PageView view(site);
    begin_page(view, snapshot, a.section ? NavEntry::section(a.section->slug) : NavEntry::none());
    set_title(view, a.headline, a.standfirst, site.origin() + path);
    const auto published = request.dates().moment(a.first_published_at);
    const auto updated = request.dates().moment(std::max(a.updated_at, a.first_published_at));
    add_open_graph(view, a, *published, *updated);
    add_story_parts(view, request, theme_, (*found)->article, site.origin() + path);
    add_translations(view, snapshot.directory, a, (*found)->translations);
    for (const auto other : (*found)->translation_group) request.shows(other);
    add_comments(view, theme_.catalog, request.dates(), path, *comments);
    // A form the reader already filled in is shown again even if comments closed meanwhile:
    // their text stays theirs.
    if (comments_.intake && (comments->open || posted))
        add_comment_form(view.dict, site, comment_text_, path, a.id, form, *comments_.check);
    if (!related.empty()) {
        auto* r = view.dict.add_section("RELATED");
        int images = eager_card_images;  // below the fold: every image loads lazily
        const auto cards = CardWriter::of(request.snapshot, site, theme_);
        for (const auto& other : related)
            add_card(r->add_section("STORY"), cards, other,
                     {.show_section = true, .slot = ImageSlot::Compact}, images);
    }
    http::Response response = render_page(theme_, view, "article.tpl", status);
    if (form) response.set_header("Cache-Control", "no-store");  // one reader's page
    return response;
}

}  // namespace dateline::site
