#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::http {

/// How the access log writes a line: as every other text log line ("2026-12-06T07:27:45.072 info
/// ...", local time), or as one JSON object for log shippers, as every other line is then.
enum class AccessLogFormat { Text, Json };
/// The pattern of the process's text log lines (spdlog's flags), which the command line sets
/// and the access log's lines follow: the access log writes its lines itself, to this shape.
inline constexpr const char* text_log_pattern = "%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v";

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

/// The access log of one event loop: a line per response at the info level (none while the
/// process logs only warnings or worse), in text or as a JSON object, kept in memory until a
/// batch is full or `flush()` is called, as nginx's `access_log ... buffer=` does. A line a
/// request costs no write(2), no lock shared with another thread and no trip through spdlog's
/// pattern (each line's time is written from one kept per second). Batches are written to
/// standard error in whole lines of at most PIPE_BUF bytes, so that they never interleave with
/// another writer's on a pipe. Not thread-safe: one loop's thread uses it. Flushed on
/// destruction; a line is lost only if the process dies between two flushes.
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
    void begin_line();  // the time and level every line starts with
    void end_line();

    AccessLogOptions options_;
    int fd_;
    std::string kept_;                 // whole lines not yet written
    std::string line_;                 // the line being written, its room reused
    std::int64_t second_ = INT64_MIN;  // the second `second_text_` writes
    std::string second_text_;          // "2026-12-06T07:27:45." in the line's time zone
};

}  // namespace dateline::http
