#include "api/api.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <fstream>
#include <span>
#include <sstream>
#include <variant>

#include "api/article_json.hpp"
#include "core/ascii.hpp"
#include "core/clock.hpp"
#include "core/decimal.hpp"
#include "domain/comment.hpp"
#include "domain/editorial.hpp"
#include "domain/paths.hpp"
#include "http/field_list.hpp"
#include "http/router.hpp"

namespace dateline::api {

namespace json = boost::json;
using http::Request;
using http::Response;
using http::RouteParams;

namespace {

constexpr const char* mount = "api";
constexpr int default_page = 50;
constexpr int max_page = 200;
constexpr std::string_view picture_types[] = {"image/jpeg", "image/png", "image/webp", "image/gif"};

Response json_response(int status, const json::value& body) {
    Response r;
    r.status = status;
    r.body = json::serialize(body);
    r.body += '\n';
    r.set_header("Content-Type", "application/json; charset=utf-8");
    r.set_header("Cache-Control", "no-store");
    return r;
}

// The API's one shape of error: a stable code for machines, a message for people, the field.
Response problem(int status, std::string_view code, const std::string& message,
                 const std::string& field = {}) {
    json::object error{{"code", code}, {"message", message}};
    error["field"] = field.empty() ? json::value(nullptr) : json::value(field);
    return json_response(status, json::object{{"error", std::move(error)}});
}

Response problem_of(const Error& e) {
    switch (e.code) {
        case ErrorCode::Invalid:
            return problem(422, "invalid", e.message, e.field);
        case ErrorCode::NotFound:
            return problem(404, "not_found", e.message, e.field);
        case ErrorCode::Conflict:
            return problem(409, "conflict", e.message, e.field);
        case ErrorCode::Forbidden:
            return problem(403, "forbidden", e.message, e.field);
        case ErrorCode::RateLimited: {
            Response r = problem(429, "rate_limited", e.message, e.field);
            r.set_header("Retry-After", std::to_string(e.retry_after_seconds));
            return r;
        }
        default:
            throw std::runtime_error(e.message + " " + e.cause);
    }
}

// The token of an Authorization field of the Bearer scheme (RFC 6750 section 2.1), or nothing.
std::optional<std::string_view> bearer_token(std::string_view header) {
    constexpr std::string_view scheme = "bearer ";
    if (header.size() <= scheme.size() || !starts_with_ignoring_ascii_case(header, scheme))
        return std::nullopt;
    return http::trim_whitespace(header.substr(scheme.size()));
}

// A position in the newsroom's order as a page's next address spells it: "UPDATED.ID".
std::optional<storage::ChangePosition> change_position(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const auto updated = parse_decimal(text.substr(0, dot));
    const auto id = parse_decimal(text.substr(dot + 1));
    if (!updated || !id) return std::nullopt;
    return storage::ChangePosition{*updated, *id};
}

std::optional<int> bounded_number(std::string_view text, int low, int high) {
    const auto value = parse_decimal(text);
    if (!value || *value < low || *value > high) return std::nullopt;
    return static_cast<int>(*value);
}

}  // namespace

// One API request: the HTTP request, the API's origin, and the account its token acts as.
struct Call {
    const Request& http;
    std::string origin;
    std::optional<domain::User> account;
};

struct Api::Impl {
    Services services;
    std::string openapi;  // the description, as served
    OriginOf origin_of;
    std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For names the client
    http::Router<Call> routes{"/api/v1/"};

    Impl(Services s, std::string described, OriginOf o, std::vector<std::string> proxies)
        : services(s),
          openapi(std::move(described)),
          origin_of(std::move(o)),
          trusted_proxies(std::move(proxies)) {
        routes.get("openapi.json", [this](Call&, const RouteParams&) { return description(); })
            .get("articles", [this](Call& c, const RouteParams&) { return list_articles(c); })
            .post("articles", [this](Call& c, const RouteParams&) { return create_article(c); })
            .get("articles/{id}",
                 [this](Call& c, const RouteParams& p) { return get_article(c, p["id"]); })
            .put("articles/{id}",
                 [this](Call& c, const RouteParams& p) { return update_article(c, p["id"]); })
            .post("articles/{id}/{action}",
                  [this](Call& c, const RouteParams& p) {
                      return act_on_article(c, p["id"], p["action"]);
                  })
            .post("media", [this](Call& c, const RouteParams&) { return upload_media(c); })
            .get("comments", [this](Call& c, const RouteParams&) { return list_comments(c); })
            .post("comments/moderate",
                  [this](Call& c, const RouteParams&) { return moderate_comments(c); });
    }

