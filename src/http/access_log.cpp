#include "http/access_log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>

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

AccessLog::AccessLog(int fd)
    : name_("access-" + std::to_string(++access_logs_made)),
      logger_(std::make_shared<spdlog::logger>(name_, std::make_shared<BatchSink>(fd))) {
    spdlog::initialize_logger(logger_);  // the pattern and level every log line has
}

AccessLog::~AccessLog() {
    flush();
    spdlog::drop(name_);
}

void AccessLog::record(const AccessRecord& r) {
    logger_->info("{} {} \"{} {}\" {} {} {}us", r.request_id, r.address, r.method, r.target,
                  r.status, r.body_bytes, r.micros);
}

void AccessLog::flush() {
    logger_->flush();
}

}  // namespace dateline::http
