#include "newsroom/wire_screen.hpp"

#include <stdexcept>

#include "domain/paths.hpp"
#include "render/date_formatter.hpp"

namespace dateline::newsroom {

using http::Response;
using render::Dictionary;

namespace {

constexpr int items_per_page = 50;

// Whether the person writes stories (moderators read comments only).
bool writes(const domain::User& user) {
    return user.role != domain::Role::Moderator && !user.disabled;
}

// Whether the person manages the network's wire sources.
bool manages_sources(const domain::User& user) {
    return user.role == domain::Role::Admin && !user.disabled;
}

// The catalog key of what was wrong with a source an admin tried to add, by the field the desk
// named.
std::string source_problem_key(const Error& e) {
    if (e.code == ErrorCode::Conflict) return "wire_source_problem_taken";
    for (const char* field : {"name", "folder", "url", "every", "site", "section"})
        if (e.field == field) return std::string("wire_source_problem_") + field;
    return "wire_source_problem_where";
}

// "ar" and "ar-JO" read right to left.
bool right_to_left(std::string_view language) {
    const auto primary = language.substr(0, language.find('-'));
    return primary == "ar" || primary == "he" || primary == "fa" || primary == "ur";
}

// The queue's filters, read from the address; what is not understood narrows nothing.
domain::WireQueueQuery query_of(const http::Request& request) {
    domain::WireQueueQuery q;
    q.source_name = request.target.param("source").value_or("");
    q.language = request.target.param("language").value_or("");
    if (q.language.size() > 35) q.language.clear();
    if (const auto urgency = positive_number(request.target.param("urgency").value_or(""));
        urgency && *urgency <= 9)
        q.urgency = static_cast<int>(*urgency);
    q.text = request.target.param("q").value_or("");
    if (q.text.size() > 200) q.text.resize(200);
    q.before_id = positive_number(request.target.param("before").value_or(""));
    q.limit = items_per_page;
    return q;
}

void set_language(Dictionary* dict, const std::string& language) {
    dict->set_value("ITEM_LANG", language);
    dict->set_value("ITEM_DIR", right_to_left(language) ? "rtl" : "ltr");
}

}  // namespace

void WireScreen::add_routes(http::Router<Visit>& routes) {
    routes.get("wires", [this](Visit& v, const http::RouteParams&) { return list(v); })
        .get("wires/sources",
             [this](Visit& v, const http::RouteParams&) {
                 const auto session = screens_.signed_in(v);
                 if (!session) return Screens::redirect("/newsroom/login");
                 return sources(v, *session, 200);
             })
        .post("wires/sources", [this](Visit& v, const http::RouteParams&) { return add_source(v); })
        .post("wires/sources/{name}/remove",
              [this](Visit& v, const http::RouteParams& p) { return remove_source(v, p["name"]); })
        .get("wires/{id}",
             [this](Visit& v, const http::RouteParams& p) { return show(v, p["id"]); })
        .post("wires/{id}/use",
              [this](Visit& v, const http::RouteParams& p) { return use(v, p["id"]); });
}

Response WireScreen::list(Visit& v) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    if (!writes(session->user))
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "wires_forbidden"));
    const auto query = query_of(v.http);
    auto items = wires_.queue(query);
    if (!items) throw std::runtime_error("wire queue: " + items.error().cause);
    auto all_sources = wires_.sources();
    if (!all_sources) throw std::runtime_error("wire sources: " + all_sources.error().cause);

    Dictionary dict;
    if (manages_sources(session->user)) dict.show_section("MANAGES");
    Options source_options;
    for (const auto& s : *all_sources) source_options.emplace_back(s.name, s.name);
    add_options(dict, "SOURCE_OPTION", source_options, query.source_name);
    add_options(dict, "LANGUAGE_OPTION",
                {{"en", screens_.text(v, "language_en")}, {"ar", screens_.text(v, "language_ar")}},
                query.language);
    Options urgencies;
    for (int u = 1; u <= 8; ++u)
        urgencies.emplace_back(std::to_string(u),
                               screens_.catalog().format(v.language, "wire_urgency_at_least",
                                                         {{"urgency", std::to_string(u)}}));
    add_options(dict, "URGENCY_OPTION", urgencies,
                query.urgency ? std::to_string(*query.urgency) : "");
    dict.set_value("TEXT", query.text);
    if (items->empty()) {
        dict.show_section("EMPTY");
        return screens_.page(v, 200, "wires.tpl", screens_.text(v, "wires_title"), dict);
    }
    auto dates = render::DateFormatter::create(v.language, "UTC", false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    auto* list = dict.add_section("LIST");
    for (const auto& r : *items) {
        auto* row = list->add_section("ITEM");
        row->set_int_value("ID", static_cast<long>(r.id));
        row->set_value("HEADLINE", r.item.headline);
        set_language(row, r.item.language);
        row->set_value("SOURCE", r.source_name.empty() ? screens_.text(v, "wire_source_removed")
                                                       : r.source_name);
        row->set_value("FORMAT", r.item.format);
        row->set_value("VERSION", r.item.version);
        const auto received = dates->format(r.received_at);
        row->set_value("ISO", received.iso);
        row->set_value(
            "DATE", received.short_date + screens_.text(v, "date_time_separator") + received.time);
        if (r.item.urgency)
            row->set_value_and_show_section(
                "URGENCY_TEXT",
                screens_.catalog().format(v.language, "wire_urgency",
                                          {{"urgency", std::to_string(*r.item.urgency)}}),
                "URGENCY");
        if (r.item.urgency && *r.item.urgency <= 2) row->show_section("FLASH");
        if (r.item.embargoed_until) {
            const auto until = dates->format(*r.item.embargoed_until);
            auto* embargo = row->add_section("EMBARGO");
            embargo->set_value("EMBARGO_ISO", until.iso);
            embargo->set_value(
                "EMBARGO_DATE",
                until.short_date + screens_.text(v, "date_time_separator") + until.time);
        }
        if (r.item.status != domain::WireStatus::Usable)
            row->set_value_and_show_section(
                "STATUS_TEXT",
                screens_.text(v, "wire_status_" + std::string(domain::to_string(r.item.status))),
                "WITHDRAWN");
        if (r.article_id) {
            auto* used = row->add_section("USED");
            used->set_int_value("ARTICLE_ID", static_cast<long>(*r.article_id));
        }
    }
    if (items->size() == static_cast<std::size_t>(items_per_page)) {
        auto* older = list->add_section("OLDER");
        std::string link = "/newsroom/wires?before=" + std::to_string(items->back().id);
        const auto add = [&](const char* name, const std::string& value) {
            if (!value.empty())
                link += std::string("&") + name + "=" + domain::encode_path_segment(value);
        };
        add("source", query.source_name);
        add("language", query.language);
        add("urgency", query.urgency ? std::to_string(*query.urgency) : "");
        add("q", query.text);
        older->set_value("OLDER_URL", link);
    }
    return screens_.page(v, 200, "wires.tpl", screens_.text(v, "wires_title"), dict);
}

