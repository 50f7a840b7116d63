#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace dateline::domain {

/// A picture that came with a wire item: where its file is and how to credit it.
struct WireImage {
    std::string location;  ///< a local file path (remote renditions are not fetched here)
    std::string caption;
    std::string credit;
};

/// One story as an agency delivered it, before it becomes an article. Text fields are as the
/// agency wrote them: body_html is untrusted and must be sanitized before it is stored.
struct WireItem {
    std::string guid;  ///< the item's stable identifier (ninjs `uri`); versions share it
    std::string headline;
    std::string standfirst;
    std::string body_html;
    std::string byline;
    std::string dateline;
    std::string source_credit;
    std::string language;
    std::vector<std::string> tags;
    std::optional<UnixTime> first_created;
    std::optional<UnixTime> version_created;
    std::optional<WireImage> image;
    std::vector<std::string> warnings;  ///< things skipped that the operator should know about
};

}  // namespace dateline::domain
