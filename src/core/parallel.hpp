#pragma once

#include <cstddef>
#include <functional>

namespace dateline {

/// Calls task(0) to task(count - 1), each once, on as many threads as the machine has cores and
/// there are calls, the caller's thread among them, and returns when every call has returned.
/// For independent work that holds one core each (encoding a picture's copies, storing
/// pictures). If calls throw, the others still run and the first exception is thrown again
/// once all are done. `thread_end`, when given, runs on each helper thread before it ends
/// (libraries that keep state per thread, as libvips does, are told there). When no more threads
/// can be started, the calls run on those there are, the caller's at least.
void run_on_cores(std::size_t count, const std::function<void(std::size_t)>& task,
                  const std::function<void()>& thread_end = {});

}  // namespace dateline
