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

/// What the agency says may be done with an item (IPTC's publication status).
enum class WireStatus {
    Usable,    ///< may be published
    Withheld,  ///< must not be used for now; a story made from an earlier version comes down
    Canceled,  ///< withdrawn for good; a story made from an earlier version comes down
};

/// One story as an agency delivered it, before it becomes an article. Text fields are as the
/// agency wrote them: body_html is untrusted and must be sanitized before it is stored.
struct WireItem {
    std::string guid;     ///< the item's stable identifier (ninjs `uri`); versions share it
    std::string version;  ///< the agency's version of the item ("3"), when it gives one
    std::string format;   ///< what the item was read as, for people ("ninjs 3.1")
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
    std::optional<UnixTime> embargoed_until;  ///< not to be published before this moment
    std::optional<int> urgency;               ///< 1 (most urgent) to 9, when given
    WireStatus status = WireStatus::Usable;
    std::optional<WireImage> image;
    std::vector<std::string> warnings;  ///< things skipped that the operator should know about
};

}  // namespace dateline::domain
