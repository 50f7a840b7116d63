// Error pages in the site's language; those that answer a reader's comment keep what they wrote.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "site/comment_form.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

namespace {

constexpr int unavailable_retry_seconds = 5;
// A missing page offers the site's search and this many of its newest stories.
constexpr int not_found_latest_count = 5;

// The theme's strings of each error page: "<prefix>_title" and "<prefix>_text".
std::string strings_prefix(int status) {
    switch (status) {
        case 404:
            return "not_found";
        case 503:
            return "unavailable";
        case 403:
            return "cross_site";
        case 429:
            return "too_many";
        case 413:
            return "too_large";
        case 400:
        case 415:
            return "bad_request";
        default:
            return "server_error";
    }
}

}  // namespace

void ReaderPages::add_ways_on(PageView& view, const SiteSnapshot& snapshot) {
    const domain::Site& site = view.site;
    auto* ways = view.dict.add_section("NOT_FOUND");
    // The stories are a help, not the page: without them the reader still gets the search.
    auto latest = reader_.latest_stories(site, not_found_latest_count);
    if (!latest) {
        spdlog::warn("site {}: the missing page's latest stories: {}", site.slug,
                     latest.error().cause);
        return;
    }
    if (latest->empty()) return;
    auto* list = ways->add_section("LATEST");
    const auto cards = CardWriter::of(snapshot, site, theme_);
    int images = eager_card_images;  // below the message: every image loads lazily
    for (const auto& story : *latest)
        add_card(list->add_section("STORY"), cards, story,
                 {.show_section = true, .slot = ImageSlot::Compact}, images);
}

http::Response ReaderPages::error_page(const SiteSnapshot& snapshot, const domain::Site& site,
                                       int status, const CommentFormState* kept,
                                       const std::string& kept_action, std::int64_t retry_after) {
    PageView view(site);
    begin_page(view, snapshot, NavEntry::none(), status < 500);
    const std::string prefix = strings_prefix(status);
    const std::string title = theme_.catalog.text(site.language, prefix + "_title");
    set_title(view, title, "", "");
    view.dict.set_value("ERROR_TITLE", title);
    const std::int64_t minutes = std::max<std::int64_t>(1, (retry_after + 59) / 60);
    view.dict.set_value(
        "ERROR_TEXT", status == 429
                          ? theme_.catalog.count(site.language, "comment_notice_limited", "minutes",
                                                 minutes, site.arabic_indic_digits)
                          : theme_.catalog.text(site.language, prefix + "_text"));
    if (kept) add_kept_comment(view.dict, kept_action, kept->sent);
    if (status == 404) add_ways_on(view, snapshot);
    http::Response r = render_page(theme_, view, "error.tpl", status);
    r.set_header("Cache-Control", "no-store");
    if (status == 503) r.set_header("Retry-After", std::to_string(unavailable_retry_seconds));
    if (status == 429) r.set_header("Retry-After", std::to_string(retry_after));
    return r;
}

http::Response ReaderPages::failure(const SiteSnapshot& snapshot, const domain::Site& site,
                                    const Error& error, const CommentFormState* kept,
                                    const std::string& kept_action) {
    if (error.code == ErrorCode::NotFound) return error_page(snapshot, site, 404);
    spdlog::error("site {}: {} ({})", site.slug, error.message, error.cause);
    return error_page(snapshot, site, error.code == ErrorCode::Unavailable ? 503 : 500, kept,
                      kept_action);
}

}  // namespace dateline::site
