#pragma once

#include "http/router.hpp"
#include "http/static_files.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

/// A request for one of the network's own paths, before any site is matched.
struct NetworkRequest {
    const http::Request& http;
    const SiteSnapshot& snapshot;
};

/// /readyz: whether the node can serve readers (ReaderPages::readiness_show), answered on a
/// worker thread since it asks the database. /healthz says only that the process answers.
inline constexpr const char* readiness_segment = "readyz";

/// The network's own paths, the same on every host: health, files, security checks.
http::Router<NetworkRequest> network_routes(ReaderPages& pages, const http::StaticFiles& assets,
                                            const http::StaticFiles& media);

/// A site's pages, below its path prefix.
http::Router<PageRequest> site_routes(ReaderPages& pages);

}  // namespace dateline::site
