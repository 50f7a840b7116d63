#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/article_service.hpp"
#include "app/media_service.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::app {

/// A site to create, with its sections and authors.
struct SiteSpec {
    domain::Site site;
    std::vector<domain::Section> sections;
    std::vector<domain::Author> authors;
};

/// A whole network to create.
struct NetworkSpec {
    domain::Network network;
    std::vector<SiteSpec> sites;
};

/// Reads a network description (the format of demo/network.json, documented in demo/README.md).
/// Each site's base URL is its "base_url" when given (a site on its own host), else `public_url`
/// joined with its "path".
Result<NetworkSpec> read_network_spec(const std::filesystem::path& file,
                                      const std::string& public_url);

/// A network of one English site at the public URL's root, for a fresh install without the demo.
NetworkSpec default_network_spec(const std::string& public_url);

/// Creates the network, its sites, sections and authors in one transaction. Fails with Conflict
/// when the database already holds a network.
Status create_network(db::Database& database, const NetworkSpec& spec);

/// Removes the network with everything in it: what a failed `init` leaves behind.
Status remove_network(db::Database& database);

/// Loads the demo articles of every site of `spec` from `demo_dir/articles/<site slug>/*.json`,
/// with images from `demo_dir/images`, dated relative to now. Returns the number of articles.
Result<int> load_demo_articles(ArticleService& articles, const MediaService& media,
                               const NetworkSpec& spec, const std::filesystem::path& demo_dir,
                               UnixTime now);

/// Validates a public URL given on the command line and returns it without a trailing '/'.
Result<std::string> normalise_public_url(const std::string& url);

}  // namespace dateline::app
