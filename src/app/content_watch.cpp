#include "app/content_watch.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

namespace dateline::app {

void ContentWatch::hand_on(const std::vector<db::ContentChange>& changes) {
    using Scope = db::ContentChange::Scope;
    const bool whole_network = std::any_of(changes.begin(), changes.end(),
                                           [](const auto& c) { return c.scope == Scope::Network; });
    if (whole_network) {
        if (handlers_.network_changed) handlers_.network_changed();
        return;
    }
    for (const auto& change : changes) {
        if (change.scope == Scope::Site && change.site_id > 0 && handlers_.site_changed)
            handlers_.site_changed(change.site_id);
        else if (change.scope == Scope::Article && change.article_id > 0 && handlers_.story_changed)
            handlers_.story_changed(change.article_id);
    }
}

void ContentWatch::poll(std::chrono::milliseconds timeout) {
    try {
        if (watcher_)
            hand_on(watcher_->wait(timeout));
        else
            std::this_thread::sleep_for(timeout);
        const UnixTime now = clock_.now();
        if (!purged_at_ || now - *purged_at_ >= purge_interval_seconds) {
            purged_at_ = now;
            if (auto done = limits_.purge(); !done)
                spdlog::warn("could not forget old tokens: {}", done.error().message);
        }
    } catch (const std::exception& e) {
        // A handler's failure must not end the watch: the next change is handed on again.
        spdlog::error("handling a content change failed: {}", e.what());
    }
}

void ContentWatch::run(const std::atomic<bool>& running) {
    while (running) poll(poll_interval);
}

}  // namespace dateline::app
