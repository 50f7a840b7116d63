#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dateline::cache {

/// One render per key at a time: when many readers ask for the same missing page (a story that
/// just broke), the first renders it and the others wait for that render instead of repeating it
/// (no stampede on the database). Safe to share between threads.
class SingleFlight {
    struct Flight {
        bool done = false;
        std::condition_variable finished;
    };

  public:
    /// A caller's place for a key: the leader does the work and, when the Turn ends, wakes the
    /// others; a follower's Turn has already waited for the leader (or for `patience`).
    class Turn {
      public:
        Turn(SingleFlight& owner, std::string key, std::shared_ptr<Flight> flight, bool leader)
            : owner_(&owner), key_(std::move(key)), flight_(std::move(flight)), leader_(leader) {}
        Turn(Turn&& other) noexcept
            : owner_(other.owner_),
              key_(std::move(other.key_)),
              flight_(std::move(other.flight_)),
              leader_(other.leader_) {
            other.leader_ = false;
        }
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
        Turn& operator=(Turn&&) = delete;
        ~Turn();

        /// True: this caller does the work. False: another did it, or took longer than the
        /// patience given, and this caller may look for its result or do the work itself.
        bool leader() const { return leader_; }

      private:
        SingleFlight* owner_;
        std::string key_;
        std::shared_ptr<Flight> flight_;
        bool leader_;
    };

    /// Becomes the leader for `key`, or waits up to `patience` for the current one to finish.
    Turn enter(const std::string& key, std::chrono::milliseconds patience);
    /// True while a leader works on `key`.
    bool busy(const std::string& key) const;

  private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace dateline::cache
