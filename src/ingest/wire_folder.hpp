#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace dateline::ingest {

/// A folder agencies drop items into (by FTP, SFTP or a shared folder), worked as a spool: an
/// item is claimed before it is read, so that of several nodes watching one folder exactly one
/// reads each file, and filed away afterwards under `done/` or `failed/` (with the reason in a
/// `.reason.txt` file beside it). Pictures the items name stay where the agency put them.
class WireFolder {
  public:
    /// How long a file must have been left alone before it counts as complete: a drop still
    /// being written keeps changing.
    static constexpr std::chrono::seconds settle_time{2};

    explicit WireFolder(std::filesystem::path folder) : folder_(std::move(folder)) {}

    const std::filesystem::path& path() const { return folder_; }

    /// The item files (`*.json`, `*.xml`, `*.nitf`, `*.rss`, `*.atom`) in the folder itself that
    /// are complete: regular files, not hidden, not named as uploads in progress (`*.tmp`,
    /// `*.part`, `*.filepart`), unchanged for `settle_time` before `now`. Oldest first.
    Result<std::vector<std::filesystem::path>> settled_items(
        std::filesystem::file_time_type now) const;

    /// Takes a file for this process by moving it into the folder's `.claimed/`; nothing when
    /// another process took it first.
    Result<std::optional<std::filesystem::path>> claim(const std::filesystem::path& item) const;

    /// Puts back into the folder the files claimed longer than `stale` ago and never filed away
    /// (their process ended mid-way), so that they are read again; returns how many.
    Result<int> release_stale_claims(std::chrono::seconds stale) const;

    /// Files a claimed item under `done/`, or under `failed/` with `reason` beside it; a name
    /// already there gets a number (`item-2.json`). Returns where the file went.
    Result<std::filesystem::path> file_away(const std::filesystem::path& claimed,
                                            const std::optional<std::string>& reason) const;

  private:
    std::filesystem::path folder_;
};

}  // namespace dateline::ingest
