#include "newsroom/article_screens.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "domain/editorial.hpp"
#include "render/date_formatter.hpp"
#include "render/local_time.hpp"

namespace dateline::newsroom {

using domain::ArticleAction;
using http::Response;
using http::RouteParams;
using render::Dictionary;

namespace {

// Text as a textarea sends it (CRLF line ends), as the editor means it (LF).
std::string unix_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
    return out;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// Names separated by commas, Latin or Arabic ("،").
std::vector<std::string> names(std::string_view text) {
    std::vector<std::string> out;
    static const std::string arabic_comma = "\u060C";
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ',' || text.substr(i, arabic_comma.size()) == arabic_comma) {
            if (auto name = trimmed(current); !name.empty()) out.push_back(std::move(name));
            current.clear();
            i += text[i] == ',' ? 1 : arabic_comma.size();
        } else {
            current += text[i++];
        }
    }
    if (auto name = trimmed(current); !name.empty()) out.push_back(std::move(name));
    return out;
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

// The story's editable fields from the editor's form.
domain::ArticleDraft content_from(const Form& form) {
    domain::ArticleDraft d;
    d.headline = trimmed(field(form, "headline"));
    d.standfirst = trimmed(unix_lines(field(form, "standfirst")));
    d.body_source = unix_lines(field(form, "body"));
    d.dateline = trimmed(field(form, "dateline"));
    d.source_credit = trimmed(field(form, "source_credit"));
    d.author_names = names(field(form, "authors"));
    d.tag_names = names(field(form, "tags"));
    d.section_slug = field(form, "section");
    d.slug = trimmed(field(form, "slug"));
    d.lead_caption = trimmed(field(form, "lead_caption"));
    d.lead_credit = trimmed(field(form, "lead_credit"));
    return d;
}

// What the body field shows: the Markdown the story was written in; for wire copy, which has
// none, its text a paragraph a line.
std::string body_for_form(const domain::Article& a) {
    return a.body_source.empty() ? a.body_text : a.body_source;
}

// The problem an error names, as the catalog's key and the field to mark.
struct Problem {
    std::string key;
    std::string invalid_section;  // "INVALID_HEADLINE"; empty: no field to mark
};

Problem problem_of(const Error& e) {
    if (e.code == ErrorCode::Conflict && e.field == "revision") return {"conflict", ""};
    static const std::map<std::string, Problem> by_field = {
        {"headline", {"problem_headline", "INVALID_HEADLINE"}},
        {"standfirst", {"problem_standfirst", "INVALID_STANDFIRST"}},
        {"body", {"problem_body", "INVALID_BODY"}},
        {"dateline", {"problem_dateline", "INVALID_DATELINE"}},
        {"source credit", {"problem_source_credit", "INVALID_SOURCE_CREDIT"}},
        {"caption", {"problem_caption", "INVALID_CAPTION"}},
        {"image credit", {"problem_image_credit", "INVALID_IMAGE_CREDIT"}},
        {"slug", {"problem_slug", "INVALID_SLUG"}},
        {"section", {"problem_section", "INVALID_SECTION"}},
        {"tags", {"problem_tags", "INVALID_TAGS"}},
        {"tag", {"problem_tags", "INVALID_TAGS"}},
        {"authors", {"problem_authors", "INVALID_AUTHORS"}},
        {"author", {"problem_authors", "INVALID_AUTHORS"}},
        {"publish_at", {"problem_publish_at", "INVALID_PUBLISH_AT"}},
        {"action", {"problem_action", ""}},
        {"site", {"problem_site", ""}},
        {"note", {"problem_note", "INVALID_NOTE"}},
        {"image", {"problem_image", "INVALID_PICTURE"}},
        {"picture", {"problem_no_picture", "INVALID_PICTURE"}},
        {"translation", {"problem_translation", ""}},
    };
    const auto found = by_field.find(e.field);
    return found == by_field.end() ? Problem{"problem_other", ""} : found->second;
}

bool shows_problem(const Error& e) {
    return e.code == ErrorCode::Invalid || e.code == ErrorCode::Conflict;
}

const char* direction(const domain::Site& site) {
    return site.direction == domain::TextDirection::Rtl ? "rtl" : "ltr";
}

// How many stories of sister sites the translation form offers: the latest changed.
constexpr std::size_t max_translation_candidates = 40;

std::string status_key(domain::ArticleStatus status) {
    return "status_" + std::string(domain::to_string(status));
}

}  // namespace

// What the editor shows: a story being written (no article yet) or an existing one.
struct ArticleScreens::Editing {
    Editing(const app::ActiveSession& s, const domain::Site& where,
            const std::vector<domain::Section>& its_sections, domain::ArticleDraft what)
        : session(s), site(where), sections(its_sections), content(std::move(what)) {}

    const app::ActiveSession& session;
    const domain::Site& site;
    const std::vector<domain::Section>& sections;
    domain::ArticleDraft content;
    const domain::Article* article = nullptr;  // nothing: a new story
    std::int64_t base_revision = 0;
    std::optional<Error> problem;
    bool preview = false;
    std::string done;  // what was just done, said at the top
    std::string publish_at;
    std::string note_draft;  // a note's text sent back with its problem
    std::string note_kind = "correction";
};

