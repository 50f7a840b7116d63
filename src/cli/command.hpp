#pragma once

// What the commands of `dateline` share: one reader of the data options, one way to open the
// data, one way to fail. Each command is a file of its own (*_command.cpp). Internal to cli.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "backup/backup_archive.hpp"
#include "config/config.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::cli {

namespace fs = std::filesystem;

/// Where the default theme, the newsroom's and the API's files and the demo content are:
/// $DATELINE_SHARE_DIR when set; else <prefix>/share/dateline beside an installed binary's
/// <prefix>/bin; else the source tree the binary was built from.
const fs::path& share_dir();

/// A command as declared on the command line, and what runs when it is chosen.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

/// A data directory's configuration and its database, brought up to date.
struct Opened {
    config::Config config;
    std::unique_ptr<db::Database> database;
};

/// The options every command that works on a data directory reads the same way: `--data DIR`
/// and `--db URL`, and the flags it adds (`--listen`, `--theme`, ...) as configuration overrides.
class DataOptions {
  public:
    /// Declares `--data` (required) and `--db` on `command`.
    void add_to(CLI::App& command);
    /// Declares a flag that overrides configuration option `option`.
    void add_flag(CLI::App& command, const std::string& flag, const std::string& option,
                  const std::string& help);

    fs::path data() const { return data_; }
    /// The overrides the command line gave; empty flags are left out.
    config::Overrides overrides() const;
    void set_override(const std::string& option, std::string value) {
        extra_[option] = std::move(value);
    }

    /// The configuration, without opening anything (`--data`, the file, environment, flags).
    Result<config::Config> configuration() const;
    /// Loads the configuration, opens the database and brings its schema up to date. With
    /// `must_exist`, a directory that holds no data is an error that says how to create it.
    Result<Opened> open(bool must_exist) const;

  private:
    std::string data_ = "var";
    std::map<std::string, std::shared_ptr<std::string>> flags_;  // option -> flag value
    config::Overrides extra_;
};

/// Progress on a terminal: one line redrawn in place ("  label [####    ] done/total"), ended
/// when done reaches total; nothing when standard error is a file or a pipe.
void draw_progress(const std::string& label, std::int64_t done, std::int64_t total);

/// Says why on standard error and gives the exit code for a command that failed.
int fail(const std::string& message);
int fail(const Error& error);

Command init_command(CLI::App& app);
Command serve_command(CLI::App& app);
Command sites_command(CLI::App& app);
Command import_command(CLI::App& app);
Command comments_command(CLI::App& app);
Command front_command(CLI::App& app);
Command migrate_command(CLI::App& app);
Command backup_command(CLI::App& app);
/// The folders of files a backup carries beside the database (backup::write_backup).
std::vector<backup::FileFolder> backed_up_folders(const config::Config& config);
Command restore_command(CLI::App& app);
Command config_command(CLI::App& app);
Command copy_command(CLI::App& app);
Command export_command(CLI::App& app);
Command token_command(CLI::App& app);
Command media_command(CLI::App& app);
Command user_command(CLI::App& app);
Command reindex_command(CLI::App& app);
Command wires_command(CLI::App& app);

}  // namespace dateline::cli