    Response description() const {
        Response r;
        r.status = 200;
        r.body = openapi;
        r.set_header("Content-Type", "application/json; charset=utf-8");
        r.set_header("Cache-Control", "no-cache");
        return r;
    }

    // The account the request's token acts as, or the 401 or 429 to answer (RFC 6750 section 3).
    std::optional<Response> authenticate(Call& call) const {
        const auto secret = bearer_token(call.http.header("authorization"));
        if (!secret) {
            Response r = problem(401, "unauthorized",
                                 "This needs an API token: Authorization: Bearer TOKEN.");
            r.set_header("WWW-Authenticate", "Bearer realm=\"Dateline API\"");
            return r;
        }
        auto account =
            services.tokens.authenticate(*secret, http::client_address(call.http, trusted_proxies));
        if (!account && account.error().code == ErrorCode::RateLimited)
            return problem_of(account.error());
        if (!account) throw std::runtime_error("tokens: " + account.error().cause);
        if (!*account) {
            Response r = problem(401, "unauthorized",
                                 "The API token is not known, was revoked, or its account is "
                                 "disabled.");
            r.set_header("WWW-Authenticate",
                         "Bearer realm=\"Dateline API\", error=\"invalid_token\"");
            return r;
        }
        call.account = std::move(*account);
        return std::nullopt;
    }

    const domain::Site& site_of(const app::NetworkDirectory& directory,
                                const domain::Article& a) const {
        const auto* site = directory.site_by_id(a.site_id);
        if (!site) throw std::runtime_error("an article of no site: " + std::to_string(a.id));
        return *site;
    }

    app::NetworkDirectory directory() const {
        auto d = services.reader.directory();
        if (!d) throw std::runtime_error("no directory: " + d.error().cause);
        return std::move(*d);
    }

    Response list_articles(Call& call) {
        if (auto refused = authenticate(call)) return *refused;
        const auto& target = call.http.target;
        app::ArticleQuery query;
        query.site = target.param("site").value_or("");
        query.section = target.param("section").value_or("");
        query.text = target.param("q").value_or("");
        query.limit = default_page;
        if (const auto status = target.param("status")) {
            query.status = domain::parse_article_status(*status);
            if (!query.status)
                return problem(400, "bad_request",
                               "status is one of draft, review, scheduled, published, unpublished.",
                               "status");
        }
        if (const auto limit = target.param("limit")) {
            const auto n = bounded_number(*limit, 1, max_page);
            if (!n)
                return problem(
                    400, "bad_request",
                    "limit is a whole number from 1 to " + std::to_string(max_page) + ".", "limit");
            query.limit = *n;
        }
        if (const auto after = target.param("after")) {
            query.after = change_position(*after);
            if (!query.after)
                return problem(400, "bad_request",
                               "after is a position a page gave in its next address.", "after");
        }
        const auto dir = directory();
        if (!query.site.empty() && !dir.site_by_slug(query.site))
            return problem(400, "bad_request", "There is no site '" + query.site + "'.", "site");
        if (!query.section.empty() && query.site.empty())
            return problem(400, "bad_request", "A section is one of a site's: give site too.",
                           "section");
        auto found = services.articles.list(*call.account, query);
        if (!found && found.error().code == ErrorCode::Invalid)  // a filter naming nothing
            return problem(400, "bad_request", found.error().message, found.error().field);
        if (!found) return problem_of(found.error());
        json::array items;
        for (const auto& a : *found)
            items.push_back(
                article_ninjs(a, site_of(dir, a), call.origin, Representation::Partial));
        json::object page{{"items", std::move(items)}};
        if (static_cast<int>(found->size()) == query.limit) {
            // The same filters, from after the last story of this page.
            std::string next = call.origin + "/api/v1/articles?";
            for (const auto& [name, value] : target.query)
                if (name != "after")
                    next += domain::encode_path_segment(name) + "=" +
                            domain::encode_path_segment(value) + "&";
            const auto& last = found->back();
            page["next"] =
                next + "after=" + std::to_string(last.updated_at) + "." + std::to_string(last.id);
        }
        return json_response(200, page);
    }

