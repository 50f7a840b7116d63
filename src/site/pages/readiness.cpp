// /readyz, for load balancers and orchestrators: whether this node can serve readers now.
#include <spdlog/spdlog.h>

#include "site/reader_pages.hpp"

namespace dateline::site {

http::Response ReaderPages::readiness_show() {
    const auto ready = reader_.ready();
    auto response = ready ? http::Response::text(200, "ready\n")
                          : http::Response::text(503, ready.error().message + "\n");
    if (!ready) spdlog::warn("not ready: {} {}", ready.error().message, ready.error().cause);
    response.set_header("Cache-Control", "no-store");
    return response;
}

}  // namespace dateline::site
