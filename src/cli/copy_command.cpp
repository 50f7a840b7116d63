// dateline copy: a whole network moved between databases (SQLite and PostgreSQL, either way).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/command.hpp"
#include "storage/network_copier.hpp"

namespace dateline::cli {

namespace {

// One line redrawn in place on a terminal; nothing when standard error is a file or a pipe.
void draw_progress(const std::string& table, std::int64_t done, std::int64_t total) {
    if (!::isatty(STDERR_FILENO)) return;
    constexpr int width = 30;
    const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r  %-18s [%s%s] %lld/%lld", table.c_str(),
                 std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                 static_cast<long long>(done), static_cast<long long>(total));
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace

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
                std::cout << "Copied " << *copied << " rows.\n";
                return 0;
            }};
}

}  // namespace dateline::cli
