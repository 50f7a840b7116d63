#include "site/reader_site.hpp"

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template_dictionary.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "core/ip_address.hpp"
#include "domain/paths.hpp"
#include "site/comment_form.hpp"

namespace dateline::site {

using ctemplate::TemplateDictionary;
using domain::Article;
using domain::Site;
using http::Request;
using http::Response;

namespace {

constexpr int max_page = 10000;
constexpr const char* assets_segment = "assets";
constexpr const char* media_segment = "media";
constexpr const char* html_cache_control = "public, max-age=60";
constexpr int eager_images = 3;  // images above the fold load at once, the rest lazily
constexpr int retry_after_seconds = 5;
// The comment form's fields within their largest limits, percent-encoded: far less than this.
constexpr std::size_t max_comment_form_bytes = 64 * 1024;
constexpr const char* comments_param = "comments";

const std::vector<std::string> required_templates = {"home.tpl",
                                                     "listing.tpl",
                                                     "article.tpl",
                                                     "error.tpl",
                                                     "partials/head.tpl",
                                                     "partials/header.tpl",
                                                     "partials/footer.tpl",
                                                     "partials/card.tpl",
                                                     "partials/pagination.tpl",
                                                     "partials/comment-field.tpl"};

std::string upper_key(std::string_view key) {
    std::string out = "T_";
    for (const char c : key) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Where an article is read on its site.
std::string path_of(const Site& site, const Article& a) {
    return domain::article_path(site.path_prefix(), a.section ? a.section->slug : "", a.slug);
}

// The article path a request named (its section may be stale).
std::string requested_path(const Site& site, const domain::Section* section,
                           const std::string& slug) {
    return domain::article_path(site.path_prefix(), section ? section->slug : "", slug);
}

constexpr const char* card_sizes = "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 40vw";
constexpr const char* wide_sizes = "(min-width: 64em) 48rem, 100vw";

// `srcset` for a stored image: its smaller copies, then the image itself.
std::string srcset(const domain::Media& m) {
    std::string out;
    for (const auto& v : domain::media_variants(m.file_name, m.width))
        out += "/media/" + v.file_name + " " + std::to_string(v.width) + "w, ";
    return out + "/media/" + m.file_name + " " + std::to_string(m.width) + "w";
}

void set_image(ctemplate::TemplateDictionary* d, const domain::Media& m, const char* sizes) {
    d->SetValue("IMAGE_URL", "/media/" + m.file_name);
    d->SetValue("IMAGE_SRCSET", srcset(m));
    d->SetValue("IMAGE_SIZES", sizes);
    d->SetIntValue("IMAGE_WIDTH", m.width);
    d->SetIntValue("IMAGE_HEIGHT", m.height);
}

// Blank lines separate paragraphs; other line breaks become spaces.
std::vector<std::string> split_paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    auto flush = [&] {
        if (current.find_first_not_of(" \t\r") != std::string::npos) out.push_back(current);
        current.clear();
    };
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            flush();
        } else {
            if (!current.empty()) current += ' ';
            current += line;
        }
        start = end + 1;
    }
    flush();
    return out;
}

std::string host_of_origin(const std::string& origin) {
    const auto at = origin.find("://");
    return at == std::string::npos ? origin : origin.substr(at + 3);
}

// A Host that names no site by name: an IP address or localhost, with or without a port, or
// none at all (HTTP/1.0). Health checks, load balancers and a node reached directly ask so.
bool addressed_directly(std::string_view host) {
    if (host.empty()) return true;
    if (host.front() == '[') return host.find(']') != std::string_view::npos;  // IPv6 literal
    const auto colon = host.find(':');
    const std::string_view name = host.substr(0, colon);
    return name == "localhost" || canonical_ip(name).has_value();
}

std::optional<int> number_param(const Request& request, const char* name) {
    const auto value = request.target.param(name);
    if (!value) return 1;
    int n = 0;
    const auto* end = value->data() + value->size();
    const auto [ptr, ec] = std::from_chars(value->data(), end, n);
    if (ec != std::errc() || ptr != end || n < 1 || n > max_page) return std::nullopt;
    return n;
}

}  // namespace

Result<Theme> load_theme(const std::filesystem::path& dir) {
    // The article body is the only raw value: the sanitizer made it.
    auto templates = render::TemplateEngine::load(dir / "templates", required_templates, {"BODY"});
    if (!templates) return templates.error();
    auto catalog = render::Catalog::load(dir / "i18n");
    if (!catalog) return catalog.error();
    return Theme{std::move(*templates), std::move(*catalog), dir / "assets"};
}

struct ReaderSite::PageContext {
    const Site& site;
    TemplateDictionary dict{"page"};

    explicit PageContext(const Site& s) : site(s) {}
};

ReaderSite::ReaderSite(app::ReaderService& reader, Theme theme,
                       const std::filesystem::path& media_dir, const CacheOptions& cache,
                       CommentOptions comments)
    : reader_(reader),
      theme_(std::move(theme)),
      assets_(theme_.assets_dir, "public, max-age=3600"),
      media_(media_dir, "public, max-age=31536000, immutable"),
      cache_(cache.max_bytes, cache.fresh_for),
      comments_(std::move(comments)) {}