// The editor over a stored story, as it is now.
ArticleScreens::Editing ArticleScreens::editing(const app::ActiveSession& session,
                                                const Opened& opened) {
    Editing e{session, opened.site, opened.sections,
              app::ArticleService::content_of(opened.article)};
    e.content.body_source = body_for_form(opened.article);
    e.article = &opened.article;
    e.base_revision = opened.article.revision;
    return e;
}

void ArticleScreens::add_routes(http::Router<Visit>& routes) {
    routes.get("articles", [this](Visit& v, const RouteParams&) { return list(v); })
        .get("articles/new", [this](Visit& v, const RouteParams&) { return new_form(v); })
        .post("articles/new", [this](Visit& v, const RouteParams&) { return create(v); })
        .get("articles/{id}",
             [this](Visit& v, const RouteParams& p) { return edit_form(v, p["id"]); })
        .post("articles/{id}", [this](Visit& v, const RouteParams& p) { return save(v, p["id"]); })
        .post("articles/{id}/action",
              [this](Visit& v, const RouteParams& p) { return act(v, p["id"]); })
        .post("articles/{id}/notes",
              [this](Visit& v, const RouteParams& p) { return add_note(v, p["id"]); })
        .post("articles/{id}/translations",
              [this](Visit& v, const RouteParams& p) { return translation(v, p["id"]); })
        .post("articles/{id}/picture",
              [this](Visit& v, const RouteParams& p) { return picture(v, p["id"]); })
        .get("articles/{id}/revisions",
             [this](Visit& v, const RouteParams& p) { return revisions(v, p["id"]); })
        .get("articles/{id}/compare",
             [this](Visit& v, const RouteParams& p) { return compare(v, p["id"]); })
        .get("articles/{id}/revisions/{n}",
             [this](Visit& v, const RouteParams& p) { return revision(v, p["id"], p["n"]); })
        .post("articles/{id}/revisions/{n}",
              [this](Visit& v, const RouteParams& p) { return restore(v, p["id"], p["n"]); });
}

app::NetworkDirectory ArticleScreens::directory() const {
    auto found = reader_.directory();
    if (!found) throw std::runtime_error("no directory: " + found.error().cause);
    return std::move(*found);
}

Response ArticleScreens::refused(Visit& v, const Error& e) const {
    if (e.code == ErrorCode::Forbidden)
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "article_forbidden"));
    if (e.code == ErrorCode::NotFound)
        return screens_.message(v, 404, "not_found_title", screens_.text(v, "article_not_found"));
    throw std::runtime_error("the story could not be handled: " + e.message + " " + e.cause);
}

std::variant<ArticleScreens::StoryPost, Response> ArticleScreens::story_post(
    Visit& v, std::string_view id_text) const {
    auto post = screens_.signed_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    auto& signed_post = std::get<SignedPost>(post);
    auto opened = open(v, signed_post.session.user, id_text);
    if (auto* answer = std::get_if<Response>(&opened)) return std::move(*answer);
    return StoryPost{std::move(signed_post), std::move(std::get<Opened>(opened))};
}

std::variant<ArticleScreens::Opened, Response> ArticleScreens::open(
    Visit& v, const domain::User& user, std::string_view id_text) const {
    const auto id = positive_number(id_text);
    if (!id) return refused(v, Error::not_found("no such story"));
    auto article = articles_.article(user, *id);
    if (!article) return refused(v, article.error());
    const auto sites = directory();
    const auto* site = sites.site_by_id(article->site_id);
    if (!site) return refused(v, Error::not_found("the story's site is gone"));
    return Opened{std::move(*article), *site, sites.sections_of(*site)};
}

// The list's section and author filters: the sections of the sites the account writes on,
// grouped by site; the accounts that write on the sites it publishes on (an author sees only
// their own stories, so gets no choice of author).
void ArticleScreens::add_filters(Dictionary& dict, const domain::User& user,
                                 const app::NetworkDirectory& sites, const std::string& section,
                                 std::optional<domain::Id> author) const {
    std::vector<domain::Id> published_on;
    for (const auto& site : sites.sites) {
        if (domain::may_publish(user, site.id)) published_on.push_back(site.id);
        if (!domain::may_write(user, site.id)) continue;
        auto* group = dict.add_section("SECTION_GROUP");
        group->set_value("GROUP_LABEL", site.name);
        Options options;
        for (const auto& s : sites.sections_of(site))
            options.emplace_back(site.slug + "/" + s.slug, s.name);
        add_options(*group, "SECTION_OPTION", options, section);
    }
    if (published_on.empty()) return;
    auto accounts = users_.list();
    if (!accounts) throw std::runtime_error("accounts: " + accounts.error().cause);
    Options writers;
    for (const auto& a : *accounts) {
        const bool shares_a_site =
            std::any_of(published_on.begin(), published_on.end(),
                        [&](domain::Id s) { return domain::may_write(a, s); });
        if (shares_a_site)
            writers.emplace_back(std::to_string(a.id), a.name + " <" + a.email + ">");
    }
    add_options(*dict.add_section("AUTHORS"), "AUTHOR_OPTION", writers,
                author ? std::to_string(*author) : "");
}

