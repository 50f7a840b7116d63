#include "http/access_log.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <climits>
#include <ctime>
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

AccessLog::AccessLog(AccessLogOptions options, int fd) : options_(options), fd_(fd) {
    kept_.reserve(PIPE_BUF);
}

AccessLog::~AccessLog() {
    flush();
}

namespace {

// The bytes a target keeps as they are in the log, by table (every response's target is read).
constexpr std::array<bool, 256> printable = [] {
    std::array<bool, 256> table{};
    for (int c = 0x21; c < 0x7F; ++c) table[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return table;
}();

// A client's target as the log writes it: printable ASCII but for the quote and the backslash,
// the rest as \xHH, so that a target can neither end its field early, start a line of its own,
// nor make a JSON line invalid UTF-8. Nearly every target is written as it came.
std::string_view loggable(std::string_view target, std::string& escaped) {
    const auto plain = [](unsigned char c) { return printable[c]; };
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
    if (!spdlog::should_log(spdlog::level::info)) return;
    const std::string_view cache = r.cache.empty() ? "-" : r.cache;
    std::string escaped;
    const std::string_view target = loggable(r.target, escaped);
    begin_line();
    if (options_.format == AccessLogFormat::Text) {
        // Written by hand: fmt's parse of a format string cost more than the appends, and this
        // runs for every response, cached hits included.
        const auto number = [this](long long n) {
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
    } else {
        // The id, address, method and cache outcome are made of token characters; the target
        // is the client's, made printable and escaped as a JSON string.
        fmt::format_to(
            std::back_inserter(line_),
            R"("id":"{}","address":"{}","method":"{}","target":{},"status":{},)"
            R"("bytes":{},"micros":{},"cache":"{}"}})",
            r.request_id, r.address, r.method,
            boost::json::serialize(boost::json::string_view(target.data(), target.size())),
            r.status, r.body_bytes, r.micros, cache);
    }
    end_line();
}

// As the process's other lines begin (text_log_pattern, or write_logs_as_json's): the time to
// the millisecond, local in text and UTC in JSON, then the level.
void AccessLog::begin_line() {
    using namespace std::chrono;
    const auto now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    const std::int64_t second = now / 1000;
    const auto millis = static_cast<int>(now % 1000);
    if (second != second_) {
        second_ = second;
        const auto t = static_cast<std::time_t>(second);
        std::tm parts{};
        if (options_.format == AccessLogFormat::Json)
            gmtime_r(&t, &parts);
        else
            localtime_r(&t, &parts);
        char text[40];
        const auto n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.", &parts);
        second_text_.assign(text, n);
    }
    line_.clear();
    if (options_.format == AccessLogFormat::Json) line_ += R"({"time":")";
    line_ += second_text_;
    line_ += static_cast<char>('0' + millis / 100);
    line_ += static_cast<char>('0' + millis / 10 % 10);
    line_ += static_cast<char>('0' + millis % 10);
    line_ += options_.format == AccessLogFormat::Json ? R"(Z","level":"info",)" : " info ";
}

// Keeps the line, writing the batch first if the line would take it past PIPE_BUF bytes (a
// longer line goes alone): POSIX makes a write of up to PIPE_BUF bytes to a pipe atomic.
void AccessLog::end_line() {
    line_ += '\n';
    if (kept_.size() + line_.size() > PIPE_BUF) flush();
    kept_ += line_;
    if (kept_.size() >= PIPE_BUF) flush();
}

void AccessLog::flush() {
    write_fully(fd_, kept_);
    kept_.clear();
}

}  // namespace dateline::http