Result<std::shared_ptr<const ReaderSite::Snapshot>> ReaderSite::make_snapshot(
    app::NetworkDirectory directory) {
    auto snap = std::make_shared<Snapshot>();
    for (const auto& s : directory.sites) {
        auto formatter =
            render::DateFormatter::create(s.language, s.time_zone, s.arabic_indic_digits);
        if (!formatter) {
            Error e = formatter.error();
            e.message = "Site '" + s.slug + "': " + e.message;
            return e;
        }
        snap->formatters.emplace(s.id, std::move(*formatter));
    }
    // Longest path prefix first, so "/en/world/" would win over "/en/".
    std::stable_sort(directory.sites.begin(), directory.sites.end(),
                     [](const Site& a, const Site& b) {
                         return a.path_prefix().size() > b.path_prefix().size();
                     });
    snap->directory = std::move(directory);
    return std::shared_ptr<const Snapshot>(std::move(snap));
}

Result<std::unique_ptr<ReaderSite>> ReaderSite::create(app::ReaderService& reader,
                                                       app::NetworkDirectory directory, Theme theme,
                                                       const std::filesystem::path& media_dir,
                                                       const CacheOptions& cache,
                                                       CommentOptions comments) {
    auto snap = make_snapshot(std::move(directory));
    if (!snap) return snap.error();
    std::unique_ptr<ReaderSite> site(
        new ReaderSite(reader, std::move(theme), media_dir, cache, std::move(comments)));
    site->snapshot_ = std::move(*snap);
    return site;
}

std::shared_ptr<const ReaderSite::Snapshot> ReaderSite::snapshot() const {
    std::lock_guard lock(snapshot_mutex_);
    return snapshot_;
}

Status ReaderSite::refresh() {
    auto directory = reader_.directory();
    if (!directory) return directory.error();  // keep serving what we have
    auto snap = make_snapshot(std::move(*directory));
    if (!snap) return snap.error();
    {
        std::lock_guard lock(snapshot_mutex_);
        snapshot_ = std::move(*snap);
    }
    cache_.clear();
    return success();
}

void ReaderSite::drop_site_pages(domain::Id site) {
    cache_.drop_tagged("site:" + std::to_string(site));
}

void ReaderSite::drop_article_pages(domain::Id article) {
    cache_.drop_tagged("article:" + std::to_string(article));
}

ReaderSite::SiteMatch ReaderSite::match_site(const Snapshot& snap, const Request& request) const {
    const auto& segments = request.target.segments;
    auto prefix_matches = [&](const Site& s, std::size_t& n) {
        const std::string prefix = s.path_prefix();
        std::vector<std::string> parts;
        std::size_t start = 1;
        while (start < prefix.size()) {
            const auto slash = prefix.find('/', start);
            parts.push_back(prefix.substr(start, slash - start));
            start = slash + 1;
        }
        if (parts.size() > segments.size()) return false;
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (parts[i] != segments[i]) return false;
        n = parts.size();
        return true;
    };
    const bool known_host =
        std::any_of(snap.directory.sites.begin(), snap.directory.sites.end(),
                    [&](const Site& s) { return host_of_origin(s.origin()) == request.host; });
    // Every name a site is reached by is in its base URL: any other name would only let a
    // client multiply the pages kept for it.
    if (!known_host && !addressed_directly(request.host)) return {.misdirected = true};
    for (const auto& s : snap.directory.sites) {
        if (known_host && host_of_origin(s.origin()) != request.host) continue;
        std::size_t n = 0;
        if (prefix_matches(s, n)) return {.site = &s, .consumed = n};
    }
    return {};
}

namespace {

// The key a page is cached under: the site and the canonical path below its prefix, with the
// page numbers read as numbers, so that no spelling of a URL renders it again. Listing pages
// take ?page=N and articles ?comments=N; any other query would only let a client fill the cache.
std::optional<std::string> cache_key(const Request& request, const Site& site,
                                     std::size_t consumed) {
    if (request.method != http::Method::Get && request.method != http::Method::Head) return {};
    const auto& segments = request.target.segments;
    for (const auto& [name, value] : request.target.query)
        if ((name != "page" && name != comments_param) || request.target.query.count(name) > 1)
            return {};
    const auto page = number_param(request, "page");
    const auto comments = number_param(request, comments_param);
    if (!page || !comments) return {};
    std::string key = std::to_string(site.id) + " ";
    for (std::size_t i = consumed; i < segments.size(); ++i) key += "/" + segments[i];
    if (request.target.trailing_slash) key += "/";
    return key + " " + std::to_string(*page) + " " + std::to_string(*comments);
}

bool names_static(const Request& request) {
    const auto& segments = request.target.segments;
    return !segments.empty() && (segments[0] == assets_segment || segments[0] == media_segment ||
                                 segments[0] == "healthz" || segments[0] == comment_check_segment);
}

Response misdirected() {
    return Response::text(421, "Misdirected request: no site here has that host name.\n");
}

Response from_cache(const cache::CachedPage& page, const Request& request, const char* state) {
    Response r;
    r.status = page.status;
    r.headers = page.headers;
    r.set_header("X-Dateline-Cache", state);
    if (request.header("if-none-match") == page.etag) {
        r.status = 304;
        return r;
    }
    r.body = page.body;
    return r;
}

}  // namespace

