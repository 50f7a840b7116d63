#include "cli/command.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"
#include "core/database_url.hpp"

// The source tree of the build that made this binary, which holds what an installed copy keeps
// in share/dateline (themes/, newsroom/, api/, demo/).
#ifndef DATELINE_SOURCE_SHARE_DIR
#define DATELINE_SOURCE_SHARE_DIR "/usr/share/dateline"
#endif

namespace dateline::cli {

namespace {

bool holds_share(const fs::path& dir) {
    std::error_code ec;
    return !dir.empty() && fs::is_directory(dir / "themes" / "default", ec);
}

fs::path find_share_dir() {
    if (const char* named = std::getenv("DATELINE_SHARE_DIR"); named && *named) return named;
    // An installed binary, whatever its prefix or root (/usr, /opt/dateline, a package
    // unpacked into a folder): <prefix>/bin/dateline beside <prefix>/share/dateline.
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = self.parent_path().parent_path() / "share" / "dateline";
        if (holds_share(installed)) return installed;
    }
    return DATELINE_SOURCE_SHARE_DIR;
}

// spdlog's %v as a JSON string (quotes, backslashes and control characters escaped).
class JsonMessage final : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& msg, const std::tm&,
                spdlog::memory_buf_t& dest) override {
        const std::string text = boost::json::serialize(
            boost::json::string_view(msg.payload.data(), msg.payload.size()));
        dest.append(text.data(), text.data() + text.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override {
        return std::make_unique<JsonMessage>();
    }
};

// Every log line from here on one JSON object, its time in UTC (RFC 3339), for log shippers.
void write_logs_as_json() {
    auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    formatter->add_flag<JsonMessage>('*').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","message":%*})");
    spdlog::set_formatter(std::move(formatter));
}

}  // namespace

const fs::path& share_dir() {
    static const fs::path dir = find_share_dir();
    return dir;
}

void DataOptions::add_to(CLI::App& command) {
    command.add_option("--data", data_, "Data directory (database, media, dateline.toml)")
        ->required();
    add_flag(command, "--db", "db",
             "Database URL: sqlite:PATH (default sqlite:DATA/dateline.db) or postgresql://...");
    add_flag(command, "--config", config::config_file_option,
             "Configuration file (default DATA/dateline.toml; also DATELINE_CONFIG)");
}

void DataOptions::add_flag(CLI::App& command, const std::string& flag, const std::string& option,
                           const std::string& help) {
    auto& value = flags_[option];
    if (!value) value = std::make_shared<std::string>();
    command.add_option(flag, *value, help);
}

config::Overrides DataOptions::overrides() const {
    config::Overrides out = extra_;
    for (const auto& [option, value] : flags_)
        if (!value->empty()) out[option] = *value;
    return out;
}

Result<config::Config> DataOptions::configuration() const {
    auto config = config::load(data_, overrides(), share_dir() / "themes" / "default");
    if (config) {
        spdlog::set_level(spdlog::level::from_str(config->log_level));
        if (config->log_format == "json") write_logs_as_json();
    }
    return config;
}

Result<Opened> DataOptions::open(bool must_exist) const {
    auto config = configuration();
    if (!config) return config.error();
    std::error_code ec;
    const auto url = parse_database_url(config->database_url);
    const bool missing = url && url->backend == DatabaseUrl::Backend::Sqlite
                             ? !fs::exists(url->sqlite_path, ec)
                             : !fs::is_directory(data_, ec);
    if (must_exist && missing)
        return Error::not_found("'" + data_ +
                                "' holds no Dateline data; create it with: dateline init --data " +
                                data_);
    int applied = 0;
    auto database = db::open_migrated(config->database_url, config->database_pool, &applied);
    if (!database) return database.error();
    if (applied > 0) spdlog::info("applied {} migration(s)", applied);
    return Opened{std::move(*config), std::move(*database)};
}

int fail(const std::string& message) {
    std::cerr << "dateline: " << message << "\n";
    return static_cast<int>(ExitCode::Failed);
}

int fail(const Error& error) {
    // The operator running the command is the one who can act on the internal cause.
    if (!error.cause.empty()) spdlog::error("cause: {}", error.cause);
    return fail(error.message);
}

void draw_progress(const std::string& label, std::int64_t done, std::int64_t total) {
    if (!::isatty(STDERR_FILENO)) return;
    constexpr int width = 30;
    const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r  %-18s [%s%s] %lld/%lld", label.c_str(),
                 std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                 static_cast<long long>(done), static_cast<long long>(total));
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace dateline::cli
