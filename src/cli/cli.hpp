#pragma once

namespace dateline::cli {

/// Exit codes of the `dateline` command (documented in README.md).
enum class ExitCode : int {
    Ok = 0,
    Failed = 1,  ///< the command ran but could not do (all of) its work
    Usage = 2,   ///< bad arguments or options
};

/// Parses the command line and runs the command: the composition root of each command, which
/// builds only the services that command needs.
int run(int argc, char** argv);

}  // namespace dateline::cli