std::optional<Response> ReaderSite::handle_fast(const Request& request) {
    const auto snap = snapshot();
    const auto& segments = request.target.segments;
    const bool read = request.method == http::Method::Get || request.method == http::Method::Head;
    if (read && segments.size() == 1 && segments[0] == "healthz" && !request.target.trailing_slash)
        return Response::text(200, "ok\n");
    if (read && !segments.empty() &&
        (segments[0] == assets_segment || segments[0] == media_segment)) {
        auto& files = segments[0] == assets_segment ? assets_ : media_;
        if (auto file = files.serve(request, {segments.begin() + 1, segments.end()})) return file;
        return std::nullopt;  // the site's 404 page
    }
    if (names_static(request)) return std::nullopt;
    const SiteMatch match = match_site(*snap, request);
    if (match.misdirected) return misdirected();
    if (!match.site) return std::nullopt;
    const auto key = cache_key(request, *match.site, match.consumed);
    if (!key) return std::nullopt;
    const auto cached = cache_.get(*key);
    if (cached.page && cached.fresh) return from_cache(*cached.page, request, "hit");
    return std::nullopt;
}

Response ReaderSite::handle(const Request& request) {
    const auto snap = snapshot();
    const SiteMatch match = names_static(request) ? SiteMatch{} : match_site(*snap, request);
    const auto key = match.site ? cache_key(request, *match.site, match.consumed) : std::nullopt;
    cache::Lookup cached;
    if (key) {
        cached = cache_.get(*key);
        if (cached.page && cached.fresh) return from_cache(*cached.page, request, "hit");
    }
    const auto generation = cache_.generation();
    std::vector<std::string> tags;
    Response response = route(*snap, request, match, tags);
    if (!key) return response;
    // A stale page is better than an error while the database cannot render a fresh one.
    if (response.status == 503 && cached.page) return from_cache(*cached.page, request, "stale");
    if (response.status != 200) return response;
    if (response.header("Cache-Control").empty())
        response.set_header("Cache-Control", html_cache_control);
    auto page = std::make_shared<cache::CachedPage>();
    page->status = response.status;
    page->etag = cache::etag_for(response.body);
    page->headers = std::move(response.headers);
    page->headers.emplace_back("ETag", page->etag);
    page->body = std::move(response.body);
    cache_.put(*key, page, generation, std::move(tags));
    return from_cache(*page, request, "miss");
}

namespace {

Response method_not_allowed(const char* allow) {
    Response r = Response::text(405, "Method not allowed\n");
    r.set_header("Allow", allow);
    return r;
}

}  // namespace

Response ReaderSite::route(const Snapshot& snap, const Request& request, const SiteMatch& match,
                           std::vector<std::string>& tags) {
    const auto& segments = request.target.segments;
    const bool read = request.method == http::Method::Get || request.method == http::Method::Head;
    if (!read && request.method != http::Method::Post) return method_not_allowed("GET, HEAD");
    const bool single = segments.size() == 1 && !request.target.trailing_slash;
    if (single && segments[0] == "healthz")
        return read ? Response::text(200, "ok\n") : method_not_allowed("GET, HEAD");
    if (single && segments[0] == comment_check_segment && comments_.check)
        return read ? comment_check(request) : method_not_allowed("GET, HEAD");
    if (!segments.empty() && (segments[0] == assets_segment || segments[0] == media_segment)) {
        if (!read) return method_not_allowed("GET, HEAD");
        auto& files = segments[0] == assets_segment ? assets_ : media_;
        if (auto file = files.serve(request, {segments.begin() + 1, segments.end()})) return *file;
    }
    if (match.misdirected) return misdirected();
    const Site* site = match.site;
    const std::size_t consumed = match.consumed;
    if (!site) {
        const Site* fallback =
            snap.directory.site_by_slug(snap.directory.network.default_site_slug);
        if (!fallback && !snap.directory.sites.empty()) fallback = &snap.directory.sites.back();
        if (segments.empty() && fallback) return Response::redirect(302, fallback->path_prefix());
        if (fallback) return error_page(snap, *fallback, 404);
        return Response::text(404, "Not found\n");
    }
    if (consumed == segments.size() && !request.target.trailing_slash)
        return read ? Response::redirect(301, site->path_prefix())
                    : method_not_allowed("GET, HEAD");
    try {
        tags.push_back("site:" + std::to_string(site->id));
        return site_page(snap, request, *site, std::span(segments).subspan(consumed), tags);
    } catch (const std::exception& e) {
        spdlog::error("{} failed: {}", request.raw_target, e.what());
        return error_page(snap, *site, 500);
    }
}