Response ArticleScreens::list(Visit& v) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    const auto& user = session->user;
    const auto sites = directory();
    app::ArticleQuery query;
    query.site = v.http.target.param("site").value_or("");
    // A section is named with its site, "SITE/SECTION", which it narrows the list to.
    const std::string section = v.http.target.param("section").value_or("");
    if (const auto slash = section.find('/'); slash != std::string::npos) {
        query.site = section.substr(0, slash);
        query.section = section.substr(slash + 1);
    }
    if (!sites.site_by_slug(query.site)) {
        query.site.clear();
        query.section.clear();
    }
    query.status = domain::parse_article_status(v.http.target.param("status").value_or(""));
    query.text = trimmed(v.http.target.param("q").value_or(""));
    const bool mine = v.http.target.param("mine").value_or("") == "1";
    const auto author = positive_number(v.http.target.param("author").value_or(""));
    if (mine)
        query.created_by = user.id;
    else if (author)
        query.created_by = *author;
    auto found = articles_.list(user, query);
    if (!found && found.error().code == ErrorCode::Invalid) {  // a section the site lacks
        query.section.clear();
        found = articles_.list(user, query);
    }
    if (!found && found.error().code != ErrorCode::Forbidden) return refused(v, found.error());

    Dictionary dict;
    Options site_options;
    bool writes = false;
    for (const auto& s : sites.sites)
        if (domain::may_write(user, s.id)) {
            site_options.emplace_back(s.slug, s.name);
            writes = true;
        }
    if (writes) dict.show_section("WRITES");
    add_options(dict, "SITE_OPTION", site_options, query.site);
    add_filters(dict, user, sites, query.section.empty() ? "" : query.site + "/" + query.section,
                mine ? std::nullopt : author);
    Options statuses;
    for (const auto s : {domain::ArticleStatus::Draft, domain::ArticleStatus::Review,
                         domain::ArticleStatus::Scheduled, domain::ArticleStatus::Published,
                         domain::ArticleStatus::Unpublished})
        statuses.emplace_back(domain::to_string(s), screens_.text(v, status_key(s)));
    add_options(dict, "STATUS_OPTION", statuses,
                query.status ? std::string(domain::to_string(*query.status)) : "");
    dict.set_value("TEXT", query.text);
    if (mine) dict.show_section("MINE");
    if (!found) {
        dict.set_value_and_show_section("PROBLEM_TEXT", screens_.text(v, "article_forbidden"),
                                        "PROBLEM");
        dict.show_section("EMPTY");
        return screens_.page(v, 403, "articles.tpl", screens_.text(v, "articles_title"), dict);
    }
    if (found->empty()) dict.show_section("EMPTY");
    auto* table = found->empty() ? nullptr : dict.add_section("LIST");
    std::map<domain::Id, render::DateFormatter> dates;
    for (const auto& a : *found) {
        const auto* site = sites.site_by_id(a.site_id);
        if (!site) continue;
        auto formatter = dates.find(site->id);
        if (formatter == dates.end()) {
            auto made = render::DateFormatter::create(v.language, site->time_zone, false);
            if (!made) throw std::runtime_error("dates: " + made.error().cause);
            formatter = dates.emplace(site->id, std::move(*made)).first;
        }
        auto* row = table->add_section("ROW");
        row->set_int_value("ID", static_cast<long>(a.id));
        row->set_value("HEADLINE", a.headline);
        row->set_value("SITE_LANG", site->language);
        row->set_value("SITE_DIR", direction(*site));
        row->set_value("SITE_NAME", site->name);
        row->set_value("STATUS", std::string(domain::to_string(a.status)));
        row->set_value("STATUS_LABEL", screens_.text(v, status_key(a.status)));
        const auto when = formatter->second.format(a.updated_at);
        row->set_value("ISO", when.iso);
        row->set_value("DATE",
                       when.short_date + screens_.text(v, "date_time_separator") + when.time);
    }
    return screens_.page(v, 200, "articles.tpl", screens_.text(v, "articles_title"), dict);
}

