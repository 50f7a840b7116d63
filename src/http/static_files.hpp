#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace dateline::http {

/// Serves the files of one folder: only regular files inside it (the target's segments are
/// already free of "..", and symbolic links pointing outside are refused), a Content-Type from
/// the extension (unknown extensions are refused), a strong ETag with If-None-Match answered by
/// 304, and the given Cache-Control.
class StaticFiles {
  public:
    StaticFiles(const std::filesystem::path& root, std::string cache_control)
        : root_(std::filesystem::weakly_canonical(root)),
          cache_control_(std::move(cache_control)) {}

    /// The response for the file at `segments` under the root, or nothing when there is none.
    std::optional<Response> serve(const Request& request,
                                  const std::vector<std::string>& segments) const;

  private:
    std::filesystem::path root_;
    std::string cache_control_;
};

/// The Content-Type for a file extension (".css"), or empty when the extension is not served.
std::string_view content_type_for(std::string_view extension);

}  // namespace dateline::http
