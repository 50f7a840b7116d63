#include "api/article_json.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "core/clock.hpp"
#include "domain/paths.hpp"
#include "http/field_list.hpp"

namespace dateline::api {

namespace json = boost::json;

namespace {

// ninjs's publication status: what a receiver may do with it. A story not yet out is held back
// (withheld), one taken down is called off (canceled).
const char* pub_status(domain::ArticleStatus status) {
    switch (status) {
        case domain::ArticleStatus::Published:
            return "usable";
        case domain::ArticleStatus::Unpublished:
            return "canceled";
        default:
            return "withheld";
    }
}

json::object text_of(const char* role, const char* content_type, const std::string& value) {
    json::object o;
    o["role"] = role;
    if (content_type) o["contentType"] = content_type;
    o["value"] = value;
    return o;
}

json::object lead_picture(const domain::Article& a, const domain::Media& m,
                          const std::string& origin) {
    json::object picture;
    picture["name"] = "leadImage";  // ninjs 3's association name for a story's main picture
    for (auto& [key, value] : picture_ninjs(m, origin)) picture[key] = std::move(value);
    if (!a.lead_caption.empty())
        picture["descriptions"] = json::array{text_of("caption", "text/plain", a.lead_caption)};
    if (!a.lead_credit.empty()) picture["by"] = a.lead_credit;
    return picture;
}

// The string at `key` of `o`: nothing when absent or null; Invalid naming `path` when it is
// anything else.
Result<std::optional<std::string>> text_at(const json::object& o, std::string_view key,
                                           const std::string& path) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::string>{};
    if (!v->is_string()) return Error::invalid(path + " must be a string.", path);
    return std::optional<std::string>{std::string(v->get_string())};
}

// The items of the array at `key` that are objects: Invalid when it is not an array of them.
Result<std::vector<const json::object*>> objects_at(const json::object& o, std::string_view key) {
    std::vector<const json::object*> out;
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return out;
    const std::string path(key);
    if (!v->is_array()) return Error::invalid(path + " must be an array of objects.", path);
    for (const auto& item : v->get_array()) {
        if (!item.is_object()) return Error::invalid(path + " must be an array of objects.", path);
        out.push_back(&item.get_object());
    }
    return out;
}

// The value of the first item with this role, else of the first item (when `any` is true).
Result<std::optional<std::string>> value_with_role(const std::vector<const json::object*>& items,
                                                   std::string_view role, const std::string& path,
                                                   bool any, std::string_view content_type = {}) {
    const json::object* chosen = nullptr;
    for (const auto* item : items) {
        const auto* r = item->if_contains("role");
        const auto* t = item->if_contains("contentType");
        const bool role_fits = r && r->is_string() && r->get_string() == role;
        const bool type_fits =
            content_type.empty() || (t && t->is_string() && t->get_string() == content_type);
        if (role_fits && type_fits) {
            chosen = item;
            break;
        }
    }
    if (!chosen && any && !items.empty()) chosen = items.front();
    if (!chosen) return std::optional<std::string>{};
    auto value = text_at(*chosen, "value", path);
    if (!value) return value.error();
    if (!*value) return Error::invalid(path + " items need a value.", path);
    return value;
}

// The file name in a stored picture's address (".../media/<hex>.jpg"), or nothing.
std::optional<std::string> stored_file_of(std::string_view uri) {
    constexpr std::string_view folder = "/media/";
    const auto at = uri.rfind(folder);
    if (at == std::string_view::npos) return std::nullopt;
    const auto name = uri.substr(at + folder.size());
    const auto dot = name.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot > 64) return std::nullopt;
    const auto hex = name.substr(0, dot);
    const auto extension = name.substr(dot);
    const bool hexadecimal = std::all_of(hex.begin(), hex.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    if (!hexadecimal || (extension != ".jpg" && extension != ".png")) return std::nullopt;
    return std::string(name);
}

}  // namespace

