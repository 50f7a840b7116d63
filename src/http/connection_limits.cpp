#include "http/connection_limits.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>

namespace dateline::http {

namespace {

constexpr long long descriptors_kept_free = 64;

}  // namespace

bool ConnectionCounts::admit(const std::string& address, const std::string& network) {
    std::lock_guard lock(mutex_);
    auto& by_address = addresses_[address];
    auto& by_network = networks_[network];
    if (by_address >= per_address_ || by_network >= per_network_) {
        forget_empty(address, network);
        return false;
    }
    ++by_address;
    ++by_network;
    return true;
}

void ConnectionCounts::release(const std::string& address, const std::string& network) {
    std::lock_guard lock(mutex_);
    --addresses_[address];
    --networks_[network];
    forget_empty(address, network);
}

void ConnectionCounts::forget_empty(const std::string& address, const std::string& network) {
    if (addresses_[address] <= 0) addresses_.erase(address);
    if (networks_[network] <= 0) networks_.erase(network);
}

int connections_that_fit(int wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur == RLIM_INFINITY) return wanted;
    const long long usable = static_cast<long long>(limit.rlim_cur) - descriptors_kept_free;
    if (usable >= wanted) return wanted;
    spdlog::warn("only {} descriptors: at most {} connections", limit.rlim_cur,
                 std::max(1LL, usable));
    return static_cast<int>(std::max(1LL, usable));
}

}  // namespace dateline::http
