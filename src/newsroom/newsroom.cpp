#include "newsroom/newsroom.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <variant>

#include "core/ascii.hpp"
#include "core/paragraphs.hpp"
#include "domain/comment.hpp"
#include "domain/editorial.hpp"
#include "domain/paths.hpp"
#include "domain/user.hpp"
#include "http/browser_state.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "newsroom/account_screen.hpp"
#include "newsroom/article_screens.hpp"
#include "newsroom/audit_screen.hpp"
#include "newsroom/front_screen.hpp"
#include "newsroom/screens.hpp"
#include "newsroom/site_screen.hpp"
#include "newsroom/wire_screen.hpp"
#include "render/date_formatter.hpp"

namespace dateline::newsroom {

using http::Request;
using http::Response;
using http::RouteParams;
using render::Dictionary;

namespace {

constexpr const char* form_cookie = "dateline_form";
constexpr const char* language_cookie = "dateline_newsroom_lang";
constexpr const char* mount = "newsroom";
constexpr long long language_cookie_seconds = 365LL * 24 * 3600;

// A language the newsroom speaks, from a tag such as "ar-LB" or "en".
std::optional<std::string> spoken(std::string_view tag) {
    std::string lower = ascii_lowercase(tag.substr(0, tag.find('-')));
    if (lower == "ar" || lower == "en") return lower;
    return std::nullopt;
}

// The browser's preferred language among ours (RFC 9110 section 12.5.4, by weight, first among
// equals), or English.
std::string preferred_language(std::string_view accept) {
    std::string best = "en";
    double best_weight = 0;
    while (!accept.empty()) {
        const auto comma = accept.find(',');
        std::string_view item = accept.substr(0, comma);
        accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
        double weight = 1;
        if (const auto semi = item.find(';'); semi != std::string_view::npos) {
            const auto q = item.find("q=", semi);
            if (q != std::string_view::npos)
                weight = std::atof(std::string(item.substr(q + 2)).c_str());
            item = item.substr(0, semi);
        }
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (const auto language = spoken(item); language && weight > best_weight) {
            best = *language;
            best_weight = weight;
        }
    }
    return best;
}

}  // namespace

struct Newsroom::Impl {
    app::SessionService& sessions;
    app::CommentService& comments;
    app::ReaderService& reader;
    Screens screens;
    const render::Catalog& catalog;
    ArticleScreens articles;
    AuditScreen audit;
    AccountScreen account;
    SiteScreen site_settings;
    WireScreen wires;
    FrontScreen front_page;
    http::StaticFiles assets;
    OriginOf origin_of;
    std::vector<std::string> trusted_proxies;
    http::Router<Visit> routes{"/newsroom/"};

    Impl(Services s, std::unique_ptr<render::TemplateEngine> t, render::Catalog c,
         const std::filesystem::path& assets_dir, OriginOf o, std::vector<std::string> proxies)
        : sessions(s.sessions),
          comments(s.comments),
          reader(s.reader),
          screens(s.sessions, std::move(t), std::move(c)),
          catalog(screens.catalog()),
          articles(screens, s.articles, s.reader, s.users, s.wires),
          audit(screens, s.audit, s.reader),
          account(screens, s.users, s.tokens, s.reader),
          site_settings(screens, s.sites, s.reader),
          wires(screens, s.wires, s.reader),
          front_page(screens, s.front, s.reader),
          assets(assets_dir, "public, max-age=3600"),
          origin_of(std::move(o)),
          trusted_proxies(std::move(proxies)) {
        routes.get("", [this](Visit& v, const RouteParams&) { return desk(v); })
            .get("login", [this](Visit& v, const RouteParams&) { return login_form(v, {}, 200); })
            .post("login", [this](Visit& v, const RouteParams&) { return sign_in(v); })
            .get("login/code",
                 [this](Visit& v, const RouteParams&) { return code_form(v, {}, 200); })
            .post("login/code", [this](Visit& v, const RouteParams&) { return take_code(v); })
            .post("logout", [this](Visit& v, const RouteParams&) { return sign_out(v, false); })
            .post("logout-everywhere",
                  [this](Visit& v, const RouteParams&) { return sign_out(v, true); })
            .get("comments", [this](Visit& v, const RouteParams&) { return comment_queue(v); })
            .post("comments", [this](Visit& v, const RouteParams&) { return moderate(v); })
            .post("comments/erase", [this](Visit& v, const RouteParams&) { return erase(v); });
        articles.add_routes(routes);
        audit.add_routes(routes);
        account.add_routes(routes);
        site_settings.add_routes(routes);
        wires.add_routes(routes);
        front_page.add_routes(routes);
        routes.get("assets/*", [this](Visit& v, const RouteParams&) {
            const auto& segments = v.http.target.segments;
            if (auto file = assets.serve(v.http, {segments.begin() + 2, segments.end()}))
                return *file;
            return message(v, 404, "not_found_title", catalog.text(v.language, "not_found"));
        });
    }

