#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dateline::db {

/// What a change touched (migrations/*/0006_track_content_changes.sql).
struct ContentChange {
    enum class Scope {
        Network,  ///< the network, its sites or their sections: every page
        Site,     ///< a story of `site_id` came, went or changed: that site's pages
        Article,  ///< the comments shown under `article_id`: that story's pages
    };
    Scope scope = Scope::Network;
    std::int64_t site_id = 0;
    std::int64_t article_id = 0;

    friend bool operator==(const ContentChange&, const ContentChange&) = default;
};

/// A notification payload ("network", "site:3", "article:3:17") as a change; anything else is
/// taken for a change to the whole network.
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
