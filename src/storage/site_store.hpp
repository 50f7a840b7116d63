#pragma once

#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::storage {

/// Networks, sites and each site's sections, tags and authors.
class SiteStore {
  public:
    explicit SiteStore(db::Connection& connection) : c_(connection) {}

    /// Adds the network; returns its id.
    Result<domain::Id> insert_network(const domain::Network& network);
    /// The install's network; NotFound before `init`.
    Result<domain::Network> network();

    /// Adds a site of a network, with its social links in order; returns its id.
    Result<domain::Id> insert_site(const domain::Site& site);
    /// Every site, in creation order, with its social links.
    Result<std::vector<domain::Site>> sites();

    /// Adds a section; a slug the site already uses is a Conflict.
    Result<domain::Id> insert_section(const domain::Section& section);
    /// The site's sections in navigation order.
    Result<std::vector<domain::Section>> sections(domain::Id site_id);

    /// The tag with this slug on the site, created with `name` when missing.
    Result<domain::Tag> ensure_tag(domain::Id site_id, const std::string& slug,
                                   const std::string& name);
    /// Sets the site's comment settings.
    Status set_comment_settings(domain::Id site_id, const domain::CommentSettings& settings);
    /// Opens or closes one article of the site to new comments; false when there is no such
    /// article.
    Result<bool> set_article_comments_open(domain::Id site_id, const std::string& article_slug,
                                           bool open);

    /// The site's tag with this slug, if any.
    Result<std::optional<domain::Tag>> tag_by_slug(domain::Id site_id, const std::string& slug);
    /// The site's tags that at least one visible story carries, by slug.
    Result<std::vector<domain::Tag>> listed_tags(domain::Id site_id, UnixTime now);
    /// The same tags, each with the publication time of its newest visible story (a sitemap's
    /// lastmod): one index step a tag of the site, for sitemaps, not pages.
    struct TagActivity {
        domain::Tag tag;
        UnixTime latest = 0;
    };
    Result<std::vector<TagActivity>> tag_activity(domain::Id site_id, UnixTime now);

    /// The site's author with this slug, if any.
    Result<std::optional<domain::Author>> author_by_slug(domain::Id site_id,
                                                         const std::string& slug);
    /// The site's authors whose byline is on at least one visible story, by slug, each with the
    /// publication time of their newest visible story: one index step an author of the site,
    /// for sitemaps and the export, not pages.
    struct AuthorActivity {
        domain::Author author;
        UnixTime latest = 0;
    };
    Result<std::vector<AuthorActivity>> author_activity(domain::Id site_id, UnixTime now);

    /// The author of the site with this name, else with this slug, else a new one.
    Result<domain::Author> ensure_author(domain::Id site_id, const std::string& slug,
                                         const std::string& name, const std::string& role = {});

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