    Response page(Visit& v, int status, const std::string& name, const std::string& title,
                  Dictionary& dict) const {
        return screens.page(v, status, name, title, dict);
    }
    Response message(Visit& v, int status, const char* title_key, const std::string& text) const {
        return screens.message(v, status, title_key, text);
    }
    static Response redirect(const std::string& to) { return Screens::redirect(to); }
    std::optional<app::ActiveSession> signed_in(const Visit& v) const {
        return screens.signed_in(v);
    }

    Response login_form(Visit& v, const std::optional<std::string>& error, int status,
                        const std::string& email = {}) {
        if (status == 200 && signed_in(v)) return redirect("/newsroom/");
        // The form's token, also held by the browser in a cookie (kept if it has a good one).
        std::string token = http::cookie(v.http, form_cookie).value_or("");
        if (token.size() != 64) {
            token = app::SessionService::new_form_token();
            v.set_cookies.push_back(http::set_cookie(form_cookie, token, v.cookie_options()));
        }
        Dictionary dict;
        dict.set_value("FORM_TOKEN", token);
        dict.set_value("EMAIL", email);
        if (error) dict.set_value_and_show_section("MESSAGE", *error, "ERROR");
        return page(v, status, "login.tpl", catalog.text(v.language, "sign_in_title"), dict);
    }

    Response sign_in(Visit& v) {
        const auto sent = Screens::form_of(v);
        const auto* form = sent ? &sent->fields : nullptr;
        const auto held = http::cookie(v.http, form_cookie).value_or("");
        if (!form || !app::SessionService::form_token_matches(held, field(*form, "form_token")))
            return screens.expired_form(v);
        const std::string email = field(*form, "email");
        const app::SignInAttempt attempt{email, field(*form, "password"),
                                         http::client_address(v.http, trusted_proxies),
                                         std::string(v.http.header("user-agent"))};
        auto done = sessions.sign_in(attempt, http::cookie(v.http, session_cookie).value_or(""));
        if (!done) {
            const auto& e = done.error();
            if (e.code == ErrorCode::RateLimited) {
                const auto minutes = std::max<long long>(1, (e.retry_after_seconds + 59) / 60);
                Response r =
                    login_form(v, catalog.count(v.language, "too_many", "minutes", minutes, false),
                               429, email);
                r.set_header("Retry-After", std::to_string(e.retry_after_seconds));
                return r;
            }
            if (e.code == ErrorCode::Forbidden)
                return login_form(v, catalog.text(v.language, "refused"), 422, email);
            throw std::runtime_error("sign-in failed: " + e.message + " " + e.cause);
        }
        keep_session(v, *done);
        v.set_cookies.push_back(http::expired_cookie(form_cookie, v.cookie_options()));
        if (done->awaiting_code) return redirect("/newsroom/login/code");
        spdlog::info("newsroom: {} signed in from {}", done->user.email, attempt.client_address);
        return redirect("/newsroom/");
    }

    static void keep_session(Visit& v, const app::SignedIn& session) {
        auto options = v.cookie_options();
        options.max_age_seconds = session.lifetime_seconds;  // the browser forgets it when it ends
        v.set_cookies.push_back(http::set_cookie(session_cookie, session.token, options));
    }