    static std::optional<domain::Id> article_id(std::string_view text) {
        const auto id = parse_decimal(text);
        if (!id || *id == 0) return std::nullopt;
        return id;
    }

    // The story as the answer of a read or a write: the whole document.
    Response story(const Call& call, int status, const domain::Article& a) const {
        const auto dir = directory();
        Response r = json_response(status, article_ninjs(a, site_of(dir, a), call.origin));
        if (status == 201) r.set_header("Location", article_api_url(call.origin, a.id));
        return r;
    }

    // The request's body as JSON, or the 400/415 to answer.
    static std::variant<json::value, Response> body_of(const Call& call) {
        const auto type = call.http.header("content-type");
        const auto media = http::trim_whitespace(type.substr(0, type.find(';')));
        if (!equals_ignoring_ascii_case(media, "application/json"))
            return problem(415, "unsupported_media_type", "Send the body as application/json.");
        boost::system::error_code ec;
        json::value parsed = json::parse(call.http.body, ec);
        if (ec) return problem(400, "bad_request", "The body is not JSON: " + ec.message() + ".");
        return parsed;
    }

    Response get_article(Call& call, std::string_view id_text) {
        if (auto refused = authenticate(call)) return *refused;
        const auto id = article_id(id_text);
        if (!id) return problem(404, "not_found", "There is no such article.");
        auto found = services.articles.article(*call.account, *id);
        if (!found) return problem_of(found.error());
        return story(call, 200, *found);
    }

    // A new draft from a ninjs document (dateline.site says where).
    Response create_article(Call& call) {
        if (auto refused = authenticate(call)) return *refused;
        auto body = body_of(call);
        if (auto* refused = std::get_if<Response>(&body)) return std::move(*refused);
        auto sent = sent_article(std::get<json::value>(body));
        if (!sent) return problem(400, "bad_request", sent.error().message, sent.error().field);
        if (sent->site.empty())
            return problem(400, "bad_request", "dateline.site names the site of the new story.",
                           "dateline.site");
        if (auto refused = find_picture(*sent)) return *refused;
        auto made = services.articles.create(*call.account, sent->site, std::move(sent->draft),
                                             app::PictureSource::Draft);
        if (!made) return problem_of(made.error());
        return story(call, 201, *made);
    }

    // New content for a story, from the revision it started from (dateline.revision).
    Response update_article(Call& call, std::string_view id_text) {
        if (auto refused = authenticate(call)) return *refused;
        const auto id = article_id(id_text);
        if (!id) return problem(404, "not_found", "There is no such article.");
        auto body = body_of(call);
        if (auto* refused = std::get_if<Response>(&body)) return std::move(*refused);
        auto sent = sent_article(std::get<json::value>(body));
        if (!sent) return problem(400, "bad_request", sent.error().message, sent.error().field);
        if (!sent->revision)
            return problem(400, "bad_request",
                           "dateline.revision names the revision the change started from.",
                           "dateline.revision");
        if (auto refused = find_picture(*sent)) return *refused;
        auto saved = services.articles.revise(*call.account, *id, std::move(sent->draft),
                                              *sent->revision, app::PictureSource::Draft);
        if (!saved) return problem_of(saved.error());
        return story(call, 200, *saved);
    }

    // The document's lead picture as the media table's id in its draft, or the 422 to answer.
    std::optional<Response> find_picture(SentArticle& sent) const {
        if (!sent.lead_picture) return std::nullopt;
        auto media = services.media.find(*sent.lead_picture);
        if (!media && media.error().code == ErrorCode::NotFound)
            return problem(422, "invalid",
                           "The leadImage's uri names no picture stored here: upload it with "
                           "POST /api/v1/media first.",
                           "associations");
        if (!media) return problem_of(media.error());
        sent.draft.lead_image_id = media->id;
        return std::nullopt;
    }

