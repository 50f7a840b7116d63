#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dateline::db {

/// What a change touched (migrations/*/0008_name_changed_stories.sql).
struct ContentChange {
    enum class Scope {
        Network,  ///< the network, its sites or their sections: every page
        Site,     ///< what every page of `site_id` may show (a tag or an author renamed)
        Story,    ///< listed story `article_id` of `site_id`, in section `section_id` (0: none),
                  ///< came, went or changed: the pages showing it, the home and section pages
        Tag,      ///< a listed story joined or left tag `tag_id` of `site_id`: its listing
        Article,  ///< the comments shown under `article_id`: that story's pages
    };
    Scope scope = Scope::Network;
    std::int64_t site_id = 0;
    std::int64_t article_id = 0;
    std::int64_t section_id = 0;
    std::int64_t tag_id = 0;

    friend bool operator==(const ContentChange&, const ContentChange&) = default;
};

/// A notification payload ("network", "site:3", "story:3:17:4", "tag:3:9", "article:3:17") as a
/// change; anything else is taken for a change to the whole network.
ContentChange parse_content_change(std::string_view payload);

/// Tells a node what in the database's content changed, whoever changed it: another node, a
/// CLI command, another tool. Writes that readers cannot see (rate-limit counters, spent tokens,
/// pending comments, drafts) are not changes. PostgreSQL: LISTEN on the channel the content
/// tables' triggers NOTIFY; SQLite: the `content_changes` table the same triggers fill, read
/// when `PRAGMA data_version` says another connection committed.
class ChangeWatcher {
  public:
    virtual ~ChangeWatcher() = default;
    /// Waits up to `timeout` for changes; empty when there were none. After a lost connection
    /// came back, or when changes were forgotten before they were read, it reports a Network
    /// change, since changes may have been missed. Never throws.
    virtual std::vector<ContentChange> wait(std::chrono::milliseconds timeout) = 0;
};

/// The name of the PostgreSQL notification channel.
inline constexpr const char* change_channel = "dateline_content";

/// A watcher on its own connection to the database at `url` ("sqlite:PATH" or "postgresql://").
Result<std::unique_ptr<ChangeWatcher>> watch_changes(const std::string& url);

}  // namespace dateline::db