Response ReaderSite::site_page(const Snapshot& snap, const Request& request, const Site& site,
                               std::span<const std::string> rest, std::vector<std::string>& tags) {
    const bool slash = request.target.trailing_slash;
    const auto& sections = snap.directory.sections_of(site);
    const domain::Section* section = nullptr;
    for (const auto& s : sections)
        if (!rest.empty() && s.slug == rest[0]) section = &s;
    const bool article_path =
        rest.size() == 2 && !slash && (section || rest[0] == domain::sectionless_segment);
    if (request.method == http::Method::Post) {
        if (article_path && comments_.intake && comments_.check)
            return post_comment(snap, request, site, section, rest[1]);
        return method_not_allowed("GET, HEAD");
    }
    const auto page = number_param(request, "page");
    if (!page) return error_page(snap, site, 404);
    if (rest.empty()) return *page == 1 ? home(snap, site) : error_page(snap, site, 404);
    if (rest.size() == 1 && section) {
        if (!slash)
            return Response::redirect(301, domain::section_path(site.path_prefix(), section->slug));
        return this->section(snap, site, *section, *page);
    }
    if (rest.size() == 2 && !slash && rest[0] == domain::tags_segment && !section)
        return Response::redirect(301, domain::tag_path(site.path_prefix(), rest[1]));
    if (rest.size() == 2 && slash && rest[0] == domain::tags_segment)
        return tag(snap, site, rest[1], *page);
    if (rest.size() == 2 && (section || rest[0] == domain::sectionless_segment)) {
        if (slash)
            return Response::redirect(301,
                                      domain::article_path(site.path_prefix(), rest[0], rest[1]));
        if (request.target.param("comment") == "received") {
            CommentFormState received;
            received.notice = FormNotice::Received;
            return article(snap, site, section, rest[1], &received);
        }
        const auto comments_page = number_param(request, comments_param);
        if (!comments_page) return error_page(snap, site, 404);
        return article(snap, site, section, rest[1], nullptr, 200, *comments_page, &tags);
    }
    return error_page(snap, site, 404);
}

namespace {

void set_global(TemplateDictionary& d, const char* name, const std::string& value) {
    d.SetTemplateGlobalValue(name, value);
}

void add_card(TemplateDictionary* parent, const Site& site, const Article& a,
              const render::DateFormatter& dates, bool heading2, bool show_section,
              bool show_standfirst, bool lead, int& image_count) {
    TemplateDictionary* card = parent->AddIncludeDictionary("CARD");
    card->SetFilename("partials/card.tpl");
    const std::string prefix = site.path_prefix();
    card->SetValue("URL", path_of(site, a));
    card->SetValue("HEADLINE", a.headline);
    card->ShowSection(heading2 ? "H2" : "H3");
    if (lead) card->ShowSection("LEAD");
    const auto when = dates.format(a.first_published_at);
    card->SetValue("DATE_ISO", when.iso);
    card->SetValue("DATE_SHORT", when.short_date);
    if (show_section && a.section) {
        auto* s = card->AddSectionDictionary("SECTION");
        s->SetValue("SECTION_URL", domain::section_path(prefix, a.section->slug));
        s->SetValue("SECTION_NAME", a.section->name);
    }
    if (show_standfirst && !a.standfirst.empty())
        card->SetValueAndShowSection("STANDFIRST_TEXT", a.standfirst, "STANDFIRST");
    if (a.lead_image) {
        auto* img = card->AddSectionDictionary("IMAGE");
        set_image(img, *a.lead_image, lead ? wide_sizes : card_sizes);
        img->SetValue("IMAGE_LOADING", image_count++ < eager_images ? "eager" : "lazy");
    }
}

}  // namespace

Response ReaderSite::render(const PageContext& page, const std::string& template_name, int status) {
    std::string out;
    if (!theme_.templates->expand(template_name, page.dict, out)) {
        spdlog::error("template {} could not be expanded", template_name);
        return Response::text(500, "Internal server error\n");
    }
    Response r = Response::html(status, std::move(out));
    r.set_header("Content-Language", page.site.language);
    return r;
}

