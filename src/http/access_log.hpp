#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace dateline::http {

/// How the access log writes a line: as every other log line (the default logger's pattern), or
/// as one JSON object for log shippers.
enum class AccessLogFormat { Text, Json };
/// How much of the reader's address the access log keeps: its network (core's anonymised_ip,
/// the default), all of it, or none ("-").
enum class LoggedAddress { Network, Full, None };

struct AccessLogOptions {
    AccessLogFormat format = AccessLogFormat::Text;
    LoggedAddress addresses = LoggedAddress::Network;
};

/// `address` (canonical) as the log keeps it.
std::string logged_address(std::string_view address, LoggedAddress kept);

/// What the access log says of one response.
struct AccessRecord {
    std::string_view request_id;
    std::string_view address;  ///< as logged_address wrote it
    std::string_view method;
    std::string_view target;
    int status = 0;
    std::size_t body_bytes = 0;
    long long micros = 0;      ///< from the request read to the response written
    std::string_view cache{};  ///< the page cache's answer ("hit", "miss", ...) or empty
};

/// The access log of one event loop: a line per response, in text (the default logger's pattern
/// and level) or as a JSON object, and kept in memory until a batch is full or `flush()` is
/// called, as nginx's `access_log ... buffer=` does. A line a request costs no write(2) and no lock
/// shared with another thread. Batches are written to standard error in whole lines of at most
/// PIPE_BUF bytes, so that they never interleave with another writer's on a pipe. Not thread-safe:
/// one loop's thread uses it. Flushed on destruction; a line is lost only if the process dies
/// between two flushes.
class AccessLog {
  public:
    /// Writes to `fd` (standard error unless a test gives another); does not own it.
    explicit AccessLog(AccessLogOptions options = {}, int fd = 2);
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    void record(const AccessRecord& r);
    void flush();

  private:
    AccessLogOptions options_;
    std::string name_;  // the logger's name in spdlog's registry, unique in the process
    std::shared_ptr<spdlog::logger> logger_;
    std::string line_;  // a text line's message, its room reused
};

}  // namespace dateline::http