    // A picture, its bytes as the body: stored (decoded, stripped of metadata, re-encoded, with
    // its smaller copies) for a story's leadImage to name.
    Response upload_media(Call& call) {
        if (auto refused = authenticate(call)) return *refused;
        const auto type = call.http.header("content-type");
        const auto media_type = http::trim_whitespace(type.substr(0, type.find(';')));
        const bool picture = std::any_of(
            std::begin(picture_types), std::end(picture_types),
            [&](std::string_view t) { return equals_ignoring_ascii_case(media_type, t); });
        if (!picture)
            return problem(415, "unsupported_media_type",
                           "Send the picture's bytes as image/jpeg, image/png, image/webp or "
                           "image/gif.");
        if (call.http.body.empty())
            return problem(400, "bad_request", "The body is the picture's bytes.", "image");
        auto stored = services.media.upload(*call.account, call.http.body);
        if (!stored) return problem_of(stored.error());
        auto described = picture_ninjs(*stored, call.origin);
        Response r = json_response(201, described);
        r.set_header("Location", std::string(described.at("uri").get_string()));
        return r;
    }

    // The moderation queue of the sites the account moderates, as the newsroom shows it (the
    // reader's address is never given out).
    Response list_comments(Call& call) {
        if (auto refused = authenticate(call)) return *refused;
        const auto& target = call.http.target;
        app::ModerationQuery query;
        if (const auto status = target.param("status")) {
            query.status = domain::parse_comment_status(*status);
            if (!query.status && *status != "all")
                return problem(400, "bad_request",
                               "status is one of pending, approved, rejected, spam, all.",
                               "status");
        }
        const auto dir = directory();
        if (const auto site = target.param("site")) {
            const auto* found = dir.site_by_slug(*site);
            if (!found)
                return problem(400, "bad_request", "There is no site '" + *site + "'.", "site");
            query.site_id = found->id;
        }
        query.held_reason = target.param("reason").value_or("");
        auto queue = services.comments.queue(*call.account, query);
        if (!queue && queue.error().code == ErrorCode::Invalid)
            return problem(400, "bad_request", queue.error().message, "reason");
        if (!queue) return problem_of(queue.error());
        json::array items;
        for (const auto& l : *queue) {
            const auto& c = l.comment;
            json::array held;
            for (const auto reason : domain::held_reasons_of(c.held_reason))
                held.emplace_back(reason);
            json::object article{{"id", c.article_id}, {"headline", l.article_headline}};
            if (const auto* site = dir.site_by_slug(l.site_slug))
                article["url"] =
                    domain::article_path(site->base_url, l.section_slug, l.article_slug);
            items.push_back(json::object{{"id", c.id},
                                         {"site", l.site_slug},
                                         {"status", domain::to_string(c.status)},
                                         {"held", std::move(held)},
                                         {"name", c.author_name},
                                         {"title", c.title},
                                         {"body", c.body},
                                         {"created", format_utc_iso8601(c.created_at)},
                                         {"article", std::move(article)}});
        }
        return json_response(200, json::object{{"items", std::move(items)}});
    }

    // {"ids": [...], "status": "approved" | "rejected" | "spam"}: all or nothing.
    Response moderate_comments(Call& call) {
        if (auto refused = authenticate(call)) return *refused;
        auto body = body_of(call);
        if (auto* refused = std::get_if<Response>(&body)) return std::move(*refused);
        const auto& value = std::get<json::value>(body);
        const auto* o = value.if_object();
        const auto* ids = o ? o->if_contains("ids") : nullptr;
        const auto* status = o ? o->if_contains("status") : nullptr;
        std::optional<domain::CommentStatus> to;
        if (status && status->is_string()) to = domain::parse_comment_status(status->get_string());
        if (!to || *to == domain::CommentStatus::Pending)
            return problem(400, "bad_request", "status is one of approved, rejected, spam.",
                           "status");
        std::vector<domain::Id> chosen;
        if (ids && ids->is_array())
            for (const auto& id : ids->get_array())
                if (id.is_int64() && id.get_int64() > 0) chosen.push_back(id.get_int64());
        if (!ids || !ids->is_array() || chosen.empty() ||
            chosen.size() != ids->get_array().size() ||
            chosen.size() > static_cast<std::size_t>(max_page))
            return problem(400, "bad_request",
                           "ids lists from 1 to " + std::to_string(max_page) + " comment ids.",
                           "ids");
        auto done = services.comments.moderate(*call.account, chosen, *to);
        if (!done) return problem_of(done.error());
        return json_response(200, json::object{{"changed", *done}});
    }

