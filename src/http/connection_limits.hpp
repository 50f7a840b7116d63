#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

namespace dateline::http {

/// Open connections counted per address and per IP network, so that one client cannot take
/// them all. Thread-safe.
class ConnectionCounts {
  public:
    ConnectionCounts(int per_address, int per_network)
        : per_address_(per_address), per_network_(per_network) {}

    /// Counts a new connection from `address` (canonical) in `network`; false, counting
    /// nothing, when either is at its limit.
    bool admit(const std::string& address, const std::string& network);
    /// Forgets a connection admit() counted.
    void release(const std::string& address, const std::string& network);

  private:
    void forget_empty(const std::string& address, const std::string& network);

    int per_address_;
    int per_network_;
    std::mutex mutex_;
    std::unordered_map<std::string, int> addresses_;
    std::unordered_map<std::string, int> networks_;
};

/// Raises the process's descriptor limit to its hard limit and returns how many connections
/// fit in it, at most `wanted` (a few descriptors stay for the listener, the database, logs
/// and files).
int connections_that_fit(int wanted);

}  // namespace dateline::http