void ArticleScreens::wire_notices(const Visit& v, Dictionary& dict, const domain::Site& site,
                                  const domain::Article& a) const {
    auto dates = render::DateFormatter::create(v.language, site.time_zone, false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    if (a.embargoed_until) {
        const auto until = dates->format(*a.embargoed_until);
        auto* embargo = dict.add_section("EMBARGO");
        embargo->set_value("EMBARGO_ISO", until.iso);
        embargo->set_value("EMBARGO_DATE",
                           until.short_date + screens_.text(v, "date_time_separator") + until.time);
    }
    if (a.external_id.empty()) return;
    // A version the agency sent after the one this story was made from, or last updated by.
    auto versions = wires_.versions(a.external_id);
    if (!versions) throw std::runtime_error("wire versions: " + versions.error().cause);
    const domain::ReceivedWireItem* used = nullptr;
    for (const auto& version : *versions)
        if (version.article_id == a.id) used = &version;
    if (!used || &versions->back() == used) return;
    const auto& newest = versions->back();
    auto* newer = dict.add_section("WIRE_NEWER");
    newer->set_int_value("WIRE_ID", static_cast<long>(newest.id));
    newer->set_value(
        "WIRE_NEWER_TEXT",
        screens_.catalog().format(
            v.language, "wire_newer_version",
            {{"version", newest.item.version.empty() ? std::string("—") : newest.item.version}}));
}

Response ArticleScreens::editor(Visit& v, int status, const Editing& e) const {
    Dictionary dict;
    const auto& user = e.session.user;
    const auto* a = e.article;
    dict.set_value("HEADING", screens_.text(v, a ? "edit_article_title" : "new_article_title"));
    dict.set_value("CONTENT_LANG", e.site.language);
    dict.set_value("CONTENT_DIR", direction(e.site));
    const std::string token = Screens::form_token(v);
    if (!e.done.empty()) dict.set_value_and_show_section("DONE_TEXT", e.done, "DONE");
    if (e.problem) {
        const auto problem = problem_of(*e.problem);
        auto* p = dict.add_section("PROBLEM");
        p->set_value("PROBLEM_TEXT", screens_.text(v, problem.key));
        if (problem.key == "conflict" && a)
            p->set_value_and_show_section("CURRENT_URL",
                                          "/newsroom/articles/" + std::to_string(a->id), "CURRENT");
        if (!problem.invalid_section.empty())
            dict.show_section(render::Name::of(problem.invalid_section));
    }
    if (a) {
        auto* state = dict.add_section("STATE");
        state->set_int_value("ID", static_cast<long>(a->id));
        state->set_value("STATUS", std::string(domain::to_string(a->status)));
        state->set_value("STATUS_LABEL", screens_.text(v, status_key(a->status)));
        state->set_value("STATE_TEXT", screens_.catalog().format(
                                           v.language, "state_is",
                                           {{"status", screens_.text(v, status_key(a->status))},
                                            {"revision", std::to_string(a->revision)}}));
        if (a->status == domain::ArticleStatus::Published)
            state->set_value_and_show_section("PUBLIC_URL", app::article_url(e.site.base_url, *a),
                                              "PUBLIC");
        wire_notices(v, dict, e.site, *a);
        // The actions this account may take from the story's state.
        Dictionary* actions = nullptr;
        auto actions_form = [&] {
            if (!actions) {
                actions = dict.add_section("ACTIONS");
                actions->set_int_value("ID", static_cast<long>(a->id));
                actions->set_value("FORM_TOKEN", token);
            }
            return actions;
        };
        for (const auto action : {ArticleAction::Submit, ArticleAction::Return,
                                  ArticleAction::Publish, ArticleAction::Unpublish}) {
            if (!domain::next_status(a->status, action) || !domain::may_act(user, *a, action))
                continue;
            auto* button = actions_form()->add_section("ACT");
            button->set_value("ACTION", domain::to_string(action));
            button->set_value("LABEL",
                              screens_.text(v, "act_" + std::string(domain::to_string(action))));
            if (action != ArticleAction::Publish && action != ArticleAction::Submit)
                button->show_section("QUIET");
        }
        if (domain::next_status(a->status, ArticleAction::Schedule) &&
            domain::may_act(user, *a, ArticleAction::Schedule)) {
            auto* schedule = actions_form()->add_section("SCHEDULE");
            schedule->set_value(
                "PUBLISH_AT_LABEL",
                screens_.catalog().format(v.language, "publish_at", {{"zone", e.site.time_zone}}));
            std::string at = e.publish_at;
            if (at.empty() && a->status == domain::ArticleStatus::Scheduled)
                at = render::to_local_input(a->first_published_at, e.site.time_zone).value_or("");
            schedule->set_value("PUBLISH_AT", at);
        }
    }
    if (a) add_notes(v, dict, e, token);
    if (a && domain::may_edit(user, *a)) add_translations(dict, e, token);
    if (e.preview) {
        auto* preview = dict.add_section("PREVIEW");
        preview->set_value("PREVIEW_HEADLINE", e.content.headline);
        if (!e.content.standfirst.empty())
            preview->add_section("PREVIEW_STANDFIRST")->set_value("TEXT", e.content.standfirst);
        preview->set_value("BODY_HTML", app::ArticleService::rendered_body(e.content));
    }
    if (a && domain::may_edit(user, *a)) {
        auto* picture = dict.add_section("PICTURE");
        picture->set_int_value("ID", static_cast<long>(a->id));
        picture->set_value("FORM_TOKEN", token);
        picture->set_int_value("REVISION", static_cast<long>(e.base_revision));
        if (a->lead_image) {
            auto* current = picture->add_section("CURRENT_PICTURE");
            current->set_value("PICTURE_URL", "/media/" + a->lead_image->file_name);
            current->set_int_value("PICTURE_WIDTH", a->lead_image->width);
            current->set_int_value("PICTURE_HEIGHT", a->lead_image->height);
        }
    }
    if (!a || domain::may_edit(user, *a)) {
        auto* form = dict.add_section("EDITOR");
        form->set_value("FORM_ACTION", a ? "/newsroom/articles/" + std::to_string(a->id)
                                         : "/newsroom/articles/new");
        form->set_value("FORM_TOKEN", token);
        form->set_int_value("REVISION", static_cast<long>(e.base_revision));
        form->set_value("SITE", e.site.slug);
        form->set_value("SITE_NAME", e.site.name);
        const auto& c = e.content;
        form->set_value("HEADLINE", c.headline);
        form->set_value("STANDFIRST", c.standfirst);
        form->set_value("BODY", c.body_source);
        form->set_value("DATELINE", c.dateline);
        form->set_value("AUTHORS", joined(c.author_names));
        form->set_value("SOURCE_CREDIT", c.source_credit);
        Options sections;
        for (const auto& s : e.sections) sections.emplace_back(s.slug, s.name);
        add_options(*form, "SECTION_OPTION", sections, c.section_slug);
        form->set_value("TAGS", joined(c.tag_names));
        form->set_value("LEAD_CAPTION", c.lead_caption);
        form->set_value("LEAD_CREDIT", c.lead_credit);
        form->set_value("SLUG", c.slug);
        if (a && a->first_published_at > 0) form->show_section("SLUG_FIXED");
    } else {
        auto* read = dict.add_section("READ_ONLY");
        read->set_value("HEADLINE", a->headline);
        read->set_value("BODY_HTML", a->body_html);
    }
    const std::string title = a ? a->headline : screens_.text(v, "new_article_title");
    return screens_.page(v, status, "article.tpl", title, dict);
}

Response ArticleScreens::new_form(Visit& v) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    const auto sites = directory();
    const domain::Site* site = sites.site_by_slug(v.http.target.param("site").value_or(""));
    if (site && !domain::may_write(session->user, site->id)) site = nullptr;
    for (const auto& s : sites.sites)
        if (!site && domain::may_write(session->user, s.id)) site = &s;
    if (!site)
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "article_forbidden"));
    Editing e{*session, *site, sites.sections_of(*site), domain::ArticleDraft{}};
    return editor(v, 200, e);
}

