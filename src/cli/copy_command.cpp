// dateline copy: a whole network moved between databases (SQLite and PostgreSQL, either way).
#include <iostream>

#include "app/search_indexer.hpp"
#include "cli/command.hpp"
#include "storage/network_copier.hpp"

namespace dateline::cli {

Command copy_command(CLI::App& app) {
    struct Options {
        std::string from;
        std::string to;
    };
    auto o = std::make_shared<Options>();
    auto* copy = app.add_subcommand(
        "copy", "Copy a whole network between databases (SQLite and PostgreSQL, either way).");
    copy->add_option("--from", o->from, "Database URL to read")->required();
    copy->add_option("--to", o->to, "Database URL to write; it must hold no network")->required();
    return {copy, [o] {
                if (o->from == o->to) return fail("--from and --to name the same database");
                auto from = db::open_migrated(o->from, 1);
                if (!from) return fail(from.error());
                auto to = db::open_migrated(o->to, 1);
                if (!to) return fail(to.error());
                auto copied = storage::copy_network(**from, **to, draw_progress);
                if (!copied) return fail(copied.error());
                SystemClock clock;
                // Each backend indexes in its own form: the copy's index is made anew (its related
                // news came with the rows).
                const auto progress = [](std::int64_t done, std::int64_t total) {
                    draw_progress("search index", done, total);
                };
                auto indexed = app::SearchIndexer(**to, clock)
                                   .rebuild(progress, app::SearchIndexer::RelatedLists::Keep);
                if (!indexed) return fail(indexed.error());
                if (auto settled = storage::settle_after_copy(**to); !settled)
                    return fail(settled.error());
                std::cout << "Copied " << *copied << " rows; indexed " << *indexed
                          << " stories for search.\n";
                return 0;
            }};
}

}  // namespace dateline::cli
