#pragma once

#include <vector>

#include "core/result.hpp"
#include "domain/article.hpp"
#include "domain/site.hpp"

namespace dateline::domain {

/// A site to create, with its sections and authors.
struct SiteSpec {
    Site site;
    std::vector<Section> sections;
    std::vector<Author> authors;
};

/// A whole network to create.
struct NetworkSpec {
    Network network;
    std::vector<SiteSpec> sites;
};

/// Whether a site can be created as described: a valid slug, a name and a language, a known time
/// zone, an http(s) base URL whose path ends in '/', comment limits in range, and section slugs
/// that are valid and not reserved.
Status validate_site(const SiteSpec& site);

}  // namespace dateline::domain
