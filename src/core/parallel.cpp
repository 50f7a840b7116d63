#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace dateline {

void run_on_cores(std::size_t count, const std::function<void(std::size_t)>& task,
                  const std::function<void()>& thread_end) {
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                task(i);
            } catch (...) {
                const std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()), count);
    {
        std::vector<std::jthread> helpers;
        try {
            for (std::size_t t = 1; t < threads; ++t)
                helpers.emplace_back([&] {
                    work();
                    if (thread_end) thread_end();
                });
        } catch (const std::system_error&) {
            // No thread to be had (a process at its limit): fewer threads do the same work.
        }
        work();
    }  // the helpers are joined here
    if (failure) std::rethrow_exception(failure);
}

}  // namespace dateline
