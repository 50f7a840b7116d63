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
    return lend(lock);
}

std::optional<Database::Lease> ConnectionPool::try_acquire(std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    if (idle_.empty()) {
        const auto started = std::chrono::steady_clock::now();
        const bool came_back = available_.wait_for(lock, wait, [this] { return !idle_.empty(); });
        if (!came_back) return std::nullopt;  // not a borrowing: the statistics count those
        ++statistics_.waits;
        statistics_.waited += std::chrono::steady_clock::now() - started;
    }
    return lend(lock);
}

Database::Lease ConnectionPool::lend(std::unique_lock<std::mutex>& /*held*/) {
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
    // A transaction left open (a snapshot whose commit failed) would hold every later lease of
    // this connection to its moment, and on SQLite keep the log from being checkpointed. Ending
    // none is free: both drivers see locally that no transaction is open.
    (void)connection->rollback();
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
        --statistics_.in_use;
        statistics_.held += held;
    }
    available_.notify_one();
}

}  // namespace dateline::db