namespace {

/// Fills what every page shares: language, direction, strings, masthead, navigation, footer.
void setup_page(TemplateDictionary& d, const Site& site, const app::NetworkDirectory& directory,
                const render::Catalog& catalog, std::string_view current_section, UnixTime now) {
    for (const auto& [key, text] : catalog.strings(site.language))
        d.SetTemplateGlobalValue(upper_key(key), text);
    set_global(d, "LANG", site.language);
    set_global(d, "DIR", site.direction == domain::TextDirection::Rtl ? "rtl" : "ltr");
    set_global(d, "SITE_NAME", site.name);
    set_global(d, "SITE_TAGLINE", site.tagline);
    set_global(d, "HOME_PATH", site.path_prefix());
    set_global(d, "ASSETS_PATH", "/assets/");
    set_global(d, "NETWORK_NAME", directory.network.name);
    set_global(d, "YEAR",
               render::format_integer(std::stoi(format_utc_iso8601(now).substr(0, 4)),
                                      site.arabic_indic_digits));

    auto* head = d.AddIncludeDictionary("HEAD");
    head->SetFilename("partials/head.tpl");
    auto* header = d.AddIncludeDictionary("HEADER");
    header->SetFilename("partials/header.tpl");
    auto* footer = d.AddIncludeDictionary("FOOTER");
    footer->SetFilename("partials/footer.tpl");

    if (!site.tagline.empty()) header->ShowSection("TAGLINE");
    if (current_section.empty()) header->ShowSection("HOME_CURRENT");
    for (const auto& section : directory.sections_of(site)) {
        auto* nav = header->AddSectionDictionary("NAV");
        nav->SetValue("NAV_URL", domain::section_path(site.path_prefix(), section.slug));
        nav->SetValue("NAV_NAME", section.name);
        if (section.slug == current_section) nav->ShowSection("NAV_CURRENT");
    }
    for (auto* part : {header, footer}) {
        TemplateDictionary* list = nullptr;
        for (const auto& sister : directory.sites) {
            if (sister.id == site.id) continue;
            if (!list) list = part->AddSectionDictionary("SISTER_SITES");
            auto* item = list->AddSectionDictionary("SISTER");
            item->SetValue("SISTER_URL", sister.base_url);
            item->SetValue("SISTER_NAME", sister.name);
            item->SetValue("SISTER_LANG", sister.language);
            item->SetValue("SISTER_DIR",
                           sister.direction == domain::TextDirection::Rtl ? "rtl" : "ltr");
        }
    }
    if (!site.social_links.empty()) {
        auto* social = footer->AddSectionDictionary("SOCIAL_LINKS");
        for (const auto& link : site.social_links) {
            auto* item = social->AddSectionDictionary("SOCIAL");
            item->SetValue("SOCIAL_URL", link.url);
            const std::string label = catalog.text(site.language, "social_" + link.network);
            item->SetValue("SOCIAL_NAME", label.rfind("social_", 0) == 0 ? link.network : label);
        }
    }
    if (!site.footer_credit.empty())
        footer->SetValueAndShowSection("FOOTER_CREDIT_TEXT", site.footer_credit, "FOOTER_CREDIT");
    if (!site.publisher_address.empty())
        footer->SetValueAndShowSection("PUBLISHER_ADDRESS", site.publisher_address, "ADDRESS");
}

void set_title(TemplateDictionary& d, const Site& site, const std::string& title,
               const std::string& description, const std::string& canonical) {
    set_global(d, "PAGE_TITLE", title.empty() ? site.name : title + " | " + site.name);
    if (!description.empty()) {
        set_global(d, "PAGE_DESCRIPTION", description);
        d.ShowTemplateGlobalSection("DESCRIPTION");
    }
    if (!canonical.empty()) {
        set_global(d, "CANONICAL_URL", canonical);
        d.ShowTemplateGlobalSection("CANONICAL");
    }
}

std::string listing_url(const std::string& path, int page) {
    return page <= 1 ? path : path + "?page=" + std::to_string(page);
}

void add_pagination(TemplateDictionary& d, const Site& site, const render::Catalog& catalog,
                    const std::string& path, int page, int page_count) {
    auto* nav = d.AddIncludeDictionary("PAGINATION");
    nav->SetFilename("partials/pagination.tpl");
    const std::string status =
        catalog.format(site.language, "page_status",
                       {{"page", render::format_integer(page, site.arabic_indic_digits)},
                        {"count", render::format_integer(page_count, site.arabic_indic_digits)}});
    nav->SetValue("PAGE_STATUS", status);
    if (page > 1) {
        nav->SetValueAndShowSection("PREV_URL", listing_url(path, page - 1), "PREV");
        d.SetTemplateGlobalValue("PREV_URL", listing_url(path, page - 1));
        d.ShowTemplateGlobalSection("PAGINATION_LINKS");
        d.ShowTemplateGlobalSection("PREV");
    }
    if (page < page_count) {
        nav->SetValueAndShowSection("NEXT_URL", listing_url(path, page + 1), "NEXT");
        d.SetTemplateGlobalValue("NEXT_URL", listing_url(path, page + 1));
        d.ShowTemplateGlobalSection("PAGINATION_LINKS");
        d.ShowTemplateGlobalSection("NEXT");
    }
}

std::string origin_path(const Site& site, const std::string& path) {
    return site.origin() + path;
}

// Newer and older pages of the comments under a story (page 1 holds the newest).
void add_comment_pages(TemplateDictionary& block, const Site& site, const render::Catalog& catalog,
                       const std::string& path, const app::ArticleComments& comments) {
    auto url = [&](int page) {
        return (page <= 1 ? path : path + "?" + comments_param + "=" + std::to_string(page)) +
               "#comments-heading";
    };
    auto* nav = block.AddSectionDictionary("COMMENT_PAGES");
    nav->SetValue(
        "COMMENT_PAGE_STATUS",
        catalog.format(
            site.language, "page_status",
            {{"page", render::format_integer(comments.page, site.arabic_indic_digits)},
             {"count", render::format_integer(comments.page_count, site.arabic_indic_digits)}}));
    if (comments.page > 1)
        nav->SetValueAndShowSection("NEWER_COMMENTS_URL", url(comments.page - 1), "NEWER_COMMENTS");
    if (comments.page < comments.page_count)
        nav->SetValueAndShowSection("OLDER_COMMENTS_URL", url(comments.page + 1), "OLDER_COMMENTS");
}

}  // namespace

void ReaderSite::setup(PageContext& ctx, const Snapshot& snap, std::string_view current_section) {
    setup_page(ctx.dict, ctx.site, snap.directory, theme_.catalog, current_section, reader_.now());
}