Response ArticleScreens::create(Visit& v) {
    auto post = screens_.signed_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    const auto& [session, token, form, files] = std::get<SignedPost>(post);
    const auto sites = directory();
    const auto* site = sites.site_by_slug(field(form, "site"));
    if (!site || !domain::may_write(session.user, site->id))
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "article_forbidden"));
    Editing e{session, *site, sites.sections_of(*site), content_from(form)};
    if (field(form, "intent") == "preview") {
        e.preview = true;
        return editor(v, 200, e);
    }
    auto created = articles_.create(session.user, site->slug, e.content);
    if (!created) {
        if (!shows_problem(created.error())) return refused(v, created.error());
        e.problem = created.error();
        return editor(v, 422, e);
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(created->id) +
                             "?saved=" + std::to_string(created->revision));
}

Response ArticleScreens::edit_form(Visit& v, std::string_view id_text) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    auto opened = open(v, session->user, id_text);
    if (auto* answer = std::get_if<Response>(&opened)) return std::move(*answer);
    auto e = editing(*session, std::get<Opened>(opened));
    const auto& target = v.http.target;
    if (const auto saved = target.param("saved"); saved && positive_number(*saved)) {
        if (const auto from = target.param("restored"); from && positive_number(*from))
            e.done = screens_.catalog().format(v.language, "restored",
                                               {{"from", *from}, {"revision", *saved}});
        else
            e.done = screens_.catalog().format(v.language, "saved", {{"revision", *saved}});
    }
    if (const auto done = target.param("done");
        done && (*done == "note" || *done == "picture" || *done == "picture_removed" ||
                 *done == "translation_linked" || *done == "translation_unlinked" ||
                 domain::parse_article_action(*done)))
        e.done = screens_.text(v, "done_" + *done);
    return editor(v, 200, e);
}

Response ArticleScreens::save(Visit& v, std::string_view id_text) {
    auto sent = story_post(v, id_text);
    if (auto* answer = std::get_if<Response>(&sent)) return std::move(*answer);
    const auto& [post, opened] = std::get<StoryPost>(sent);
    const auto& [session, token, form, files] = post;
    const auto& [article, site, sections] = opened;
    Editing e{session, site, sections, content_from(form)};
    e.article = &article;
    e.base_revision = positive_number(field(form, "revision")).value_or(0);
    if (field(form, "intent") == "preview") {
        e.preview = true;
        return editor(v, 200, e);
    }
    auto saved = articles_.revise(session.user, article.id, e.content, e.base_revision);
    if (!saved) {
        if (!shows_problem(saved.error())) return refused(v, saved.error());
        e.problem = saved.error();
        // Told, the editor may save again on purpose: from the current revision, with their
        // text (the other save stays among the revisions).
        if (saved.error().field == "revision") e.base_revision = article.revision;
        return editor(v, saved.error().code == ErrorCode::Conflict ? 409 : 422, e);
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(article.id) +
                             "?saved=" + std::to_string(saved->revision));
}