    // The second step of a two-step sign-in: the code from the account's app, for the session
    // the password opened (which opens nothing by itself). Its form token is derived from that
    // session's token, as signed-in forms' are.
    Response code_form(Visit& v, const std::optional<std::string>& error, int status) {
        const std::string token = http::cookie(v.http, session_cookie).value_or("");
        auto waiting = sessions.awaiting_code(token);
        if (!waiting) throw std::runtime_error("sessions: " + waiting.error().cause);
        if (!*waiting) return redirect("/newsroom/login");
        Dictionary dict;
        dict.set_value("FORM_TOKEN", Screens::form_token(v));
        if (error) dict.set_value_and_show_section("MESSAGE", *error, "ERROR");
        return page(v, status, "code.tpl", catalog.text(v.language, "code_title"), dict);
    }

    Response take_code(Visit& v) {
        const auto sent = Screens::form_of(v);
        if (!sent || !app::SessionService::form_token_matches(Screens::form_token(v),
                                                              field(sent->fields, "form_token")))
            return screens.expired_form(v);
        const std::string token = http::cookie(v.http, session_cookie).value_or("");
        const std::string address = http::client_address(v.http, trusted_proxies);
        auto done = sessions.confirm_code(token, field(sent->fields, "code"), address);
        if (!done) {
            const auto& e = done.error();
            if (e.code == ErrorCode::RateLimited) {
                const auto minutes = std::max<long long>(1, (e.retry_after_seconds + 59) / 60);
                Response r = code_form(
                    v, catalog.count(v.language, "too_many", "minutes", minutes, false), 429);
                r.set_header("Retry-After", std::to_string(e.retry_after_seconds));
                return r;
            }
            if (e.code == ErrorCode::Forbidden && e.field == "code")
                return code_form(v, catalog.text(v.language, "code_refused"), 422);
            if (e.code == ErrorCode::Forbidden)
                return login_form(v, catalog.text(v.language, "code_time_ran_out"), 422);
            throw std::runtime_error("sign-in failed: " + e.message + " " + e.cause);
        }
        keep_session(v, *done);
        spdlog::info("newsroom: {} signed in with a code from {}", done->user.email, address);
        return redirect("/newsroom/");
    }

    Response desk(Visit& v) {
        const auto session = signed_in(v);
        if (!session) return redirect("/newsroom/login");
        Dictionary dict;
        dict.set_value("FORM_TOKEN", Screens::form_token(v));
        const std::string role =
            catalog.text(v.language, "role_" + std::string(domain::to_string(session->user.role)));
        // The name isolated (FSI ... PDI), as an Arabic name in an English sentence must be.
        const std::string name = "\u2068" + session->user.name + "\u2069";
        dict.set_value("SIGNED_IN_AS", catalog.format(v.language, "signed_in_as",
                                                      {{"name", name}, {"role", role}}));
        if (moderates_any(session->user)) dict.show_section("MODERATES");
        if (session->user.role != domain::Role::Moderator && !session->user.disabled)
            dict.show_section("WRITES");
        if (session->user.role == domain::Role::Admin && !session->user.disabled)
            dict.show_section("AUDITS");
        if (publishes_anywhere(session->user)) dict.show_section("ARRANGES");
        return page(v, 200, "desk.tpl", catalog.text(v.language, "desk_title"), dict);
    }

    bool publishes_anywhere(const domain::User& user) const {
        auto directory = reader.directory();
        if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
        return std::any_of(directory->sites.begin(), directory->sites.end(),
                           [&](const domain::Site& s) { return domain::may_publish(user, s.id); });
    }

    static bool moderates_any(const domain::User& user) {
        const auto sites = domain::moderated_sites(user);
        return !sites || !sites->empty();
    }

    // The queue's filters, read from the address: status (pending unless asked), site, reason.
    struct QueueFilter {
        std::string status = "pending";
        std::string site;
        std::string reason;

        static QueueFilter of(const Request& request) {
            QueueFilter f;
            const auto status = request.target.param("status");
            if (status && (*status == "all" || domain::parse_comment_status(*status)))
                f.status = *status;
            f.site = request.target.param("site").value_or("");
            f.reason = request.target.param("reason").value_or("");
            return f;
        }
        // The same filter as a query string, from known words only.
        std::string query(const app::NetworkDirectory& directory) const {
            std::string q = "?status=" + status;
            if (directory.site_by_slug(site)) q += "&site=" + site;
            if (std::find(domain::held_reasons.begin(), domain::held_reasons.end(), reason) !=
                domain::held_reasons.end())
                q += "&reason=" + reason;
            return q;
        }
    };