Response ReaderSite::home(const Snapshot& snap, const Site& site) {
    auto front = reader_.front_page(snap.directory, site);
    if (!front) return failure(snap, site, front.error());
    PageContext ctx(site);
    setup(ctx, snap, "");
    auto& d = ctx.dict;
    const auto& dates = snap.formatters.at(site.id);
    set_title(d, site, "", site.tagline, site.base_url);
    int images = 0;
    if (front->latest.empty()) d.ShowSection("EMPTY");
    TemplateDictionary* latest = nullptr;
    for (std::size_t i = 0; i < front->latest.size(); ++i) {
        if (i == 0) {
            auto* lead = d.AddSectionDictionary("LEAD_STORY");
            add_card(lead, site, front->latest[0], dates, true, true, true, true, images);
            continue;
        }
        if (!latest) latest = d.AddSectionDictionary("LATEST");
        add_card(latest->AddSectionDictionary("STORY"), site, front->latest[i], dates, false, true,
                 false, false, images);
    }
    for (const auto& block : front->sections) {
        auto* b = d.AddSectionDictionary("SECTION_BLOCK");
        b->SetValue("BLOCK_SLUG", block.section.slug);
        b->SetValue("BLOCK_NAME", block.section.name);
        b->SetValue("BLOCK_URL", domain::section_path(site.path_prefix(), block.section.slug));
        for (const auto& a : block.articles)
            add_card(b->AddSectionDictionary("STORY"), site, a, dates, false, false, false, false,
                     images);
    }
    return render(ctx, "home.tpl", 200);
}

Response ReaderSite::listing(const Snapshot& snap, const Site& site, const std::string& kind,
                             const std::string& title, const std::string& path,
                             std::string_view current_section, const app::ArticlePage& page) {
    PageContext ctx(site);
    setup(ctx, snap, current_section);
    auto& d = ctx.dict;
    const auto& dates = snap.formatters.at(site.id);
    std::string page_title = title;
    if (page.page > 1)
        page_title +=
            " (" +
            theme_.catalog.format(
                site.language, "page_status",
                {{"page", render::format_integer(page.page, site.arabic_indic_digits)},
                 {"count", render::format_integer(page.page_count, site.arabic_indic_digits)}}) +
            ")";
    set_title(d, site, page_title, "", origin_path(site, listing_url(path, page.page)));
    d.SetValue("LISTING_KIND", kind);
    d.SetValue("LISTING_TITLE", title);
    int images = 0;
    if (page.articles.empty()) d.ShowSection("EMPTY");
    TemplateDictionary* stories =
        page.articles.empty() ? nullptr : d.AddSectionDictionary("STORIES");
    for (const auto& a : page.articles)
        add_card(stories->AddSectionDictionary("STORY"), site, a, dates, true,
                 current_section.empty(), true, false, images);
    add_pagination(d, site, theme_.catalog, path, page.page, page.page_count);
    return render(ctx, "listing.tpl", 200);
}

Response ReaderSite::section(const Snapshot& snap, const Site& site, const domain::Section& section,
                             int page) {
    auto result = reader_.section_page(section, page);
    if (!result) return failure(snap, site, result.error());
    return listing(snap, site, theme_.catalog.text(site.language, "section"), section.name,
                   domain::section_path(site.path_prefix(), section.slug), section.slug, *result);
}

Response ReaderSite::tag(const Snapshot& snap, const Site& site, const std::string& slug,
                         int page) {
    auto found = reader_.tag(site, slug);
    if (!found) return failure(snap, site, found.error());
    if (!*found) return error_page(snap, site, 404);
    auto result = reader_.tag_page(**found, page);
    if (!result) return failure(snap, site, result.error());
    return listing(snap, site, theme_.catalog.text(site.language, "tag"), (*found)->name,
                   domain::tag_path(site.path_prefix(), slug), "", *result);
}

