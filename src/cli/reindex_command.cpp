// dateline reindex: the search index made anew from the stories (after restoring a database by
// hand, or to check that nothing is missing from it). Serving nodes keep it current themselves.
#include <iostream>

#include "app/search_indexer.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

Command reindex_command(CLI::App& app) {
    auto data = std::make_shared<DataOptions>();
    auto* reindex = app.add_subcommand(
        "reindex",
        "Make the search index anew from every story. Readers and the newsroom can carry on "
        "meanwhile; stories saved while it runs are indexed as they are saved.");
    data->add_to(*reindex);
    return {reindex, [data] {
                auto opened = data->open(true);
                if (!opened) return fail(opened.error());
                SystemClock clock;
                auto indexed = app::SearchIndexer(*opened->database, clock)
                                   .rebuild([](std::int64_t done, std::int64_t total) {
                                       draw_progress("search index", done, total);
                                   });
                if (!indexed) return fail(indexed.error());
                std::cout << "Indexed " << *indexed << (*indexed == 1 ? " story" : " stories")
                          << " for search.\n";
                return 0;
            }};
}

}  // namespace dateline::cli
