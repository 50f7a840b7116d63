#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/site.hpp"

namespace dateline::domain {

/// A picture that came with a wire item: where its file is and how to credit it.
struct WireImage {
    std::string location;  ///< a local file path; empty while only `url` is known
    std::string caption;
    std::string credit;
    std::string url;  ///< the remote rendition to fetch (maybe relative to its feed's address)
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

/// The stored name of a publication status: "usable", "withheld", "canceled".
std::string_view to_string(WireStatus status);
/// The status with this stored name; nothing for any other text.
std::optional<WireStatus> parse_wire_status(std::string_view text);

/// How a wire source brings its items.
enum class WireSourceKind {
    Folder,  ///< files dropped into a folder
    Url,     ///< a feed or an agency's endpoint pulled over HTTP(S) on a schedule
};

/// Where an agency's items come from: a folder its drops land in (an FTP or SFTP upload folder,
/// a shared folder), or an address pulled on a schedule, feeding one site, and a section of it
/// when given.
struct WireSource {
    Id id = 0;
    std::string name;  ///< the operator's name for it ("afp-english"), unique
    WireSourceKind kind = WireSourceKind::Folder;
    std::string location;  ///< the folder's absolute path, or the http(s) URL
    Id site_id = 0;
    std::string site_slug;
    std::optional<Id> section_id;
    std::string section_slug;   ///< empty without a section
    bool auto_publish = false;  ///< its items are published as they arrive, not only queued
    UnixTime created_at = 0;
    // A URL source's schedule, and what its last pull learnt.
    int poll_seconds = 60;  ///< how often it is pulled when all goes well
    std::string etag;       ///< the validators of its last answer, for a conditional pull
    std::string last_modified;
    UnixTime next_poll_at = 0;  ///< when it is next due
    int failures = 0;           ///< pulls failed in a row: each doubles the wait, up to an hour
    std::string last_error;     ///< why the last pull failed, for the operator
};

/// A version of an item as it reached the wire desk, in the queue.
struct ReceivedWireItem {
    Id id = 0;
    std::optional<Id> source_id;
    std::string source_name;  ///< empty when its source was removed since
    UnixTime received_at = 0;
    std::optional<Id> article_id;  ///< the story made from it, when one was
    WireItem item;
};

/// What the wire queue shows: of one source, in one language, at least this urgent, with these
/// words in the headline (any empty field narrows nothing), after the item `before_id`.
struct WireQueueQuery {
    std::string source_name;
    std::string language;        ///< a language tag or its primary subtag ("en" gives "en-GB")
    std::optional<int> urgency;  ///< items of this urgency or a more urgent one (1 is the most)
    std::string text;
    std::optional<Id> before_id;
    int limit = 100;
};

}  // namespace dateline::domain
