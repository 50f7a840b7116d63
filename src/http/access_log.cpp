#include "http/access_log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <climits>
#include <iterator>

#include "core/ip_address.hpp"

namespace dateline::http {

namespace {

// Writes all of `bytes` to `fd`, or gives up on an error other than an interruption: a log
// that cannot be written must not stop the server.
void write_fully(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Keeps formatted lines and writes them in batches of whole lines, each at most PIPE_BUF bytes
// (a longer line alone): POSIX makes a write of up to PIPE_BUF bytes to a pipe atomic.
class BatchSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
  public:
    explicit BatchSink(int fd) : fd_(fd) { kept_.reserve(PIPE_BUF); }

  protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        spdlog::memory_buf_t line;
        formatter_->format(msg, line);
        if (kept_.size() + line.size() > PIPE_BUF) flush_();
        kept_.append(line.data(), line.size());
        if (kept_.size() >= PIPE_BUF) flush_();
    }

    void flush_() override {
        write_fully(fd_, kept_);
        kept_.clear();
    }

  private:
    int fd_;
    std::string kept_;
};

std::atomic<unsigned> access_logs_made{0};

}  // namespace

std::string logged_address(std::string_view address, LoggedAddress kept) {
    switch (kept) {
        case LoggedAddress::Full:
            return std::string(address);
        case LoggedAddress::None:
            return "-";
        case LoggedAddress::Network:
            break;
    }
    return anonymised_ip(address);
}

AccessLog::AccessLog(AccessLogOptions options, int fd)
    : options_(options),
      name_("access-" + std::to_string(++access_logs_made)),
      logger_(std::make_shared<spdlog::logger>(name_, std::make_shared<BatchSink>(fd))) {
    spdlog::initialize_logger(logger_);  // the pattern and level every log line has
    // A JSON line's time in UTC, to the millisecond, as log shippers parse it (RFC 3339).
    if (options_.format == AccessLogFormat::Json)
        logger_->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                             spdlog::pattern_time_type::utc);
}

AccessLog::~AccessLog() {
    flush();
    spdlog::drop(name_);
}

namespace {

// A client's target as the log writes it: printable ASCII but for the quote and the backslash,
// the rest as \xHH, so that a target can neither end its field early, start a line of its own,
// nor make a JSON line invalid UTF-8. Nearly every target is written as it came.
std::string_view loggable(std::string_view target, std::string& escaped) {
    const auto plain = [](unsigned char c) {
        return c > 0x20 && c < 0x7F && c != '"' && c != '\\';
    };
    if (std::all_of(target.begin(), target.end(), plain)) return target;
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const unsigned char c : target) {
        if (plain(c)) {
            escaped += static_cast<char>(c);
        } else {
            escaped += "\\x";
            escaped += hex[c >> 4];
            escaped += hex[c & 0xF];
        }
    }
    return escaped;
}

}  // namespace

void AccessLog::record(const AccessRecord& r) {
    const std::string_view cache = r.cache.empty() ? "-" : r.cache;
    std::string escaped;
    const std::string_view target = loggable(r.target, escaped);
    if (options_.format == AccessLogFormat::Text) {
        // Written by hand into a line kept between requests: fmt's parse of a format string cost
        // more than the appends, and this runs for every response, cached hits included.
        line_.clear();
        const auto number = [&](long long n) {
            char digits[24];
            const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
            line_.append(digits, end);
        };
        line_.append(r.request_id).append(" ").append(r.address).append(" \"");
        line_.append(r.method).append(" ").append(target).append("\" ");
        number(r.status);
        line_ += ' ';
        number(static_cast<long long>(r.body_bytes));
        line_ += ' ';
        number(r.micros);
        line_.append("us ").append(cache);
        logger_->info(std::string_view(line_));
        return;
    }
    // The id, address, method and cache outcome are made of token characters; the target is
    // the client's, made printable and escaped as a JSON string.
    logger_->info(R"("id":"{}","address":"{}","method":"{}","target":{},"status":{},"bytes":{},)"
                  R"("micros":{},"cache":"{}")",
                  r.request_id, r.address, r.method,
                  boost::json::serialize(boost::json::string_view(target.data(), target.size())),
                  r.status, r.body_bytes, r.micros, cache);
}

void AccessLog::flush() {
    logger_->flush();
}

}  // namespace dateline::http
