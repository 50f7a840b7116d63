// dateline config: the settings a command on this data directory would use, and where each one
// came from.
#include <iostream>

#include "cli/command.hpp"

namespace dateline::cli {

namespace {

// A TOML basic string: the value between quotes, its quotes and backslashes escaped.
std::string quoted(const std::string& value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

Command config_command(CLI::App& app) {
    auto data = std::make_shared<DataOptions>();
    auto* command = app.add_subcommand(
        "config", "Print the settings in effect for a data directory and where each came from.");
    data->add_to(*command);
    return {
        command, [data] {
            auto described = config::describe(data->data(), data->overrides(),
                                              share_dir() / "themes" / "default");
            if (!described) return fail(described.error());
            std::cout << "# The settings of " << data->data().string() << "; configuration file: "
                      << (described->file.empty() ? std::string("none") : described->file.string())
                      << "\n";
            for (const auto& s : described->settings)
                std::cout << s.name << " = " << quoted(s.value) << "  # " << s.source << "\n";
            return 0;
        }};
}

}  // namespace dateline::cli