    // publish, unpublish, schedule ({"publish_at": RFC 3339 time}), submit, return.
    Response act_on_article(Call& call, std::string_view id_text, std::string_view name) {
        if (auto refused = authenticate(call)) return *refused;
        const auto id = article_id(id_text);
        const auto action = domain::parse_article_action(name);
        if (!id || !action)
            return problem(404, "not_found", "There is no such address in the API.");
        std::optional<UnixTime> at;
        if (*action == domain::ArticleAction::Schedule) {
            auto body = body_of(call);
            if (auto* refused = std::get_if<Response>(&body)) return std::move(*refused);
            const auto& value = std::get<json::value>(body);
            const auto* when =
                value.is_object() ? value.get_object().if_contains("publish_at") : nullptr;
            UnixTime t = 0;
            if (!when || !when->is_string() || !parse_iso8601(when->get_string(), t))
                return problem(400, "bad_request",
                               "publish_at is a time with its offset, as 2026-12-01T09:30:00Z.",
                               "publish_at");
            at = t;
        }
        auto done = services.articles.act(*call.account, *id, *action, at);
        if (!done) return problem_of(done.error());
        return story(call, 200, *done);
    }
};

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

Result<std::unique_ptr<Api>> Api::create(Services services, const std::filesystem::path& dir,
                                         OriginOf origin_of,
                                         std::vector<std::string> trusted_proxies) {
    const auto path = dir / "openapi.json";
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    if (!file) return Error::unavailable("Cannot read " + path.string() + ".");
    boost::system::error_code ec;
    (void)json::parse(text.str(), ec);
    if (ec) return Error::invalid(path.string() + " is not JSON: " + ec.message() + ".");
    return std::unique_ptr<Api>(new Api(std::make_unique<Impl>(
        services, text.str(), std::move(origin_of), std::move(trusted_proxies))));
}

bool Api::owns(const Request& request) {
    const auto& segments = request.target.segments;
    return !segments.empty() && segments.front() == mount;
}

bool Api::takes_large_body(const http::RequestHead& head) {
    const auto secret = bearer_token(head.authorization);
    if (!secret || !app::looks_like_api_token(*secret)) return false;
    const auto path = head.target.substr(0, head.target.find('?'));
    constexpr std::string_view articles = "/api/v1/articles";
    if (head.method == "POST") return path == "/api/v1/media" || path == articles;
    if (head.method != "PUT" || !path.starts_with(articles) || path.size() <= articles.size() + 1 ||
        path[articles.size()] != '/')
        return false;
    const auto id = path.substr(articles.size() + 1);
    return std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Response Api::handle(const Request& request) {
    auto& impl = *impl_;
    const auto origin = impl.origin_of(request);
    if (!origin) return problem(421, "misdirected", "No site here has that host name.");
    Call call{request, *origin, std::nullopt};
    const auto& segments = request.target.segments;
    try {
        if (segments.size() < 2 || segments[1] != "v1")
            return problem(404, "not_found", "The API is at /api/v1/.");
        auto routed = impl.routes.dispatch(request.method, std::span(segments).subspan(2),
                                           request.target.trailing_slash, call);
        if (!routed) return problem(404, "not_found", "There is no such address in the API.");
        if (routed->status == 405) {
            Response r = problem(405, "method_not_allowed",
                                 "This address does not take " + request.method_name + ".");
            r.set_header("Allow", std::string(routed->header("Allow")));
            r.route = routed->route;
            return r;
        }
        return std::move(*routed);
    } catch (const std::exception& e) {
        spdlog::error("api: request {} {} failed: {}", request.id, request.raw_target, e.what());
        return problem(500, "internal", "The API could not do this just now. Try again shortly.");
    }
}

}  // namespace dateline::api