    Response comment_queue(Visit& v) {
        const auto session = signed_in(v);
        if (!session) return redirect("/newsroom/login");
        const auto& user = session->user;
        auto directory = reader.directory();
        if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
        const auto filter = QueueFilter::of(v.http);
        app::ModerationQuery query;
        query.status =
            filter.status == "all" ? std::nullopt : domain::parse_comment_status(filter.status);
        if (const auto* site = directory->site_by_slug(filter.site)) query.site_id = site->id;
        query.held_reason = filter.reason;
        auto queue = comments.queue(user, query);
        if (!queue && queue.error().code == ErrorCode::Forbidden)
            return message(v, 403, "forbidden_title", catalog.text(v.language, "forbidden"));

        Dictionary dict;
        Options statuses;
        for (const char* s : {"pending", "approved", "rejected", "spam", "all"})
            statuses.emplace_back(s, catalog.text(v.language, std::string("status_") + s));
        add_options(dict, "STATUS_OPTION", statuses, filter.status);
        Options sites;
        for (const auto& s : directory->sites)
            if (domain::may_moderate(user, s.id)) sites.emplace_back(s.slug, s.name);
        add_options(dict, "SITE_OPTION", sites, filter.site);
        Options reasons;
        reasons.reserve(domain::held_reasons.size());
        for (const auto reason : domain::held_reasons)
            reasons.emplace_back(std::string(reason),
                                 catalog.text(v.language, "reason_" + std::string(reason)));
        add_options(dict, "REASON_OPTION", reasons, filter.reason);

        const auto done = v.http.target.param("done");
        const auto count = v.http.target.param("count");
        if (done && count && *done == "erase") {
            dict.set_value_and_show_section(
                "DONE_TEXT",
                catalog.count(v.language, "erased", "count", std::atoll(count->c_str()), false),
                "DONE");
        } else if (done && count && (*done == "approve" || *done == "reject" || *done == "spam")) {
            const long long n = std::atoll(count->c_str());
            dict.set_value_and_show_section(
                "DONE_TEXT", catalog.count(v.language, "moderated_" + *done, "count", n, false),
                "DONE");
        }
        const auto problem = v.http.target.param("problem");
        if (problem && (*problem == "none_chosen" || *problem == "not_yours" ||
                        *problem == "gone" || *problem == "bad_email"))
            dict.set_value_and_show_section("PROBLEM_TEXT", catalog.text(v.language, *problem),
                                            "PROBLEM");
        if (!queue) {
            dict.set_value_and_show_section("PROBLEM_TEXT", queue.error().message, "PROBLEM");
            dict.show_section("EMPTY");
        } else if (queue->empty()) {
            dict.show_section("EMPTY");
        } else {
            auto* list = dict.add_section("QUEUE");
            list->set_value("FORM_TOKEN", Screens::form_token(v));
            list->set_value("BACK_QUERY", filter.query(*directory));
            add_queue(*list, *queue, *directory, v.language);
        }
        if (erases(user))
            dict.set_value_and_show_section("FORM_TOKEN", Screens::form_token(v), "ERASE");
        return page(v, queue ? 200 : 422, "comments.tpl",
                    catalog.text(v.language, "comments_title"), dict);
    }

