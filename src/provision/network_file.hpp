#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"
#include "domain/network_spec.hpp"

namespace dateline::provision {

/// Reads a network description (the format of demo/network.json, documented in demo/README.md).
/// Each site's base URL is its "base_url" when given (a site on its own host), else `public_url`
/// joined with its "path".
Result<domain::NetworkSpec> read_network_spec(const std::filesystem::path& file,
                                              const std::string& public_url);

/// A network of one English site at the public URL's root, for a fresh install without the demo.
domain::NetworkSpec default_network_spec(const std::string& public_url);

/// Validates a public URL given on the command line and returns it without a trailing '/'.
Result<std::string> normalise_public_url(const std::string& url);

}  // namespace dateline::provision
