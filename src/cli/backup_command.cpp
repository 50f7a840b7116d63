// dateline backup: the network's database and its files, as one archive, while it is served.
#include <sys/stat.h>

#include <iostream>

#include "backup/backup_archive.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

std::vector<backup::FileFolder> backed_up_folders(const config::Config& config) {
    return {{"media", config.media_dir}, {"wire/pictures", config.wire_dir / "pictures"}};
}

Command backup_command(CLI::App& app) {
    struct Options {
        DataOptions data;
        std::string to;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "backup", "Write the network's database and pictures to one file, while it is served.");
    o->data.add_to(*command);
    command->add_option("--to", o->to, "The backup file to write (.tar, or .tar.gz compressed)")
        ->required();
    return {command, [o] {
                // A backup holds password hashes, sign-in secrets and readers' addresses: only
                // its owner reads it (the archive and the database copy beside it).
                ::umask(077);
                auto opened = o->data.open(true);
                if (!opened) return fail(opened.error());
                auto written =
                    backup::write_backup(*opened->database, opened->config.database_url,
                                         backed_up_folders(opened->config), o->to, draw_progress);
                if (!written) return fail(written.error());
                std::cout << "Backed up the network (schema version " << written->schema_version
                          << ", " << written->files << " files) to " << o->to << ".\n";
                return 0;
            }};
}

}  // namespace dateline::cli
