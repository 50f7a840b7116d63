// dateline restore: a backup brought back into an empty data directory (and database).
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>

#include "app/search_indexer.hpp"
#include "backup/backup_archive.hpp"
#include "cli/command.hpp"
#include "core/database_url.hpp"
#include "storage/network_copier.hpp"

namespace dateline::cli {

namespace {

// "2026-12-02T11:38:21Z".
std::string utc_time(std::int64_t seconds) {
    const auto t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

bool holds_files(const fs::path& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec) && !fs::is_empty(folder, ec);
}

// Moves the unpacked folders to where the configuration keeps them; on failure puts back what
// it moved.
Status move_folders(const std::vector<backup::FileFolder>& unpacked,
                    const std::vector<backup::FileFolder>& places) {
    std::vector<std::size_t> moved;
    std::error_code ec;
    for (std::size_t i = 0; i < unpacked.size(); ++i) {
        fs::create_directories(places[i].path.parent_path(), ec);
        fs::remove(places[i].path, ec);  // empty, checked before
        fs::rename(unpacked[i].path, places[i].path, ec);
        if (ec) {
            for (const auto j : moved) fs::rename(places[j].path, unpacked[j].path, ec);
            return Error::unavailable("The files could not be moved to " + places[i].path.string() +
                                      ".");
        }
        moved.push_back(i);
    }
    return success();
}

int run_restore(const DataOptions& data, const fs::path& from) {
    auto config = data.configuration();
    if (!config) return fail(config.error());
    const auto url = parse_database_url(config->database_url);
    if (!url) return fail("'" + config->database_url + "' is not a database URL");
    const bool into_sqlite = url->backend == DatabaseUrl::Backend::Sqlite;
    std::error_code ec;
    // Only into an empty place: a restore never mixes two networks or overwrites one.
    if (into_sqlite && fs::exists(url->sqlite_path, ec))
        return fail("'" + data.data().string() +
                    "' holds a database already; restore into an empty data directory");
    const auto places = backed_up_folders(*config);
    for (const auto& place : places)
        if (holds_files(place.path))
            return fail("'" + place.path.string() +
                        "' holds files already; restore into an "
                        "empty data directory");
    fs::create_directories(data.data(), ec);
    if (ec) return fail("cannot create '" + data.data().string() + "': " + ec.message());

    const fs::path staging = data.data() / ".restoring";
    std::vector<std::string> names;
    names.reserve(places.size());
    for (const auto& place : places) names.push_back(place.name);
    auto unpacked = backup::unpack_backup(from, staging, names);
    if (!unpacked) return fail(unpacked.error());
    struct RemoveStaging {
        fs::path path;
        ~RemoveStaging() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } remove_staging{staging};

    // The backup of an earlier release is brought to this one's schema; a migration that fails
    // leaves nothing restored.
    int applied = 0;
    auto staged =
        db::open_migrated(DatabaseUrl::sqlite(unpacked->database.string()).text, 1, &applied);
    if (!staged) return fail(staged.error());
    if (applied > 0)
        std::cout << "Brought the backup from schema version " << unpacked->manifest.schema_version
                  << " to this release's (" << applied << " migration(s)).\n";
    SystemClock clock;
    const auto index_progress = [](std::int64_t done, std::int64_t total) {
        draw_progress("search index", done, total);
    };
    if (into_sqlite) {
        // A PostgreSQL network's backup holds no search index: SQLite's is made here.
        if (unpacked->manifest.backend != "sqlite")
            if (auto indexed = app::SearchIndexer(**staged, clock)
                                   .rebuild(index_progress, app::SearchIndexer::RelatedLists::Keep);
                !indexed)
                return fail(indexed.error());
        staged->reset();
        // The files first, then the database, which is what makes the folder a data directory;
        // never over a database that appeared meanwhile.
        if (auto moved = move_folders(unpacked->folders, places); !moved)
            return fail(moved.error());
        if (::renameat2(AT_FDCWD, unpacked->database.c_str(), AT_FDCWD, url->sqlite_path.c_str(),
                        RENAME_NOREPLACE) != 0) {
            const int error = errno;
            (void)move_folders(places, unpacked->folders);
            return fail("cannot move the database to '" + url->sqlite_path +
                        "': " + std::strerror(error));
        }
    } else {
        auto target = db::open_migrated(config->database_url, 1);
        if (!target) return fail(target.error());
        // The files first, taken back if the copy fails: the copy is one transaction, after
        // which the database holds the network and a failure could no longer be undone.
        if (auto moved = move_folders(unpacked->folders, places); !moved)
            return fail(moved.error());
        auto copied = storage::copy_network(**staged, **target, draw_progress);
        if (!copied) {
            (void)move_folders(places, unpacked->folders);
            return fail(copied.error());
        }
        if (auto indexed = app::SearchIndexer(**target, clock)
                               .rebuild(index_progress, app::SearchIndexer::RelatedLists::Keep);
            !indexed)
            spdlog::warn("the search index could not be made ({}): run `dateline reindex`",
                         indexed.error().message);
    }
    std::cout << "Restored the network backed up on " << utc_time(unpacked->manifest.created_at)
              << " (" << unpacked->manifest.files << " files) into " << data.data().string()
              << ".\n";
    return 0;
}

}  // namespace

Command restore_command(CLI::App& app) {
    struct Options {
        DataOptions data;
        std::string from;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "restore", "Bring a backup back into an empty data directory (and database).");
    o->data.add_to(*command);
    command->add_option("--from", o->from, "The backup file (written by `dateline backup`)")
        ->required();
    return {command, [o] { return run_restore(o->data, o->from); }};
}

}  // namespace dateline::cli