    // Each comment as its readers will see it (the site's language, direction and dates).
    void add_queue(Dictionary& list, const std::vector<domain::CommentListing>& queue,
                   const app::NetworkDirectory& directory, const std::string& language) const {
        std::map<std::string, render::DateFormatter> dates;
        for (const auto& l : queue) {
            const auto* site = directory.site_by_slug(l.site_slug);
            if (!site) continue;
            auto formatter = dates.find(site->slug);
            if (formatter == dates.end()) {
                auto made = render::DateFormatter::create(site->language, site->time_zone,
                                                          site->arabic_indic_digits);
                if (!made) throw std::runtime_error("dates: " + made.error().cause);
                formatter = dates.emplace(site->slug, std::move(*made)).first;
            }
            const auto& c = l.comment;
            auto* item = list.add_section("ITEM");
            item->set_int_value("ID", static_cast<long>(c.id));
            item->set_value("CHOOSE_LABEL",
                            catalog.format(language, "choose",
                                           {{"name", "\u2068" + c.author_name + "\u2069"}}));
            item->set_value(
                "STATUS_LABEL",
                catalog.text(language, "status_" + std::string(domain::to_string(c.status))));
            std::string held;
            for (const auto reason : domain::held_reasons_of(c.held_reason))
                held += (held.empty() ? "" : ", ") +
                        catalog.text(language, "reason_" + std::string(reason));
            if (!held.empty()) item->set_value_and_show_section("HELD_LABEL", held, "HELD");
            item->set_value("ARTICLE_URL",
                            domain::article_path(site->base_url, l.section_slug, l.article_slug));
            item->set_value("ARTICLE_HEADLINE", l.article_headline);
            item->set_value("SITE_LANG", site->language);
            item->set_value("SITE_DIR",
                            site->direction == domain::TextDirection::Rtl ? "rtl" : "ltr");
            item->set_value("TITLE", c.title);
            item->set_value("AUTHOR", c.author_name);
            const auto when = formatter->second.format(c.created_at);
            item->set_value("ISO", when.iso);
            item->set_value(
                "DATE",
                when.date + catalog.text(site->language, "date_time_separator") + when.time);
            for (const auto& paragraph : split_paragraphs(c.body))
                item->add_section("PARAGRAPH")->set_value("PARAGRAPH_TEXT", paragraph);
        }
    }

    Response moderate(Visit& v) {
        auto post = screens.signed_post(v);
        if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
        const auto& [session, token, form, files] = std::get<SignedPost>(post);
        auto directory = reader.directory();
        if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
        const std::string back = "/newsroom/comments" + QueueFilter::of(v.http).query(*directory);
        const std::string action = field(form, "action");
        const std::map<std::string, domain::CommentStatus> statuses = {
            {"approve", domain::CommentStatus::Approved},
            {"reject", domain::CommentStatus::Rejected},
            {"spam", domain::CommentStatus::Spam}};
        const auto status = statuses.find(action);
        if (status == statuses.end()) return screens.expired_form(v);
        std::vector<domain::Id> ids;
        const auto [first, last] = form.equal_range("comment");
        for (auto it = first; it != last; ++it)
            if (const auto id = positive_number(it->second)) ids.push_back(*id);
        if (ids.empty()) return redirect(back + "&problem=none_chosen");
        auto done = comments.moderate(session.user, ids, status->second);
        if (!done) {
            if (done.error().code == ErrorCode::Forbidden)
                return redirect(back + "&problem=not_yours");
            if (done.error().code == ErrorCode::NotFound) return redirect(back + "&problem=gone");
            throw std::runtime_error("moderation failed: " + done.error().cause);
        }
        spdlog::info("newsroom: {} marked {} comment(s) {}", session.user.email, *done,
                     domain::to_string(status->second));
        return redirect(back + "&done=" + action + "&count=" + std::to_string(*done));
    }

    // Erasing a reader's comments reaches every site: an admin's act.
    static bool erases(const domain::User& user) {
        return user.role == domain::Role::Admin && !user.disabled;
    }

    Response erase(Visit& v) {
        auto post = screens.signed_post(v);
        if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
        const auto& [session, token, form, files] = std::get<SignedPost>(post);
        auto erased = comments.erase(session.user, field(form, "email"));
        if (!erased) {
            if (erased.error().code == ErrorCode::Forbidden)
                return message(v, 403, "forbidden_title", catalog.text(v.language, "forbidden"));
            if (erased.error().code == ErrorCode::Invalid)
                return redirect("/newsroom/comments?status=pending&problem=bad_email");
            throw std::runtime_error("erasing failed: " + erased.error().cause);
        }
        spdlog::info("newsroom: {} erased {} comment(s) at a reader's request", session.user.email,
                     *erased);
        return redirect("/newsroom/comments?status=pending&done=erase&count=" +
                        std::to_string(*erased));
    }

