// dateline migrate: a database's schema brought up to date (init and serve do it too).
#include <iostream>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "db/migrator.hpp"

namespace dateline::cli {

Command migrate_command(CLI::App& app) {
    struct Options {
        std::string url;
        std::string data;
    };
    auto o = std::make_shared<Options>();
    auto* migrate = app.add_subcommand("migrate", "Bring a database's schema up to date.");
    migrate->add_option("--db", o->url, "Database URL: sqlite:PATH or postgresql://...");
    migrate->add_option("--data", o->data, "Data directory (its database, when --db is not given)");
    return {migrate, [o] {
                if (o->url.empty() && o->data.empty()) {
                    std::cerr << "dateline migrate: give --db URL or --data DIR\n";
                    return static_cast<int>(ExitCode::Usage);
                }
                std::string url = o->url;
                if (url.empty()) {
                    auto config = config::load(o->data, {}, share_dir() / "themes" / "default");
                    if (!config) return fail(config.error());
                    url = config->database_url;
                }
                int applied = 0;
                auto database = db::open_migrated(url, 1, &applied);
                if (!database) return fail(database.error());
                const auto migrations = db::bundled_migrations((*database)->acquire()->backend());
                std::cout << "Applied " << applied << " migration(s); the schema is at version "
                          << (migrations.empty() ? 0 : migrations.back().version) << ".\n";
                return 0;
            }};
}

}  // namespace dateline::cli
