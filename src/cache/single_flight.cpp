#include "cache/single_flight.hpp"

namespace dateline::cache {

SingleFlight::Turn::~Turn() {
    if (!leader_) return;
    std::lock_guard lock(owner_->mutex_);
    flight_->done = true;
    owner_->flights_.erase(key_);
    flight_->finished.notify_all();
}

SingleFlight::Turn SingleFlight::enter(const std::string& key, std::chrono::milliseconds patience) {
    std::unique_lock lock(mutex_);
    const auto found = flights_.find(key);
    if (found == flights_.end()) {
        auto flight = std::make_shared<Flight>();
        flights_.emplace(key, flight);
        return Turn(*this, key, std::move(flight), true);
    }
    auto flight = found->second;
    flight->finished.wait_for(lock, patience, [&] { return flight->done; });
    return Turn(*this, key, std::move(flight), false);
}

bool SingleFlight::busy(const std::string& key) const {
    std::lock_guard lock(mutex_);
    return flights_.contains(key);
}

}  // namespace dateline::cache
