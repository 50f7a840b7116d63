#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "app/article_service.hpp"
#include "app/most_read.hpp"
#include "app/search_indexer.hpp"
#include "app/session_service.hpp"
#include "app/shared_limits.hpp"
#include "core/clock.hpp"
#include "db/change_watcher.hpp"
#include "domain/site.hpp"

namespace dateline::app {

/// What changed in one round, short of the whole network, as pages show it.
struct ChangedContent {
    struct Story {
        domain::Id site = 0;
        domain::Id story = 0;
        domain::Id section = 0;  ///< 0: none
        friend bool operator==(const Story&, const Story&) = default;
    };
    std::vector<domain::Id> sites;     ///< what every page of these sites may show
    std::vector<Story> stories;        ///< listed stories that came, went or changed
    std::vector<domain::Id> tags;      ///< tags a listed story joined or left
    std::vector<domain::Id> comments;  ///< stories whose shown comments changed

    bool empty() const {
        return sites.empty() && stories.empty() && tags.empty() && comments.empty();
    }
};

/// What a node does when the content changes (each may be left empty).
struct ContentHandlers {
    std::function<void()> network_changed;  ///< sites, sections: everything
    /// Everything else a round saw, each thing once.
    std::function<void(const ChangedContent&)> content_changed;
};

/// A serving node's background duty: hands on what changed in the content, whoever changed it
/// (db::ChangeWatcher), publishes scheduled stories when their time comes (every node tries;
/// each story is published by one), indexes for search the stories the index lacks (after an
/// upgrade: a batch a round, until none is left), adds up the reads the node counted and ranks
/// the most read stories (MostRead, every `reads_interval` seconds), and now and then forgets
/// spent tokens, old rate-limit windows and ended newsroom sessions.
/// Time comes from the injected clock, so tests move it rather than wait.
class ContentWatch {
  public:
    /// Without a watcher (the database could not be watched) only the housekeeping runs.
    ContentWatch(std::unique_ptr<db::ChangeWatcher> watcher, SharedLimits& limits,
                 const Clock& clock, ContentHandlers handlers, SessionService* sessions = nullptr,
                 ArticleService* articles = nullptr, SearchIndexer* search = nullptr,
                 MostRead* reads = nullptr,
                 UnixTime reads_interval = MostRead::flush_interval_seconds)
        : watcher_(std::move(watcher)),
          limits_(limits),
          sessions_(sessions),
          articles_(articles),
          search_(search),
          reads_(reads),
          reads_interval_(reads_interval),
          clock_(clock),
          handlers_(std::move(handlers)) {}

    /// One round: waits up to `timeout` for changes and hands them on (a change to the network
    /// covers every other), then does the housekeeping when it is due. Never throws.
    void poll(std::chrono::milliseconds timeout);
    /// Rounds of `poll_interval` until `running` turns false.
    void run(const std::atomic<bool>& running);

    static constexpr std::chrono::milliseconds poll_interval{250};
    /// How often spent tokens and old windows are forgotten, in the clock's seconds.
    static constexpr UnixTime purge_interval_seconds = 600;
    /// How often scheduled stories whose time has come are published, in the clock's seconds.
    /// Readers see them on time regardless (a scheduled story is listed from its time on); this
    /// moves their state, which the newsroom shows.
    static constexpr UnixTime publish_interval_seconds = 5;

  private:
    void hand_on(const std::vector<db::ContentChange>& changes);

    std::unique_ptr<db::ChangeWatcher> watcher_;
    SharedLimits& limits_;
    SessionService* sessions_;
    ArticleService* articles_;
    SearchIndexer* search_;
    MostRead* reads_;
    UnixTime reads_interval_;
    std::optional<UnixTime> reads_flushed_at_;
    bool search_current_ = false;  ///< nothing was left to index at the last look
    const Clock& clock_;
    ContentHandlers handlers_;
    std::optional<UnixTime> purged_at_;
    std::optional<UnixTime> published_at_;
};

}  // namespace dateline::app