Result<SentArticle> sent_article(const json::value& document) {
    if (!document.is_object()) return Error::invalid("The body must be a ninjs JSON object.");
    const auto& doc = document.get_object();
    SentArticle sent;
    auto& d = sent.draft;

    auto headlines = objects_at(doc, "headlines");
    if (!headlines) return headlines.error();
    auto headline = value_with_role(*headlines, "main", "headlines", true);
    if (!headline) return headline.error();
    d.headline = headline->value_or("");

    auto descriptions = objects_at(doc, "descriptions");
    if (!descriptions) return descriptions.error();
    auto summary = value_with_role(*descriptions, "summary", "descriptions", false);
    if (!summary) return summary.error();
    d.standfirst = summary->value_or("");

    auto bodies = objects_at(doc, "bodies");
    if (!bodies) return bodies.error();
    auto markdown = value_with_role(*bodies, "source", "bodies", false, "text/markdown");
    if (!markdown) return markdown.error();
    auto html = value_with_role(*bodies, "main", "bodies", true);
    if (!html) return html.error();
    d.body_source = markdown->value_or("");
    if (d.body_source.empty()) d.body_html = html->value_or("");

    auto by = text_at(doc, "by", "by");
    if (!by) return by.error();
    const std::string byline = by->value_or("");
    for (std::string_view rest = byline; !rest.empty();) {
        const auto comma = rest.find(',');
        const auto name = http::trim_whitespace(rest.substr(0, comma));
        if (!name.empty()) d.author_names.emplace_back(name);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    auto located = text_at(doc, "located", "located");
    if (!located) return located.error();
    d.dateline = located->value_or("");

    auto sources = objects_at(doc, "infoSources");
    if (!sources) return sources.error();
    if (!sources->empty()) {
        auto name = text_at(*sources->front(), "name", "infoSources");
        if (!name) return name.error();
        d.source_credit = name->value_or("");
    }
    auto subjects = objects_at(doc, "subjects");
    if (!subjects) return subjects.error();
    for (const auto* subject : *subjects) {
        auto name = text_at(*subject, "name", "subjects");
        if (!name) return name.error();
        if (*name && !(*name)->empty()) d.tag_names.push_back(**name);
    }

    auto associations = objects_at(doc, "associations");
    if (!associations) return associations.error();
    for (const auto* item : *associations) {
        auto name = text_at(*item, "name", "associations");
        if (!name) return name.error();
        if (*name != "leadImage") continue;
        auto uri = text_at(*item, "uri", "associations");
        if (!uri) return uri.error();
        const auto file = stored_file_of(uri->value_or(""));
        if (!file)
            return Error::invalid(
                "associations: the leadImage's uri is the address of a picture stored by "
                "POST /api/v1/media.",
                "associations");
        sent.lead_picture = *file;
        auto captions = objects_at(*item, "descriptions");
        if (!captions) return captions.error();
        auto caption = value_with_role(*captions, "caption", "associations", true);
        if (!caption) return caption.error();
        d.lead_caption = caption->value_or("");
        auto credit = text_at(*item, "by", "associations");
        if (!credit) return credit.error();
        d.lead_credit = credit->value_or("");
    }

    if (const auto* own = doc.if_contains("dateline"); own && !own->is_null()) {
        if (!own->is_object()) return Error::invalid("dateline must be an object.", "dateline");
        const auto& o = own->get_object();
        for (const auto& [key, target] :
             {std::pair{"site", &sent.site}, std::pair{"section", &d.section_slug},
              std::pair{"slug", &d.slug}}) {
            auto value = text_at(o, key, std::string("dateline.") + key);
            if (!value) return value.error();
            *target = value->value_or("");
        }
        if (const auto* revision = o.if_contains("revision"); revision && !revision->is_null()) {
            if (!revision->is_int64() || revision->get_int64() < 1)
                return Error::invalid("dateline.revision must be a whole number from 1.",
                                      "dateline.revision");
            sent.revision = revision->get_int64();
        }
    }
    return sent;
}

json::object picture_ninjs(const domain::Media& m, const std::string& origin) {
    const std::string href = origin + "/media/" + m.file_name;
    json::object rendition;
    rendition["name"] = "original";
    rendition["href"] = href;
    rendition["contentType"] = m.mime_type;
    rendition["width"] = m.width;
    rendition["height"] = m.height;
    rendition["sizeInBytes"] = m.bytes;
    json::array renditions{rendition};
    if (m.has_webp()) {
        json::object webp;
        webp["name"] = "webp";
        webp["href"] = origin + "/media/" + domain::webp_name(m.file_name);
        webp["contentType"] = "image/webp";
        webp["width"] = m.width;
        webp["height"] = m.height;
        renditions.push_back(std::move(webp));
    }
    return json::object{{"uri", href}, {"type", "picture"}, {"renditions", std::move(renditions)}};
}

std::string article_api_url(const std::string& api_base, domain::Id id) {
    return api_base + "/api/v1/articles/" + std::to_string(id);
}

json::object article_ninjs(const domain::Article& a, const domain::Site& site,
                           const std::string& api_base, Representation representation) {
    const bool full = representation == Representation::Full;
    json::object doc;
    doc["uri"] = article_api_url(api_base, a.id);
    doc["standard"] =
        json::object{{"name", "ninjs"},
                     {"version", ninjs_version},
                     {"schema", api_base + "/api/v1/openapi.json#/components/schemas/Article"}};
    doc["type"] = "text";
    doc["representationType"] = full ? "full" : "partial";
    doc["version"] = std::to_string(a.revision);
    doc["versionCreated"] = format_utc_iso8601(a.updated_at);
    doc["pubStatus"] = pub_status(a.status);
    // The agency's embargo, which holds the story whatever its state; else when a scheduled
    // story comes out.
    if (a.embargoed_until)
        doc["embargoedUntil"] = format_utc_iso8601(*a.embargoed_until);
    else if (a.status == domain::ArticleStatus::Scheduled && a.first_published_at > 0)
        doc["embargoedUntil"] = format_utc_iso8601(a.first_published_at);
    doc["language"] = site.language;
    doc["headlines"] = json::array{text_of("main", nullptr, a.headline)};
    if (!a.standfirst.empty())
        doc["descriptions"] = json::array{text_of("summary", "text/plain", a.standfirst)};
    if (full) {
        json::array bodies{text_of("main", "text/html", a.body_html)};
        if (!a.body_source.empty())
            bodies.push_back(text_of("source", "text/markdown", a.body_source));
        doc["bodies"] = std::move(bodies);
        std::string by;
        for (const auto& author : a.authors) by += (by.empty() ? "" : ", ") + author.name;
        if (!by.empty()) doc["by"] = by;
    }
    if (!a.dateline.empty()) doc["located"] = a.dateline;
    if (!a.source_credit.empty())
        doc["infoSources"] =
            json::array{json::object{{"name", a.source_credit}, {"role", "source"}}};
    if (full && !a.tags.empty()) {
        json::array subjects;
        for (const auto& tag : a.tags)
            subjects.push_back(json::object{{"name", tag.name}, {"literal", tag.slug}});
        doc["subjects"] = std::move(subjects);
    }
    if (a.lead_image)
        doc["associations"] = json::array{lead_picture(a, *a.lead_image, site.origin())};

    json::object own;
    own["id"] = a.id;
    own["site"] = site.slug;
    if (a.section) own["section"] = a.section->slug;
    own["slug"] = a.slug;
    own["status"] = std::string(domain::to_string(a.status));
    own["revision"] = a.revision;
    own["comments_open"] = a.comments_open;
    if (a.status == domain::ArticleStatus::Published && a.section)
        own["url"] = domain::article_path(site.base_url, a.section->slug, a.slug);
    if (a.first_published_at > 0)
        own[a.status == domain::ArticleStatus::Scheduled ? "publish_at" : "first_published_at"] =
            format_utc_iso8601(a.first_published_at);
    doc["dateline"] = std::move(own);
    return doc;
}

}  // namespace dateline::api