Response ArticleScreens::act(Visit& v, std::string_view id_text) {
    auto sent = story_post(v, id_text);
    if (auto* answer = std::get_if<Response>(&sent)) return std::move(*answer);
    const auto& [post, opened] = std::get<StoryPost>(sent);
    const auto& [session, token, form, files] = post;
    const auto action = domain::parse_article_action(field(form, "action"));
    if (!action) return screens_.expired_form(v);
    const auto& [article, site, sections] = opened;
    std::optional<UnixTime> at;
    const std::string publish_at = field(form, "publish_at");
    if (*action == ArticleAction::Schedule)
        at = render::from_local_input(publish_at, site.time_zone);
    auto done = articles_.act(session.user, article.id, *action, at);
    if (!done) {
        if (!shows_problem(done.error())) return refused(v, done.error());
        auto e = editing(session, opened);
        e.problem = done.error();
        e.publish_at = publish_at;
        return editor(v, 422, e);
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(article.id) +
                             "?done=" + std::string(domain::to_string(*action)));
}

// The story's public notes and, for an editor of a story that has been published, the form
// that adds one.
void ArticleScreens::add_notes(const Visit& v, Dictionary& dict, const Editing& e,
                               const std::string& token) const {
    const auto& a = *e.article;
    const bool may_add = domain::may_publish(e.session.user, a.site_id) && a.first_published_at > 0;
    if (a.notes.empty() && !may_add) return;
    auto* notes = dict.add_section("NOTES");
    if (!a.notes.empty()) {
        auto dates = render::DateFormatter::create(v.language, e.site.time_zone, false);
        if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
        auto* list = notes->add_section("NOTE_LIST");
        for (const auto& note : a.notes) {
            auto* item = list->add_section("NOTE");
            item->set_value("KIND_LABEL",
                            screens_.text(v, "note_" + std::string(domain::to_string(note.kind))));
            const auto when = dates->format(note.noted_at);
            item->set_value("ISO", when.iso);
            item->set_value("DATE",
                            when.short_date + screens_.text(v, "date_time_separator") + when.time);
            item->set_value("TEXT", note.text);
        }
    }
    if (may_add) {
        auto* form = notes->add_section("NOTE_FORM");
        form->set_int_value("ID", static_cast<long>(a.id));
        form->set_value("FORM_TOKEN", token);
        form->set_value("NOTE_DRAFT", e.note_draft);
        form->show_section(e.note_kind == "update" ? render::Name("UPDATE_CHOSEN")
                                                   : render::Name("CORRECTION_CHOSEN"));
    }
}

// The story's translations on sister sites, and the forms that link another or unlink it.
void ArticleScreens::add_translations(Dictionary& dict, const Editing& e,
                                      const std::string& token) const {
    const auto& a = *e.article;
    const auto& user = e.session.user;
    auto linked = articles_.translations(user, a.id);
    if (!linked) throw std::runtime_error("translations: " + linked.error().cause);
    auto readable = articles_.list(user, {});
    if (!readable) throw std::runtime_error("stories: " + readable.error().cause);
    const auto sites = directory();
    Options candidates;
    for (const auto& other : *readable) {
        const bool linked_already =
            other.translation_group && other.translation_group == a.translation_group;
        if (other.site_id == a.site_id || linked_already || !domain::may_edit(user, other))
            continue;
        const auto* site = sites.site_by_id(other.site_id);
        candidates.emplace_back(std::to_string(other.id),
                                other.headline + " (" + (site ? site->name : "") + ")");
        if (candidates.size() == max_translation_candidates) break;
    }
    if (linked->empty() && candidates.empty()) return;
    auto* section = dict.add_section("TRANSLATIONS");
    section->set_int_value("ID", static_cast<long>(a.id));
    section->set_value("FORM_TOKEN", token);
    if (!linked->empty()) {
        auto* list = section->add_section("LINKED");
        for (const auto& other : *linked) {
            if (!domain::may_read(user, other)) continue;  // another's draft stays theirs
            const auto* site = sites.site_by_id(other.site_id);
            auto* item = list->add_section("LINKED_ITEM");
            item->set_int_value("OTHER_ID", static_cast<long>(other.id));
            item->set_value("OTHER_HEADLINE", other.headline);
            item->set_value("OTHER_SITE", site ? site->name : "");
            item->set_value("OTHER_LANG", site ? site->language : "");
            item->set_value("OTHER_DIR", site ? direction(*site) : "ltr");
        }
    }
    if (!candidates.empty())
        add_options(*section->add_section("CANDIDATES"), "CANDIDATE", candidates, "");
}

Response ArticleScreens::answer(Visit& v, const app::ActiveSession& session, const Opened& story,
                                const Result<domain::Article>& done, const std::string& what) {
    if (!done) {
        if (!shows_problem(done.error())) return refused(v, done.error());
        auto e = editing(session, story);
        e.problem = done.error();
        return editor(v, done.error().code == ErrorCode::Conflict ? 409 : 422, e);
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(story.article.id) +
                             "?done=" + what);
}