Response WireScreen::show(Visit& v, std::string_view id_text) {
    const auto session = screens_.signed_in(v);
    if (!session) return Screens::redirect("/newsroom/login");
    if (!writes(session->user))
        return screens_.message(v, 403, "forbidden_title", screens_.text(v, "wires_forbidden"));
    const auto id = positive_number(id_text);
    auto found = id ? wires_.item(*id)
                    : Result<std::optional<domain::ReceivedWireItem>>(
                          std::optional<domain::ReceivedWireItem>{});
    if (!found) throw std::runtime_error("wire item: " + found.error().cause);
    if (!*found)
        return screens_.message(v, 404, "not_found_title", screens_.text(v, "wire_not_found"));
    const auto& received = **found;
    const auto& item = received.item;
    auto versions = wires_.versions(item.guid);
    if (!versions) throw std::runtime_error("wire versions: " + versions.error().cause);
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    auto all_sources = wires_.sources();
    if (!all_sources) throw std::runtime_error("wire sources: " + all_sources.error().cause);
    auto dates = render::DateFormatter::create(v.language, "UTC", false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    const auto when = [&](UnixTime t) {
        const auto d = dates->format(t);
        return std::pair{d.iso, d.short_date + screens_.text(v, "date_time_separator") + d.time};
    };

    Dictionary dict;
    dict.set_value("FORM_TOKEN", Screens::form_token(v));
    dict.set_int_value("ID", static_cast<long>(received.id));
    set_language(&dict, item.language);
    dict.set_value("HEADLINE", item.headline);
    if (!item.standfirst.empty())
        dict.set_value_and_show_section("STANDFIRST_TEXT", item.standfirst, "STANDFIRST");
    // As the story would show it: through the same sanitizer.
    domain::ArticleDraft body;
    body.body_html = item.body_html;
    dict.set_value("BODY_HTML", app::ArticleService::rendered_body(body));
    const auto fact = [&](const char* label_key, const std::string& value) {
        if (value.empty()) return;
        auto* row = dict.add_section("FACT");
        row->set_value("LABEL", screens_.text(v, label_key));
        row->set_value("VALUE", value);
    };
    fact("wire_source", received.source_name.empty() ? screens_.text(v, "wire_source_removed")
                                                     : received.source_name);
    fact("wire_format", item.format);
    fact("wire_guid", item.guid);
    fact("wire_version", item.version);
    fact("wire_byline", item.byline);
    fact("wire_dateline", item.dateline);
    fact("wire_credit", item.source_credit);
    fact("wire_language", item.language);
    if (item.urgency) fact("wire_urgency_label", std::to_string(*item.urgency));
    std::string tags;
    for (const auto& t : item.tags) tags += (tags.empty() ? "" : ", ") + t;
    fact("wire_tags", tags);
    if (item.first_created) fact("wire_first_created", when(*item.first_created).second);
    if (item.version_created) fact("wire_version_created", when(*item.version_created).second);
    fact("wire_received", when(received.received_at).second);
    if (item.embargoed_until) {
        const auto [iso, text] = when(*item.embargoed_until);
        dict.set_value_and_show_section("EMBARGO_DATE", text, "EMBARGO");
        dict.set_value("EMBARGO_ISO", iso);
    }
    if (item.image) {
        auto* picture = dict.add_section("PICTURE");
        picture->set_value("CAPTION", item.image->caption);
        if (!item.image->credit.empty())
            picture->set_value_and_show_section("CREDIT", item.image->credit, "CREDIT");
    }
    for (const auto& w : item.warnings) dict.add_section("WARNING")->set_value("WARNING_TEXT", w);

    // Versions: which is this one, which made a story, and whether a later one came since.
    std::optional<domain::Id> story;
    domain::Id used_version = 0;
    for (const auto& other : *versions)
        if (other.article_id) {
            story = other.article_id;
            used_version = other.id;
        }
    for (const auto& other : *versions) {
        auto* row = dict.add_section("VERSION_ROW");
        row->set_int_value("VERSION_ID", static_cast<long>(other.id));
        row->set_value("VERSION_NAME", other.item.version.empty() ? "—" : other.item.version);
        const auto [iso, text] = when(other.received_at);
        row->set_value("VERSION_ISO", iso);
        row->set_value("VERSION_DATE", text);
        if (other.id == received.id) row->show_section("THIS_ONE");
        if (other.id == used_version) row->show_section("MADE_STORY");
        if (used_version != 0 && other.id > used_version) row->show_section("SINCE_STORY");
    }
    if (story) {
        auto* made = dict.add_section("STORY");
        made->set_int_value("ARTICLE_ID", static_cast<long>(*story));
        if (received.id > used_version) made->show_section("NEWER");
    } else if (item.status != domain::WireStatus::Usable) {
        dict.set_value_and_show_section(
            "STATUS_TEXT",
            screens_.text(v, "wire_status_" + std::string(domain::to_string(item.status))),
            "WITHDRAWN");
    } else {
        // "Use": on a site the person writes for, the source's own first.
        std::string source_site;
        std::string source_section;
        for (const auto& s : *all_sources)
            if (received.source_id && s.id == *received.source_id) {
                source_site = s.site_slug;
                source_section = s.section_slug;
            }
        Options sites;
        for (const auto& s : directory->sites)
            if (domain::may_write(session->user, s.id)) sites.emplace_back(s.slug, s.name);
        if (!sites.empty()) {
            auto* use = dict.add_section("USE");
            add_options(*use, "SITE_OPTION", sites, source_site);
            use->set_value("SECTION", source_section);
        }
    }
    return screens_.page(v, 200, "wire.tpl", item.headline, dict);
}

Response WireScreen::use(Visit& v, std::string_view id_text) {
    auto post = screens_.signed_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    const auto& [session, token, form, files] = std::get<SignedPost>(post);
    const auto id = positive_number(id_text);
    if (!id) return screens_.message(v, 404, "not_found_title", screens_.text(v, "wire_not_found"));
    auto story = wires_.use(session.user, *id, field(form, "site"), field(form, "section"));
    if (!story) {
        switch (story.error().code) {
            case ErrorCode::NotFound:
                return screens_.message(v, 404, "not_found_title",
                                        screens_.text(v, "wire_not_found"));
            case ErrorCode::Forbidden:
                return screens_.message(v, 403, "forbidden_title",
                                        screens_.text(v, "wires_forbidden"));
            case ErrorCode::Invalid:
                return screens_.message(v, 422, "wire_use_refused_title", story.error().message);
            default:
                throw std::runtime_error("wire use: " + story.error().cause);
        }
    }
    return Screens::redirect("/newsroom/articles/" + std::to_string(story->id));
}

Response WireScreen::sources(Visit& v, const app::ActiveSession& session, int status,
                             const RefusedSource* refused) {
    if (!manages_sources(session.user))
        return screens_.message(v, 403, "forbidden_title",
                                screens_.text(v, "wire_sources_forbidden"));
    auto all = wires_.sources();
    if (!all) throw std::runtime_error("wire sources: " + all.error().cause);
    auto directory = reader_.directory();
    if (!directory) throw std::runtime_error("no directory: " + directory.error().cause);
    Dictionary dict;
    const std::string token = Screens::form_token(v);
    dict.set_value("FORM_TOKEN", token);
    const auto done = v.http.target.param("done").value_or("");
    if (done == "added" || done == "removed")
        dict.set_value_and_show_section("DONE_TEXT", screens_.text(v, "wire_source_done_" + done),
                                        "DONE");
    if (all->empty()) dict.show_section("NO_SOURCES");
    auto dates = render::DateFormatter::create(v.language, "UTC", false);
    if (!dates) throw std::runtime_error("dates: " + dates.error().cause);
    for (const auto& s : *all) {
        auto* row = dict.add_section("SOURCE");
        row->set_value("NAME", s.name);
        row->set_value("LOCATION", s.location);
        row->set_value("WHERE", s.site_slug + (s.section_slug.empty() ? "" : "/" + s.section_slug));
        row->set_value("MODE", screens_.text(v, s.auto_publish ? "wire_source_publishes"
                                                               : "wire_source_queues"));
        row->set_value("FORM_TOKEN", token);
        if (s.kind != domain::WireSourceKind::Url) {
            row->set_value("KIND", screens_.text(v, "wire_source_folder"));
            continue;
        }
        row->set_value("KIND", screens_.text(v, "wire_source_url"));
        auto* schedule = row->add_section("SCHEDULE");
        schedule->set_value(
            "EVERY", screens_.catalog().format(v.language, "wire_source_every",
                                               {{"seconds", std::to_string(s.poll_seconds)}}));
        if (s.next_poll_at > 0) {
            const auto next = dates->format(s.next_poll_at);
            auto* at = schedule->add_section("NEXT");
            at->set_value("NEXT_ISO", next.iso);
            at->set_value("NEXT_DATE",
                          next.short_date + screens_.text(v, "date_time_separator") + next.time);
        }
        if (s.failures > 0) {
            auto* failing = schedule->add_section("FAILING");
            failing->set_value("FAILURES",
                               screens_.catalog().format(v.language, "wire_source_failures",
                                                         {{"count", std::to_string(s.failures)}}));
            failing->set_value("LAST_ERROR", s.last_error);
        }
    }
    // The add form: where its stories go (a site, or a section of it), and what was sent.
    const auto sent = [&](const char* name) {
        return refused ? field(refused->sent, name) : std::string();
    };
    Options where;
    for (const auto& site : directory->sites) {
        where.emplace_back(site.slug, site.name);
        for (const auto& section : directory->sections_of(site))
            where.emplace_back(site.slug + "/" + section.slug, site.name + " › " + section.name);
    }
    add_options(dict, "WHERE_OPTION", where, sent("where"));
    dict.set_value("SENT_NAME", sent("name"));
    dict.set_value("SENT_FOLDER", sent("folder"));
    dict.set_value("SENT_URL", sent("url"));
    dict.set_value("SENT_EVERY", refused ? sent("every") : "60");
    if (sent("auto_publish") == "1") dict.show_section("AUTO_PUBLISH");
    if (refused) {
        dict.set_value_and_show_section(
            "PROBLEM_TEXT", screens_.text(v, source_problem_key(refused->error)), "PROBLEM");
        // The field to mark: the one the desk named, else the place the stories go.
        std::string invalid = refused->error.field.empty() ? "where" : refused->error.field;
        for (auto& ch : invalid) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
        dict.show_section(render::Name::of("INVALID_" + invalid));
    }
    return screens_.page(v, status, "wire-sources.tpl", screens_.text(v, "wire_sources_title"),
                         dict);
}

std::variant<SignedPost, Response> WireScreen::admin_post(Visit& v) {
    auto post = screens_.signed_post(v);
    if (const auto* sent = std::get_if<SignedPost>(&post);
        sent && !manages_sources(sent->session.user))
        return screens_.message(v, 403, "forbidden_title",
                                screens_.text(v, "wire_sources_forbidden"));
    return post;
}

Response WireScreen::add_source(Visit& v) {
    auto post = admin_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    const auto& sent = std::get<SignedPost>(post);
    const std::string where = field(sent.form, "where");
    const auto slash = where.find('/');
    const std::string site = where.substr(0, slash);
    const std::string section = slash == std::string::npos ? "" : where.substr(slash + 1);
    const std::string url = field(sent.form, "url");
    const std::string folder = field(sent.form, "folder");
    const bool auto_publish = field(sent.form, "auto_publish") == "1";
    Result<domain::WireSource> added = Error::invalid("Give a folder or an address.", "folder");
    if (!url.empty() && !folder.empty()) {
        added = Error::invalid("A folder or an address, not both.", "url");
    } else if (!url.empty()) {
        const auto every = positive_number(field(sent.form, "every"));
        added = every && *every <= app::WireDesk::max_poll_seconds
                    ? wires_.add_url_source(field(sent.form, "name"), url, site, section,
                                            auto_publish, static_cast<int>(*every))
                    : Result<domain::WireSource>(Error::invalid("Not a number.", "every"));
    } else if (!folder.empty()) {
        added = wires_.add_source(field(sent.form, "name"), folder, site, section, auto_publish);
    }
    if (added) return Screens::redirect("/newsroom/wires/sources?done=added");
    if (added.error().code != ErrorCode::Invalid && added.error().code != ErrorCode::Conflict)
        throw std::runtime_error("wire source: " + added.error().cause);
    const RefusedSource refused{sent.form, added.error()};
    return sources(v, sent.session, 422, &refused);
}

Response WireScreen::remove_source(Visit& v, std::string_view name) {
    auto post = admin_post(v);
    if (auto* answer = std::get_if<Response>(&post)) return std::move(*answer);
    auto removed = wires_.remove_source(std::string(name));
    if (!removed && removed.error().code == ErrorCode::NotFound)
        return screens_.message(v, 404, "not_found_title", screens_.text(v, "not_found"));
    if (!removed) throw std::runtime_error("wire source: " + removed.error().cause);
    return Screens::redirect("/newsroom/wires/sources?done=removed");
}

}  // namespace dateline::newsroom
