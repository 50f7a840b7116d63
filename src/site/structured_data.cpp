#include "site/structured_data.hpp"

#include <boost/json.hpp>

namespace dateline::site {

namespace json = boost::json;

namespace {

constexpr const char* context = "https://schema.org";

// JSON that cannot end or confuse the script element it sits in: "<", ">" and "&" as escapes
// (no "</script>", no "<!--"), and the line separators older parsers took for line ends.
std::string script_safe(const json::value& value) {
    const std::string text = json::serialize(value);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
                 (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

json::object organization(const Publisher& p) {
    json::object o{{"@type", "NewsMediaOrganization"}, {"name", p.name}, {"url", p.url}};
    if (!p.logo_url.empty())
        o["logo"] = json::object{{"@type", "ImageObject"},
                                 {"url", p.logo_url},
                                 {"width", p.logo_width},
                                 {"height", p.logo_height}};
    return o;
}

}  // namespace

std::string news_article_json_ld(const NewsArticleData& a) {
    json::object o{{"@context", context},
                   {"@type", "NewsArticle"},
                   {"mainEntityOfPage", json::object{{"@type", "WebPage"}, {"@id", a.url}}},
                   {"url", a.url},
                   {"headline", a.headline},
                   {"datePublished", a.date_published},
                   {"dateModified", a.date_modified},
                   {"inLanguage", a.language},
                   {"isAccessibleForFree", true},
                   {"publisher", organization(a.publisher)}};
    if (!a.description.empty()) o["description"] = a.description;
    json::array authors;
    for (const auto& [name, url] : a.authors) {
        json::object author{{"@type", "Person"}, {"name", name}};
        if (!url.empty()) author["url"] = url;
        authors.push_back(std::move(author));
    }
    // A story without a byline is the publisher's.
    o["author"] = authors.empty() ? json::value(json::array{organization(a.publisher)})
                                  : json::value(std::move(authors));
    if (!a.images.empty()) {
        json::array images;
        for (const auto& url : a.images) images.emplace_back(url);
        o["image"] = std::move(images);
    }
    if (!a.dateline.empty()) o["dateline"] = a.dateline;
    if (!a.section.empty()) o["articleSection"] = a.section;
    if (!a.keywords.empty()) {
        json::array keywords;
        for (const auto& k : a.keywords) keywords.emplace_back(k);
        o["keywords"] = std::move(keywords);
    }
    return script_safe(o);
}

std::string profile_page_json_ld(const std::string& name, const std::string& role,
                                 const std::string& url) {
    json::object person{{"@type", "Person"}, {"name", name}, {"url", url}};
    if (!role.empty()) person["jobTitle"] = role;
    return script_safe(json::object{{"@context", context},
                                    {"@type", "ProfilePage"},
                                    {"url", url},
                                    {"mainEntity", std::move(person)}});
}

std::string breadcrumb_json_ld(const std::vector<std::pair<std::string, std::string>>& trail) {
    json::array items;
    for (std::size_t i = 0; i < trail.size(); ++i)
        items.push_back(json::object{{"@type", "ListItem"},
                                     {"position", static_cast<std::int64_t>(i + 1)},
                                     {"name", trail[i].first},
                                     {"item", trail[i].second}});
    return script_safe(json::object{
        {"@context", context}, {"@type", "BreadcrumbList"}, {"itemListElement", items}});
}

std::string website_json_ld(const Publisher& publisher, const std::string& language,
                            const std::string& search_url) {
    // The sitelinks search box: where a search engine may send its readers' queries.
    const json::object search{{"@type", "SearchAction"},
                              {"target", json::object{{"@type", "EntryPoint"},
                                                      {"urlTemplate", search_url + "?q={query}"}}},
                              {"query-input", "required name=query"}};
    return script_safe(json::object{{"@context", context},
                                    {"@type", "WebSite"},
                                    {"name", publisher.name},
                                    {"url", publisher.url},
                                    {"inLanguage", language},
                                    {"publisher", organization(publisher)},
                                    {"potentialAction", search}});
}

}  // namespace dateline::site
