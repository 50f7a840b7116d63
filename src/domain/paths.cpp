#include "domain/paths.hpp"

#include <cctype>

namespace dateline::domain {

std::string encode_path_segment(std::string_view slug) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : slug) {
        const auto c = static_cast<unsigned char>(ch);
        // RFC 3986 section 2.3: unreserved characters need no encoding.
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 0xF];
        }
    }
    return out;
}

std::string article_path(std::string_view prefix, std::string_view section_slug,
                         std::string_view article_slug) {
    const std::string_view section = section_slug.empty() ? sectionless_segment : section_slug;
    return std::string(prefix) + encode_path_segment(section) + "/" +
           encode_path_segment(article_slug);
}

std::string section_path(std::string_view prefix, std::string_view section_slug) {
    return std::string(prefix) + encode_path_segment(section_slug) + "/";
}

namespace {

// "<prefix><segment>/<slug>/".
std::string listing_path(std::string_view prefix, std::string_view segment, std::string_view slug) {
    return std::string(prefix) + std::string(segment) + "/" + encode_path_segment(slug) + "/";
}

}  // namespace

std::string tag_path(std::string_view prefix, std::string_view tag_slug) {
    return listing_path(prefix, tags_segment, tag_slug);
}

std::string author_path(std::string_view prefix, std::string_view author_slug) {
    return listing_path(prefix, authors_segment, author_slug);
}

std::string search_path(std::string_view prefix, std::string_view query, int page) {
    std::string path = std::string(prefix) + std::string(search_segment);
    if (query.empty()) return path;
    // Percent-encoded as a path segment is: every byte but the unreserved ones, valid in a query.
    path += "?q=" + encode_path_segment(query);
    if (page > 1) path += "&page=" + std::to_string(page);
    return path;
}

std::string sitemap_stories_file(std::int64_t span) {
    return "sitemap-stories-" + std::to_string(span) + ".xml";
}

bool is_listed_sitemap_name(std::string_view name) {
    return name.starts_with("sitemap-") && name.ends_with(".xml");
}

}  // namespace dateline::domain
