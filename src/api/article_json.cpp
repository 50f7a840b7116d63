#include "api/article_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "domain/paths.hpp"

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
    const std::string href = origin + "/media/" + m.file_name;
    json::object picture;
    picture["name"] = "leadImage";  // ninjs 3's association name for a story's main picture
    picture["uri"] = href;
    picture["type"] = "picture";
    if (!a.lead_caption.empty())
        picture["descriptions"] = json::array{text_of("caption", "text/plain", a.lead_caption)};
    if (!a.lead_credit.empty()) picture["by"] = a.lead_credit;
    json::object rendition;
    rendition["name"] = "original";
    rendition["href"] = href;
    rendition["contentType"] = m.mime_type;
    rendition["width"] = m.width;
    rendition["height"] = m.height;
    rendition["sizeInBytes"] = m.bytes;
    picture["renditions"] = json::array{rendition};
    return picture;
}

}  // namespace

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
    if (a.status == domain::ArticleStatus::Scheduled && a.first_published_at > 0)
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
