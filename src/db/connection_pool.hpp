#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "db/database.hpp"

namespace dateline::db {

/// A Database that hands out a fixed set of connections, made by a driver: acquire() waits for
/// an idle one, a Lease gives it back, ending any transaction it left open. Shared by every
/// driver.
class ConnectionPool : public Database {
  public:
    Lease acquire() override;
    std::optional<Lease> try_acquire(std::chrono::milliseconds wait) override;
    Statistics statistics() const override;

  protected:
    /// Adds a connection to the pool; drivers call it while opening.
    void add(std::unique_ptr<Connection> connection);

  private:
    void release(std::unique_ptr<Connection> connection,
                 std::chrono::steady_clock::duration held) override;
    // Hands out an idle connection; the caller holds the lock and has seen one idle.
    Lease lend(std::unique_lock<std::mutex>& held);

    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    Statistics statistics_;
};

}  // namespace dateline::db
