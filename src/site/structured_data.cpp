#include "site/structured_data.hpp"

#include <cstdint>
#include <string_view>

#include "render/byte_search.hpp"

namespace dateline::site {

namespace {

constexpr std::string_view context = "https://schema.org";

// JSON written as it goes, safe inside a script element: "<", ">" and "&" as escapes (no
// "</script>", no "<!--"), and the line separators older parsers took for line ends. Written
// directly rather than through Boost.JSON's values, whose nodes and copies were most of a story
// page's structured data (9% of its render).
class ScriptJson {
  public:
    ScriptJson& open_object() {
        separate();
        out_ += '{';
        need_comma_ = false;
        return *this;
    }
    ScriptJson& close_object() {
        out_ += '}';
        need_comma_ = true;
        return *this;
    }
    ScriptJson& open_array(std::string_view name) {
        key(name);
        out_ += '[';
        need_comma_ = false;
        return *this;
    }
    ScriptJson& close_array() {
        out_ += ']';
        need_comma_ = true;
        return *this;
    }
    /// A member that is an object, opened.
    ScriptJson& open_object(std::string_view name) {
        key(name);
        return open_object();
    }
    ScriptJson& text(std::string_view name, std::string_view value) {
        key(name);
        return text(value);
    }
    /// A string in an array.
    ScriptJson& text(std::string_view value) {
        separate();
        quoted(value);
        need_comma_ = true;
        return *this;
    }
    ScriptJson& number(std::string_view name, std::int64_t value) {
        key(name);
        out_ += std::to_string(value);
        need_comma_ = true;
        return *this;
    }
    ScriptJson& boolean(std::string_view name, bool value) {
        key(name);
        out_ += value ? "true" : "false";
        need_comma_ = true;
        return *this;
    }
    std::string take() { return std::move(out_); }

  private:
    void separate() {
        if (need_comma_) out_ += ',';
    }
    void key(std::string_view name) {
        separate();
        quoted(name);
        out_ += ':';
        need_comma_ = false;
    }
    void quoted(std::string_view value) {
        static constexpr std::string_view hex = "0123456789abcdef";
        out_ += '"';
        std::size_t run = 0;
        auto replace = [&](std::size_t at, std::size_t length, std::string_view with) {
            out_.append(value.data() + run, at - run);
            out_ += with;
            run = at + length;
        };
        // 0xE2 leads U+2028 and U+2029, line breaks to JavaScript though not to JSON.
        constexpr auto next = render::find_control_or<'"', '\\', '<', '>', '&', '\xE2'>;
        for (std::size_t i = next(value, 0); i < value.size(); i = next(value, i + 1)) {
            const auto c = static_cast<unsigned char>(value[i]);
            switch (c) {
                case '"':
                    replace(i, 1, "\\\"");
                    break;
                case '\\':
                    replace(i, 1, "\\\\");
                    break;
                case '\b':
                    replace(i, 1, "\\b");
                    break;
                case '\f':
                    replace(i, 1, "\\f");
                    break;
                case '\n':
                    replace(i, 1, "\\n");
                    break;
                case '\r':
                    replace(i, 1, "\\r");
                    break;
                case '\t':
                    replace(i, 1, "\\t");
                    break;
                case '<':
                    replace(i, 1, "\\u003c");
                    break;
                case '>':
                    replace(i, 1, "\\u003e");
                    break;
                case '&':
                    replace(i, 1, "\\u0026");
                    break;
                case 0xE2:
                    if (i + 2 < value.size() && value[i + 1] == '\x80' &&
                        (value[i + 2] == '\xA8' || value[i + 2] == '\xA9')) {
                        replace(i, 3, value[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
                        i += 2;
                    }
                    break;
                default:
                    if (c < 0x20) {
                        const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                        replace(i, 1, std::string_view(escaped, sizeof escaped));
                    }
            }
        }
        out_.append(value.data() + run, value.size() - run);
        out_ += '"';
    }

    std::string out_;
    bool need_comma_ = false;
};

void organization(ScriptJson& json, const Publisher& p) {
    json.text("@type", "NewsMediaOrganization").text("name", p.name).text("url", p.url);
    if (!p.logo_url.empty())
        json.open_object("logo")
            .text("@type", "ImageObject")
            .text("url", p.logo_url)
            .number("width", p.logo_width)
            .number("height", p.logo_height)
            .close_object();
}

}  // namespace

std::string news_article_json_ld(const NewsArticleData& a) {
    ScriptJson json;
    json.open_object()
        .text("@context", context)
        .text("@type", "NewsArticle")
        .open_object("mainEntityOfPage")
        .text("@type", "WebPage")
        .text("@id", a.url)
        .close_object()
        .text("url", a.url)
        .text("headline", a.headline)
        .text("datePublished", a.date_published)
        .text("dateModified", a.date_modified)
        .text("inLanguage", a.language)
        .boolean("isAccessibleForFree", true)
        .open_object("publisher");
    organization(json, a.publisher);
    json.close_object();
    if (!a.description.empty()) json.text("description", a.description);
    json.open_array("author");
    for (const auto& [name, url] : a.authors) {
        json.open_object().text("@type", "Person").text("name", name);
        if (!url.empty()) json.text("url", url);
        json.close_object();
    }
    // A story without a byline is the publisher's.
    if (a.authors.empty()) {
        json.open_object();
        organization(json, a.publisher);
        json.close_object();
    }
    json.close_array();
    if (!a.images.empty()) {
        json.open_array("image");
        for (const auto& url : a.images) json.text(url);
        json.close_array();
    }
    if (!a.dateline.empty()) json.text("dateline", a.dateline);
    if (!a.section.empty()) json.text("articleSection", a.section);
    if (!a.keywords.empty()) {
        json.open_array("keywords");
        for (const auto& k : a.keywords) json.text(k);
        json.close_array();
    }
    return json.close_object().take();
}

std::string profile_page_json_ld(const std::string& name, const std::string& role,
                                 const std::string& url) {
    ScriptJson json;
    json.open_object()
        .text("@context", context)
        .text("@type", "ProfilePage")
        .text("url", url)
        .open_object("mainEntity")
        .text("@type", "Person")
        .text("name", name)
        .text("url", url);
    if (!role.empty()) json.text("jobTitle", role);
    return json.close_object().close_object().take();
}

std::string breadcrumb_json_ld(const std::vector<std::pair<std::string, std::string>>& trail) {
    ScriptJson json;
    json.open_object()
        .text("@context", context)
        .text("@type", "BreadcrumbList")
        .open_array("itemListElement");
    for (std::size_t i = 0; i < trail.size(); ++i)
        json.open_object()
            .text("@type", "ListItem")
            .number("position", static_cast<std::int64_t>(i + 1))
            .text("name", trail[i].first)
            .text("item", trail[i].second)
            .close_object();
    return json.close_array().close_object().take();
}

std::string website_json_ld(const Publisher& publisher, const std::string& language,
                            const std::string& search_url) {
    ScriptJson json;
    json.open_object()
        .text("@context", context)
        .text("@type", "WebSite")
        .text("name", publisher.name)
        .text("url", publisher.url)
        .text("inLanguage", language)
        .open_object("publisher");
    organization(json, publisher);
    // The sitelinks search box: where a search engine may send its readers' queries.
    return json.close_object()
        .open_object("potentialAction")
        .text("@type", "SearchAction")
        .open_object("target")
        .text("@type", "EntryPoint")
        .text("urlTemplate", search_url + "?q={query}")
        .close_object()
        .text("query-input", "required name=query")
        .close_object()
        .close_object()
        .take();
}

}  // namespace dateline::site
