#include "db/connection_pool.hpp"

namespace dateline::db {

Database::Lease ConnectionPool::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !idle_.empty(); });
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
}

void ConnectionPool::add(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
    add(std::move(connection));
    available_.notify_one();
}

}  // namespace dateline::db
