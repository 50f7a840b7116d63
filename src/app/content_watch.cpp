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
    ChangedContent changed;
    const auto add = [](auto& list, const auto& item) {
        if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
    };
    for (const auto& c : changes) {
        switch (c.scope) {
            case Scope::Site:
                add(changed.sites, c.site_id);
                break;
            case Scope::Story:
                add(changed.stories, ChangedContent::Story{c.site_id, c.article_id, c.section_id});
                break;
            case Scope::Tag:
                add(changed.tags, c.tag_id);
                break;
            case Scope::Article:
                add(changed.comments, c.article_id);
                break;
            case Scope::Network:
                break;
        }
    }
    if (!changed.empty() && handlers_.content_changed) handlers_.content_changed(changed);
}

void ContentWatch::poll(std::chrono::milliseconds timeout) {
    try {
        if (watcher_)
            hand_on(watcher_->wait(timeout));
        else
            std::this_thread::sleep_for(timeout);
        const UnixTime now = clock_.now();
        if (articles_ && (!published_at_ || now - *published_at_ >= publish_interval_seconds)) {
            published_at_ = now;
            if (auto done = articles_->publish_due(); !done)
                spdlog::warn("could not publish scheduled stories: {}", done.error().message);
            else
                for (const auto id : *done) spdlog::info("published scheduled story {}", id);
        }
        if (search_ && !search_current_) {
            if (auto indexed = search_->catch_up(SearchIndexer::batch_size); !indexed)
                spdlog::warn("could not index stories for search: {}", indexed.error().message);
            else if (*indexed > 0)
                spdlog::info("indexed {} stories for search", *indexed);
            else
                search_current_ = true;
        }
        if (reads_ && (!reads_flushed_at_ || now - *reads_flushed_at_ >= reads_interval_)) {
            reads_flushed_at_ = now;
            if (auto flushed = reads_->flush(); !flushed)
                spdlog::warn("could not add up the stories' reads: {}", flushed.error().message);
        }
        if (!purged_at_ || now - *purged_at_ >= purge_interval_seconds) {
            purged_at_ = now;
            if (auto done = limits_.purge(); !done)
                spdlog::warn("could not forget old tokens: {}", done.error().message);
            if (sessions_)
                if (auto done = sessions_->purge(); !done)
                    spdlog::warn("could not forget ended sessions: {}", done.error().message);
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