Response ArticleScreens::translation(Visit& v, std::string_view id_text) {
    auto sent = story_post(v, id_text);
    if (auto* answer = std::get_if<Response>(&sent)) return std::move(*answer);
    const auto& [post, opened] = std::get<StoryPost>(sent);
    const auto& [session, token, form, files] = post;
    const auto& story = opened;
    const bool unlink = field(form, "unlink") == "1";
    const auto other = positive_number(field(form, "other"));
    if (!unlink && !other) return screens_.expired_form(v);
    return answer(v, session, story,
                  unlink ? articles_.unlink_translation(session.user, story.article.id)
                         : articles_.link_translation(session.user, story.article.id, *other),
                  unlink ? "translation_unlinked" : "translation_linked");
}

Response ArticleScreens::add_note(Visit& v, std::string_view id_text) {
    auto sent = story_post(v, id_text);
    if (auto* answer = std::get_if<Response>(&sent)) return std::move(*answer);
    const auto& [post, opened] = std::get<StoryPost>(sent);
    const auto& [session, token, form, files] = post;
    const auto kind = domain::parse_note_kind(field(form, "kind"));
    if (!kind) return screens_.expired_form(v);
    const auto& [article, site, sections] = opened;
    const std::string text = trimmed(unix_lines(field(form, "note")));
    auto added = articles_.add_note(session.user, article.id, *kind, text);
    if (!added) {
        if (!shows_problem(added.error())) return refused(v, added.error());
        auto e = editing(session, opened);
        e.problem = added.error();
        e.note_draft = text;
        e.note_kind = std::string(domain::to_string(*kind));
        return editor(v, 422, e);
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(article.id) + "?done=note");
}

Response ArticleScreens::picture(Visit& v, std::string_view id_text) {
    auto sent = story_post(v, id_text);
    if (auto* answer = std::get_if<Response>(&sent)) return std::move(*answer);
    const auto& [post, opened] = std::get<StoryPost>(sent);
    const auto& [session, token, form, files] = post;
    const auto& story = opened;
    const auto base = positive_number(field(form, "revision")).value_or(0);
    const bool remove = field(form, "remove") == "1";
    std::optional<std::string_view> bytes;
    for (const auto& file : files)
        if (file.name == "picture" && !file.content.empty()) bytes = file.content;
    Result<domain::Article> done =
        remove || bytes ? articles_.set_picture(session.user, story.article.id,
                                                remove ? std::nullopt : bytes, base)
                        : Result<domain::Article>(Error::invalid("Choose a picture.", "picture"));
    return answer(v, session, story, done, remove ? "picture_removed" : "picture");
}

std::string ArticleScreens::revision_line(const Visit& v, const storage::ArticleRevision& r,
                                          const render::DateFormatter& dates) const {
    const auto when = dates.format(r.saved_at);
    // A name in another script stays whole inside the sentence (FSI ... PDI).
    const std::string name =
        r.saved_by ? "\u2068" + r.saved_by_name + "\u2069" : screens_.text(v, "by_the_wires");
    return screens_.catalog().format(
        v.language, "revision_line",
        {{"revision", std::to_string(r.revision)},
         {"date", when.short_date + screens_.text(v, "date_time_separator") + when.time},
         {"name", name}});
}

Response ArticleScreens::revisions(Visit& v, std::string_view id_text) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    auto opened = open(v, session->user, id_text);
    if (auto* answer = std::get_if<Response>(&opened)) return std::move(*answer);
    const auto& [article, site, sections] = std::get<Opened>(opened);
    const domain::Id id = article.id;
    auto found = articles_.revisions(session->user, id);
    if (!found) return refused(v, found.error());
    auto dates = render::DateFormatter::create(v.language, site.time_zone, false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    Dictionary dict;
    dict.set_int_value("ID", static_cast<long>(id));
    dict.set_value("HEADING", screens_.text(v, "revisions_title"));
    auto* list = dict.add_section("LIST");
    if (found->size() > 1) {
        auto* form = dict.add_section("COMPARE");
        Options revisions;
        for (const auto& r : *found)
            revisions.emplace_back(std::to_string(r.revision), std::to_string(r.revision));
        add_options(*form, "FROM_OPTION", revisions, std::to_string((*found)[1].revision));
        add_options(*form, "TO_OPTION", revisions, std::to_string((*found)[0].revision));
    }
    for (const auto& r : *found) {
        auto* item = list->add_section("ITEM");
        item->set_int_value("REVISION", static_cast<long>(r.revision));
        item->set_value("LINE", revision_line(v, r, *dates));
        item->set_value("STATUS", std::string(domain::to_string(r.status)));
        item->set_value("STATUS_LABEL", screens_.text(v, status_key(r.status)));
    }
    return screens_.page(v, 200, "revisions.tpl", screens_.text(v, "revisions_title"), dict);
}

