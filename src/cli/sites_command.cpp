// dateline sites: one line per site (slug, language, base URL), tab-separated.
#include <iostream>

#include "app/reader_service.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

Command sites_command(CLI::App& app) {
    auto data = std::make_shared<DataOptions>();
    auto* sites =
        app.add_subcommand("sites", "List the sites: slug, language, base URL (tab-separated).");
    data->add_to(*sites);
    return {sites, [data] {
                auto opened = data->open(true);
                if (!opened) return fail(opened.error());
                SystemClock clock;
                app::ReaderService reader(*opened->database, clock);
                auto directory = reader.directory();
                if (!directory) return fail(directory.error());
                for (const auto& s : directory->sites)
                    std::cout << s.slug << '\t' << s.language << '\t' << s.base_url << '\n';
                return 0;
            }};
}

}  // namespace dateline::cli
