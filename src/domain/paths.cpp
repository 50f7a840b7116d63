#include "domain/paths.hpp"

#include <algorithm>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace dateline::domain {

namespace {

// Appends `slug` percent-encoded: every byte but RFC 3986's unreserved ASCII, whatever the
// process's locale says of other bytes. Written in place: links are made several dozen a page.
// The unreserved bytes a slug begins with (all of an English one) are copied at once: the
// encoder measures and then writes each byte, twice the work.
void append_path_segment(std::string& out, std::string_view slug) {
    const auto plain = std::find_if_not(slug.begin(), slug.end(),
                                        [](char c) { return boost::urls::unreserved_chars(c); });
    out.append(slug.begin(), plain);
    const std::string_view rest(plain, slug.end());
    if (rest.empty()) return;
    const std::size_t at = out.size();
    out.resize(at + boost::urls::encoded_size(rest, boost::urls::unreserved_chars));
    boost::urls::encode(out.data() + at, out.size() - at, rest, boost::urls::unreserved_chars);
}

// "<prefix><segment>/<slug>/".
std::string listing_path(std::string_view prefix, std::string_view segment, std::string_view slug) {
    std::string path;
    path.reserve(prefix.size() + segment.size() + slug.size() + 2);
    path.append(prefix).append(segment) += '/';
    append_path_segment(path, slug);
    path += '/';
    return path;
}

}  // namespace

std::string encode_path_segment(std::string_view slug) {
    std::string out;
    out.reserve(slug.size());
    append_path_segment(out, slug);
    return out;
}

std::string article_path(std::string_view prefix, std::string_view section_slug,
                         std::string_view article_slug) {
    const std::string_view section = section_slug.empty() ? sectionless_segment : section_slug;
    std::string path;
    path.reserve(prefix.size() + section.size() + article_slug.size() + 1);
    path.append(prefix);
    append_path_segment(path, section);
    path += '/';
    append_path_segment(path, article_slug);
    return path;
}

std::string section_path(std::string_view prefix, std::string_view section_slug) {
    std::string path;
    path.reserve(prefix.size() + section_slug.size() + 1);
    path.append(prefix);
    append_path_segment(path, section_slug);
    path += '/';
    return path;
}

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
