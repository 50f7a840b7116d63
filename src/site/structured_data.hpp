#pragma once

// schema.org structured data for reader pages, as JSON-LD (what search engines read of a news
// page): a story as a NewsArticle, a listing's place as a BreadcrumbList, a site as a WebSite.
// Written from plain values; the result is safe inside `<script type="application/ld+json">`.

#include <string>
#include <utility>
#include <vector>

namespace dateline::site {

/// The publisher of a site's stories.
struct Publisher {
    std::string name;
    std::string url;       ///< the site's home, absolute
    std::string logo_url;  ///< absolute; empty: none
    int logo_width = 0;
    int logo_height = 0;
};

/// A story as schema.org's NewsArticle describes it.
struct NewsArticleData {
    std::string url;  ///< canonical, absolute
    std::string headline;
    std::string description;
    std::string date_published;  ///< ISO 8601 with the site's offset ("2026-11-28T14:05:00+04:00")
    std::string date_modified;
    std::vector<std::pair<std::string, std::string>> authors;  ///< name, URL (may be empty)
    std::vector<std::string> images;                           ///< absolute
    std::string dateline;
    std::string language;  ///< BCP 47
    std::string section;
    std::vector<std::string> keywords;
    Publisher publisher;
};

std::string news_article_json_ld(const NewsArticleData& article);

/// A trail from the site's home to the page: names and absolute URLs, home first.
std::string breadcrumb_json_ld(const std::vector<std::pair<std::string, std::string>>& trail);

/// A person's page (an author's listing): the person as its main entity, with `role` as their
/// job title when there is one.
std::string profile_page_json_ld(const std::string& name, const std::string& role,
                                 const std::string& url);

/// The site itself, for its home page, with its search (`search_url`, absolute, without a
/// query) as a SearchAction.
std::string website_json_ld(const Publisher& publisher, const std::string& language,
                            const std::string& search_url);

}  // namespace dateline::site
