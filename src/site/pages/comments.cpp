// Taking a reader's comment (a POST to the story's URL), and the security-check challenges the
// form's widget fetches.
#include <algorithm>
#include <charconv>

#include "core/ip_address.hpp"
#include "domain/paths.hpp"
#include "http/browser_state.hpp"
#include "site/comment_form.hpp"
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

namespace {

// The comment form's fields within their largest limits, percent-encoded: far less than this.
constexpr std::size_t max_comment_form_bytes = 64 * 1024;

http::Response uncached_text(int status, std::string text) {
    http::Response r = http::Response::text(status, std::move(text));
    r.set_header("Cache-Control", "no-store");
    return r;
}

}  // namespace

http::Response ReaderPages::comment_create(PageRequest& request, std::string_view section_slug,
                                           std::string_view slug_view) {
    const domain::Site& site = request.site;
    const auto& snapshot = request.snapshot;
    const domain::Section* section = request.section(section_slug);
    if (!takes_comments() || (!section && section_slug != domain::sectionless_segment)) {
        http::Response r = http::Response::text(405, "Method not allowed\n");
        r.set_header("Allow", "GET, HEAD");
        return r;
    }
    // The cheapest refusals first: none of them reads the database or renders a story.
    const http::Request& http = request.http;
    if (http::cross_site(http, site.origin())) return error_page(snapshot, site, 403);
    if (!http::form_encoded(http)) return error_page(snapshot, site, 415);
    if (http.body.size() > max_comment_form_bytes) return error_page(snapshot, site, 413);
    const auto fields = http::parse_form(http.body);
    if (!fields) return error_page(snapshot, site, 400);
    const std::string slug(slug_view);
    CommentFormState state;
    state.sent = read_comment_form(*fields);
    state.ask_question = state.sent.solution.empty() && !fields->contains("resume");
    const std::string asked_path = asked_story_path(site, section, slug);
    // "Send it again" from an error page that kept the comment: the form, filled in, to check
    // and send (with a fresh security check).
    if (fields->contains("resume")) return article_page(request, section, slug, &state, 200, 1);

    auto found = reader_.article(site, slug);
    if (!found) return failure(snapshot, site, found.error(), &state, asked_path);
    if (!*found) return error_page(snapshot, site, 404, &state, asked_path);  // withdrawn meanwhile
    const domain::Article& a = **found;
    const std::string path = story_path(site, a);
    auto taken = comments_.intake->take(site, a, state.sent,
                                        http::client_address(http, comments_.trusted_proxies));
    if (!taken) return failure(snapshot, site, taken.error(), &state, path);
    using Outcome = app::IntakeResult::Outcome;
    switch (taken->outcome) {
        case Outcome::Received: {
            // Post/redirect/get: reloading the confirmation does not send the comment again.
            http::Response r =
                http::Response::redirect(303, path + "?comment=received#comment-form");
            r.set_header("Cache-Control", "no-store");
            return r;
        }
        case Outcome::Invalid:
            state.errors = std::move(taken->errors);
            state.started_note = std::move(taken->started_note);
            return article_page(request, section, slug, &state, 422, 1);
        case Outcome::Limited:
            // The error page, which reads nothing from the database, keeps the text: a flood
            // of refused posts costs no story render.
            return error_page(snapshot, site, 429, &state, path,
                              std::max<std::int64_t>(1, taken->retry_after_seconds));
        case Outcome::Closed:
            state.notice = FormNotice::Closed;
            return article_page(request, section, slug, &state, 403, 1);
    }
    return error_page(snapshot, site, 500);
}

http::Response ReaderPages::comment_check_show(const http::Request& request) {
    const auto article = request.target.param(comment_check_article_param);
    domain::Id article_id = 0;
    if (!article ||
        std::from_chars(article->data(), article->data() + article->size(), article_id).ptr !=
            article->data() + article->size() ||
        article_id <= 0)
        return uncached_text(400, "Name the story: /comment-check?article=ID\n");
    // Per address, then per network: a client with a whole IPv6 /64 has one budget, not 2^64.
    const std::string address = http::client_address(request, comments_.trusted_proxies);
    for (const auto& [limits, key] :
         {std::pair{comments_.challenge_limits, address},
          std::pair{comments_.challenge_network_limits, ip_network(address)}}) {
        if (!limits) continue;
        const auto decision = limits->hit(key);
        if (decision.allowed) continue;
        http::Response r = uncached_text(429, "Too many security checks; try again later.\n");
        r.set_header("Retry-After",
                     std::to_string(std::max<std::int64_t>(1, decision.retry_after_seconds)));
        return r;
    }
    http::Response r;
    r.body = comments_.check->challenge_json(app::comment_check_context(article_id));
    r.set_header("Content-Type", "application/json");
    r.set_header("Cache-Control", "no-store");
    return r;
}

}  // namespace dateline::site
