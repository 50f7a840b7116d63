#include "cli/cli.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/command.hpp"
#include "http/access_log.hpp"

namespace dateline::cli {

int run(int argc, char** argv) {
    // Logs (the access log too) go to standard error; standard output carries the results.
    spdlog::set_default_logger(spdlog::stderr_color_mt("dateline"));
    spdlog::set_pattern(http::text_log_pattern);
    CLI::App app{
        "Dateline: a news publishing platform for networks of sites in several languages."};
    app.require_subcommand(0, 1);
    app.footer(
        "Exit codes: 0 success; 1 the command could not do (all of) its work; 2 bad arguments.");
    app.set_version_flag("--version", std::string("dateline ") + DATELINE_VERSION);
    const std::vector<Command> commands = {
        init_command(app),     serve_command(app),   sites_command(app),  import_command(app),
        comments_command(app), migrate_command(app), copy_command(app),   export_command(app),
        user_command(app),     token_command(app),   media_command(app),  reindex_command(app),
        wires_command(app),    front_command(app),   backup_command(app), restore_command(app),
        config_command(app)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }
    try {
        for (const auto& command : commands)
            if (*command.app) return command.run();
    } catch (const std::exception& e) {
        spdlog::critical("unexpected failure: {}", e.what());
        return static_cast<int>(ExitCode::Failed);
    }
    std::cerr << "dateline: a command is required: init, serve, sites, import, comments, migrate, "
                 "copy, backup, restore, ... (see --help)\n";
    return static_cast<int>(ExitCode::Usage);
}

}  // namespace dateline::cli