Response ReaderSite::article(const Snapshot& snap, const Site& site, const domain::Section* section,
                             const std::string& slug, const CommentFormState* form, int status,
                             int comments_page, std::vector<std::string>* cache_tags) {
    const std::string asked_path = requested_path(site, section, slug);
    // A form the reader posted (not the "received" confirmation) is theirs to keep: a failure
    // shows it back to them, and no redirect takes it away.
    const CommentFormState* posted = form && form->notice != FormNotice::Received ? form : nullptr;
    auto fail = [&](const Error& e) { return failure(snap, site, e, posted, asked_path); };
    auto found = reader_.article(site, slug);
    if (!found) return fail(found.error());
    if (!*found) return error_page(snap, site, 404);
    const Article& a = **found;
    if (cache_tags) cache_tags->push_back("article:" + std::to_string(a.id));
    const std::string path = path_of(site, a);
    // A reader's own form is answered where it was sent: a redirect would lose their text.
    if (path != asked_path && !posted) {
        const std::string query =
            comments_page > 1 ? "?comments=" + std::to_string(comments_page) : std::string();
        return Response::redirect(301, path + query);
    }
    auto related = reader_.related(a);
    if (!related) return fail(related.error());

    PageContext ctx(site);
    setup(ctx, snap, a.section ? a.section->slug : "");
    auto& d = ctx.dict;
    const auto& dates = snap.formatters.at(site.id);
    const std::string canonical = origin_path(site, path);
    set_title(d, site, a.headline, a.standfirst, canonical);
    d.ShowTemplateGlobalSection("OPEN_GRAPH");
    set_global(d, "OG_TYPE", "article");
    set_global(d, "OG_TITLE", a.headline);
    const auto published = dates.format(a.first_published_at);
    const auto updated = dates.format(std::max(a.updated_at, a.first_published_at));
    set_global(d, "OG_PUBLISHED", published.iso);
    set_global(d, "OG_MODIFIED", updated.iso);
    d.ShowTemplateGlobalSection("OG_ARTICLE");
    if (a.lead_image) {
        set_global(d, "OG_IMAGE_URL", site.origin() + "/media/" + a.lead_image->file_name);
        d.ShowTemplateGlobalSection("OG_IMAGE");
    }

    d.SetValue("HEADLINE", a.headline);
    if (a.section) {
        auto* s = d.AddSectionDictionary("SECTION");
        s->SetValue("SECTION_URL", domain::section_path(site.path_prefix(), a.section->slug));
        s->SetValue("SECTION_NAME", a.section->name);
    }
    if (!a.standfirst.empty())
        d.SetValueAndShowSection("STANDFIRST_TEXT", a.standfirst, "STANDFIRST");
    if (!a.authors.empty()) {
        auto* byline = d.AddSectionDictionary("BYLINE");
        for (std::size_t i = 0; i < a.authors.size(); ++i) {
            auto* author = byline->AddSectionDictionary("AUTHOR");
            author->SetValue("AUTHOR_NAME", a.authors[i].name);
            if (i + 1 < a.authors.size()) author->ShowSection("AUTHOR_SEPARATOR");
        }
    }
    d.SetValue("PUBLISHED_ISO", published.iso);
    d.SetValue("PUBLISHED_DATE", published.date);
    d.SetValue("PUBLISHED_TIME", published.time);
    if (a.was_updated()) {
        auto* u = d.AddSectionDictionary("UPDATED");
        u->SetValue("UPDATED_ISO", updated.iso);
        u->SetValue("UPDATED_DATE", updated.date);
        u->SetValue("UPDATED_TIME", updated.time);
    }
    if (a.lead_image) {
        auto* fig = d.AddSectionDictionary("FIGURE");
        set_image(fig, *a.lead_image, wide_sizes);
        fig->SetValue("IMAGE_ALT", a.lead_caption.empty() ? a.headline : a.lead_caption);
        if (!a.lead_caption.empty())
            fig->SetValueAndShowSection("CAPTION_TEXT", a.lead_caption, "CAPTION");
        if (!a.lead_credit.empty())
            fig->SetValueAndShowSection("CREDIT_TEXT", a.lead_credit, "CREDIT");
    }
    if (!a.dateline.empty()) d.SetValueAndShowSection("DATELINE_TEXT", a.dateline, "DATELINE");
    d.SetValue("BODY", a.body_html);
    if (!a.source_credit.empty())
        d.SetValueAndShowSection("SOURCE_TEXT", a.source_credit, "SOURCE");
    if (!a.tags.empty()) {
        auto* tags = d.AddSectionDictionary("TAGS");
        for (const auto& t : a.tags) {
            auto* item = tags->AddSectionDictionary("TAG");
            item->SetValue("TAG_NAME", t.name);
            item->SetValue("TAG_URL", domain::tag_path(site.path_prefix(), t.slug));
        }
    }
    auto comments = reader_.comments(site, a, comments_page);
    if (!comments) return fail(comments.error());
    if (comments->count > 0) {
        auto* block = d.AddSectionDictionary("COMMENTS");
        block->SetValue(
            "COMMENTS_HEADING",
            theme_.catalog.format(
                site.language, "comments_heading",
                {{"count", render::format_integer(comments->count, site.arabic_indic_digits)}}));
        for (const auto& c : comments->approved) {
            auto* item = block->AddSectionDictionary("COMMENT");
            item->SetIntValue("COMMENT_ID", static_cast<long>(c.id));
            item->SetValue("COMMENT_TITLE", c.title);
            item->SetValue("COMMENT_AUTHOR", c.author_name);
            const auto when = dates.format(c.created_at);
            item->SetValue("COMMENT_ISO", when.iso);
            item->SetValue(
                "COMMENT_DATE",
                when.date + theme_.catalog.text(site.language, "date_time_separator") + when.time);
            // Paragraphs as the reader typed them; every character escaped by the template.
            for (const auto& paragraph : split_paragraphs(c.body))
                item->AddSectionDictionary("PARAGRAPH")->SetValue("PARAGRAPH_TEXT", paragraph);
        }
        if (comments->page_count > 1)
            add_comment_pages(*block, site, theme_.catalog, path, *comments);
    }
    // A form the reader already filled in is shown again even if comments closed meanwhile:
    // their text stays theirs.
    if (comments_.intake && (comments->open || (form && form->notice != FormNotice::Received)))
        add_comment_form(d, site, theme_.catalog, path, a.id, form, *comments_.check);
    if (!related->empty()) {
        auto* r = d.AddSectionDictionary("RELATED");
        int images = eager_images;  // below the fold: every related image loads lazily
        for (const auto& other : *related)
            add_card(r->AddSectionDictionary("STORY"), site, other, dates, false, true, false,
                     false, images);
    }
    Response response = render(ctx, "article.tpl", status);
    if (form) response.set_header("Cache-Control", "no-store");  // one reader's page
    return response;
}

