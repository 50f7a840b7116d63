#include "db/connection_pool.hpp"

namespace dateline::db {

Database::Lease ConnectionPool::acquire() {
    std::unique_lock lock(mutex_);
    if (idle_.empty()) {
        const auto started = std::chrono::steady_clock::now();
        available_.wait(lock, [this] { return !idle_.empty(); });
        ++statistics_.waits;
        statistics_.waited += std::chrono::steady_clock::now() - started;
    }
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    ++statistics_.leases;
    ++statistics_.in_use;
    return Lease(*this, std::move(connection));
}

Database::Statistics ConnectionPool::statistics() const {
    std::lock_guard lock(mutex_);
    return statistics_;
}

void ConnectionPool::add(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    ++statistics_.connections;
}

void ConnectionPool::release(std::unique_ptr<Connection> connection,
                             std::chrono::steady_clock::duration held) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
        --statistics_.in_use;
        statistics_.held += held;
    }
    available_.notify_one();
}

}  // namespace dateline::db
