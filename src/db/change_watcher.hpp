#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/result.hpp"

namespace dateline::db {

/// Tells a node that the database's content changed, whoever changed it: another node, a CLI
/// command, another tool. PostgreSQL: LISTEN on the channel the content tables' triggers NOTIFY
/// (migrations/postgres/0002); SQLite: `PRAGMA data_version`, which moves when any other
/// connection commits.
class ChangeWatcher {
  public:
    virtual ~ChangeWatcher() = default;
    /// Waits up to `timeout`; true when the content changed, or may have (after a lost connection
    /// to the server came back, notifications may have been missed). Never throws.
    virtual bool wait(std::chrono::milliseconds timeout) = 0;
};

/// The name of the PostgreSQL notification channel.
inline constexpr const char* change_channel = "dateline_content";

/// A watcher on its own connection to the database at `url` ("sqlite:PATH" or "postgresql://").
Result<std::unique_ptr<ChangeWatcher>> watch_changes(const std::string& url);

}  // namespace dateline::db