Response ReaderSite::post_comment(const Snapshot& snap, const Request& request, const Site& site,
                                  const domain::Section* section, const std::string& slug) {
    // The cheapest refusals first: none of them reads the database or renders a story.
    if (cross_site(request, site.origin())) return error_page(snap, site, 403);
    if (!form_encoded(request)) return error_page(snap, site, 415);
    if (request.body.size() > max_comment_form_bytes) return error_page(snap, site, 413);
    const auto fields = http::parse_form(request.body);
    if (!fields) return error_page(snap, site, 400);
    CommentFormState state;
    state.sent = read_comment_form(*fields);
    state.ask_question = state.sent.solution.empty() && !fields->contains("resume");
    const std::string asked_path = requested_path(site, section, slug);
    // "Send it again" from an error page that kept the comment: the form, filled in, to check
    // and send (with a fresh security check).
    if (fields->contains("resume")) return article(snap, site, section, slug, &state, 200);

    auto found = reader_.article(site, slug);
    if (!found) return failure(snap, site, found.error(), &state, asked_path);
    if (!*found) return error_page(snap, site, 404, &state, asked_path);  // withdrawn meanwhile
    const Article& a = **found;
    const std::string path = path_of(site, a);
    auto taken = comments_.intake->take(site, a, state.sent,
                                        http::client_address(request, comments_.trusted_proxies));
    if (!taken) return failure(snap, site, taken.error(), &state, path);
    using Outcome = app::IntakeResult::Outcome;
    switch (taken->outcome) {
        case Outcome::Received: {
            // Post/redirect/get: reloading the confirmation does not send the comment again.
            Response r = Response::redirect(303, path + "?comment=received#comment-form");
            r.set_header("Cache-Control", "no-store");
            return r;
        }
        case Outcome::Invalid:
            state.errors = std::move(taken->errors);
            state.started_note = std::move(taken->started_note);
            return article(snap, site, section, slug, &state, 422);
        case Outcome::Limited:
            // The error page, which reads nothing from the database, keeps the text: a flood
            // of refused posts costs no story render.
            return error_page(snap, site, 429, &state, path,
                              std::max<std::int64_t>(1, taken->retry_after_seconds));
        case Outcome::Closed:
            state.notice = FormNotice::Closed;
            return article(snap, site, section, slug, &state, 403);
    }
    return error_page(snap, site, 500);
}

Response ReaderSite::comment_check(const Request& request) {
    const auto article = request.target.param(comment_check_article_param);
    domain::Id article_id = 0;
    if (!article ||
        std::from_chars(article->data(), article->data() + article->size(), article_id).ptr !=
            article->data() + article->size() ||
        article_id <= 0) {
        Response r = Response::text(400, "Name the story: /comment-check?article=ID\n");
        r.set_header("Cache-Control", "no-store");
        return r;
    }
    // Per address, then per network: a client with a whole IPv6 /64 has one budget, not 2^64.
    const std::string address = http::client_address(request, comments_.trusted_proxies);
    for (const auto& [limits, key] :
         {std::pair{comments_.challenge_limits, address},
          std::pair{comments_.challenge_network_limits, ip_network(address)}}) {
        if (!limits) continue;
        const auto decision = limits->hit(key);
        if (decision.allowed) continue;
        Response r = Response::text(429, "Too many security checks; try again later.\n");
        r.set_header("Retry-After",
                     std::to_string(std::max<std::int64_t>(1, decision.retry_after_seconds)));
        r.set_header("Cache-Control", "no-store");
        return r;
    }
    Response r;
    r.body = comments_.check->challenge_json(app::comment_check_context(article_id));
    r.set_header("Content-Type", "application/json");
    r.set_header("Cache-Control", "no-store");
    return r;
}

Response ReaderSite::failure(const Snapshot& snap, const Site& site, const Error& error,
                             const CommentFormState* kept, const std::string& kept_action) {
    if (error.code == ErrorCode::NotFound) return error_page(snap, site, 404);
    spdlog::error("site {}: {} ({})", site.slug, error.message, error.cause);
    return error_page(snap, site, error.code == ErrorCode::Unavailable ? 503 : 500, kept,
                      kept_action);
}

Response ReaderSite::error_page(const Snapshot& snap, const Site& site, int status,
                                const CommentFormState* kept, const std::string& kept_action,
                                std::int64_t retry_after) {
    PageContext ctx(site);
    setup(ctx, snap, "");
    // The strings of each error page: "<prefix>_title" and "<prefix>_text" in the theme.
    const std::string prefix = status == 404                    ? "not_found"
                               : status == 503                  ? "unavailable"
                               : status == 403                  ? "cross_site"
                               : status == 429                  ? "too_many"
                               : status == 413                  ? "too_large"
                               : status == 400 || status == 415 ? "bad_request"
                                                                : "server_error";
    const std::string title = theme_.catalog.text(site.language, prefix + "_title");
    set_title(ctx.dict, site, title, "", "");
    ctx.dict.SetValue("ERROR_TITLE", title);
    const std::int64_t minutes = std::max<std::int64_t>(1, (retry_after + 59) / 60);
    ctx.dict.SetValue("ERROR_TEXT",
                      status == 429
                          ? theme_.catalog.count(site.language, "comment_notice_limited", "minutes",
                                                 minutes, site.arabic_indic_digits)
                          : theme_.catalog.text(site.language, prefix + "_text"));
    if (kept) add_kept_comment(ctx.dict, kept_action, kept->sent);
    Response r = render(ctx, "error.tpl", status);
    r.set_header("Cache-Control", "no-store");
    if (status == 503) r.set_header("Retry-After", std::to_string(retry_after_seconds));
    if (status == 429) r.set_header("Retry-After", std::to_string(retry_after));
    return r;
}

}  // namespace dateline::site