Response ArticleScreens::compare(Visit& v, std::string_view id_text) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    auto opened = open(v, session->user, id_text);
    if (auto* answer = std::get_if<Response>(&opened)) return std::move(*answer);
    const auto& [article, site, sections] = std::get<Opened>(opened);
    const auto from = positive_number(v.http.target.param("from").value_or(""));
    const auto to = positive_number(v.http.target.param("to").value_or(""));
    if (!from || !to) return refused(v, Error::not_found("no such revision"));
    auto found = articles_.compare(session->user, article.id, *from, *to);
    if (!found) return refused(v, found.error());
    auto dates = render::DateFormatter::create(v.language, site.time_zone, false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    Dictionary dict;
    dict.set_int_value("ID", static_cast<long>(article.id));
    const std::string heading =
        screens_.catalog().format(v.language, "compare_title",
                                  {{"from", std::to_string(*from)}, {"to", std::to_string(*to)}});
    dict.set_value("HEADING", heading);
    dict.set_value("FROM_LINE", revision_line(v, found->from, *dates));
    dict.set_value("TO_LINE", revision_line(v, found->to, *dates));
    dict.set_value("CONTENT_LANG", site.language);
    dict.set_value("CONTENT_DIR", direction(site));
    const auto& changes = found->changes;
    if (changes.fields.empty() && !changes.body_changed) dict.show_section("NO_CHANGE");
    if (!changes.fields.empty()) {
        auto* table = dict.add_section("FIELDS");
        for (const auto& change : changes.fields) {
            auto* row = table->add_section("FIELD");
            row->set_value("LABEL", screens_.text(v, "field_" + change.field));
            row->set_value("BEFORE", change.before);
            row->set_value("AFTER", change.after);
        }
    }
    if (changes.body_changed) {
        auto* body = dict.add_section("BODY");
        for (const auto& line : changes.body) {
            auto* item = body->add_section("LINE");
            const render::Name kind =
                line.kind == domain::DiffLine::Kind::Added     ? render::Name("ADDED")
                : line.kind == domain::DiffLine::Kind::Removed ? render::Name("REMOVED")
                                                               : render::Name("SAME");
            item->set_value("KIND", line.kind == domain::DiffLine::Kind::Added     ? "added"
                                    : line.kind == domain::DiffLine::Kind::Removed ? "removed"
                                                                                   : "same");
            item->set_value_and_show_section("TEXT", line.text, kind);
        }
    }
    return screens_.page(v, 200, "compare.tpl", heading, dict);
}

Response ArticleScreens::revision(Visit& v, std::string_view id_text, std::string_view number) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    const auto n = positive_number(number);
    if (!n) return refused(v, Error::not_found("no such revision"));
    auto opened = open(v, session->user, id_text);
    if (auto* answer = std::get_if<Response>(&opened)) return std::move(*answer);
    const auto& [article, site, sections] = std::get<Opened>(opened);
    const domain::Id id = article.id;
    auto found = articles_.revision(session->user, id, *n);
    if (!found) return refused(v, found.error());
    auto dates = render::DateFormatter::create(v.language, site.time_zone, false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    Dictionary dict;
    dict.set_int_value("ID", static_cast<long>(id));
    const std::string heading =
        screens_.catalog().format(v.language, "revision_title", {{"revision", std::to_string(*n)}});
    dict.set_value("HEADING", heading);
    auto* one = dict.add_section("ONE");
    one->set_int_value("REVISION", static_cast<long>(*n));
    one->set_value("LINE", revision_line(v, *found, *dates));
    one->set_value("CONTENT_LANG", site.language);
    one->set_value("CONTENT_DIR", direction(site));
    one->set_value("HEADLINE", found->content.headline);
    if (!found->content.standfirst.empty())
        one->add_section("STANDFIRST")->set_value("TEXT", found->content.standfirst);
    one->set_value("BODY_HTML", found->content.body_html);
    if (domain::may_edit(session->user, article) && *n != article.revision) {
        auto* restore = one->add_section("RESTORE");
        restore->set_value("FORM_TOKEN", Screens::form_token(v));
        restore->set_int_value("CURRENT_REVISION", static_cast<long>(article.revision));
    }
    return screens_.page(v, 200, "revisions.tpl", heading, dict);
}

Response ArticleScreens::restore(Visit& v, std::string_view id_text, std::string_view number) {
    auto post = screens_.signed_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    const auto& [session, token, form, files] = std::get<SignedPost>(post);
    const auto id = positive_number(id_text);
    const auto n = positive_number(number);
    if (!id || !n) return refused(v, Error::not_found("no such revision"));
    auto restored = articles_.restore(session.user, *id, *n,
                                      positive_number(field(form, "revision")).value_or(0));
    if (!restored) {
        // Someone saved since the revision page was opened: show the story as it is now.
        if (restored.error().code == ErrorCode::Conflict)
            return Screens::redirect("/newsroom/articles/" + std::to_string(*id));
        // The old content no longer passes (a section since removed): say so over the story.
        if (restored.error().code == ErrorCode::Invalid) {
            auto opened = open(v, session.user, id_text);
            if (auto* answer = std::get_if<Response>(&opened)) return std::move(*answer);
            auto e = editing(session, std::get<Opened>(opened));
            e.problem = restored.error();
            return editor(v, 422, e);
        }
        return refused(v, restored.error());
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(*id) +
                             "?saved=" + std::to_string(restored->revision) +
                             "&restored=" + std::to_string(*n));
}

}  // namespace dateline::newsroom