    Response sign_out(Visit& v, bool everywhere) {
        auto post = screens.signed_post(v);
        if (auto* refused = std::get_if<Response>(&post)) return std::move(*refused);
        const auto& [session, token, form, files] = std::get<SignedPost>(post);
        if (everywhere) {
            auto ended = sessions.sign_out_everywhere(session.user.id);
            if (!ended) throw std::runtime_error("sign-out failed: " + ended.error().cause);
        } else if (auto ended = sessions.sign_out(token); !ended) {
            throw std::runtime_error("sign-out failed: " + ended.error().cause);
        }
        v.set_cookies.push_back(http::expired_cookie(session_cookie, v.cookie_options()));
        return redirect("/newsroom/login");
    }
};

Newsroom::Newsroom(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Newsroom::~Newsroom() = default;

Result<std::unique_ptr<Newsroom>> Newsroom::create(Services services,
                                                   const std::filesystem::path& dir,
                                                   OriginOf origin_of,
                                                   std::vector<std::string> trusted_proxies) {
    auto templates = render::TemplateEngine::load(
        dir / "templates",
        {"login.tpl", "desk.tpl", "message.tpl", "comments.tpl", "articles.tpl", "article.tpl",
         "revisions.tpl", "audit.tpl", "compare.tpl", "code.tpl", "account.tpl", "sites.tpl"},
        {"BODY_HTML"});
    if (!templates) return templates.error();
    auto catalog = render::Catalog::load(dir / "i18n");
    if (!catalog) return catalog.error();
    return std::unique_ptr<Newsroom>(new Newsroom(
        std::make_unique<Impl>(services, std::move(*templates), std::move(*catalog), dir / "assets",
                               std::move(origin_of), std::move(trusted_proxies))));
}

bool Newsroom::owns(const Request& request) {
    const auto& segments = request.target.segments;
    return !segments.empty() && segments.front() == mount;
}

bool Newsroom::takes_upload(const http::RequestHead& head) {
    constexpr std::string_view prefix = "/newsroom/articles/";
    constexpr std::string_view suffix = "/picture";
    // Only a signed-in browser uploads: a request without the session's cookie keeps the usual
    // limit, and so cannot hold one of the few large bodies' places.
    const auto session = http::cookie(head.cookie, session_cookie);
    if (head.method != "POST" || !session || !app::SessionService::looks_like_token(*session))
        return false;
    const auto target = head.target.substr(0, head.target.find('?'));
    if (!target.starts_with(prefix) || !target.ends_with(suffix)) return false;
    const auto id = target.substr(prefix.size(), target.size() - prefix.size() - suffix.size());
    return !id.empty() && id.size() <= 18 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Response Newsroom::handle(const Request& request) {
    auto& impl = *impl_;
    const auto origin = impl.origin_of(request);
    if (!origin)
        return Response::text(421, "Misdirected request: no site here has that host name.\n");
    Visit visit{request, {}, origin->rfind("https://", 0) == 0, {}};
    // The language asked for in the address, else the one remembered, else the browser's.
    if (const auto asked = request.target.param("lang"); asked && spoken(*asked)) {
        visit.language = *spoken(*asked);
        auto options = visit.cookie_options();
        options.max_age_seconds = language_cookie_seconds;
        visit.set_cookies.push_back(http::set_cookie(language_cookie, visit.language, options));
    } else if (const auto kept = http::cookie(request, language_cookie); kept && spoken(*kept)) {
        visit.language = *spoken(*kept);
    } else {
        visit.language = preferred_language(request.header("accept-language"));
    }
    const auto& segments = request.target.segments;
    Response response;
    try {
        if (segments.size() == 1 && !request.target.trailing_slash) {
            response = Response::redirect(301, "/newsroom/");
        } else if (auto routed =
                       impl.routes.dispatch(request.method, std::span(segments).subspan(1),
                                            request.target.trailing_slash, visit)) {
            response = std::move(*routed);
        } else {
            response = impl.message(visit, 404, "not_found_title",
                                    impl.catalog.text(visit.language, "not_found"));
        }
    } catch (const std::exception& e) {
        spdlog::error("newsroom: {} failed: {}", request.raw_target, e.what());
        response =
            impl.message(visit, 500, "error_title", impl.catalog.text(visit.language, "error"));
    }
    for (auto& cookie : visit.set_cookies)
        response.headers.emplace_back("Set-Cookie", std::move(cookie));
    return response;
}

}  // namespace dateline::newsroom
