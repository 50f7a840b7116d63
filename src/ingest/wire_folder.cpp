#include "ingest/wire_folder.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <system_error>

namespace dateline::ingest {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& name, std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_item_name(const std::string& name) {
    if (name.empty() || name.front() == '.') return false;
    for (const char* upload : {".tmp", ".part", ".filepart", ".partial"})
        if (ends_with(name, upload)) return false;
    for (const char* item : {".json", ".xml", ".nitf", ".rss", ".atom"})
        if (ends_with(name, item)) return true;
    return false;
}

// A name in `dir` not taken yet: `name`, else `stem-2.ext`, `stem-3.ext`, ...
fs::path free_name(const fs::path& dir, const fs::path& name) {
    std::error_code ec;
    fs::path candidate = dir / name;
    for (int n = 2; fs::exists(candidate, ec); ++n)
        candidate =
            dir / (name.stem().string() + "-" + std::to_string(n) + name.extension().string());
    return candidate;
}

Status make_folder(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return Error::unavailable("The folder " + dir.string() + " cannot be made.", ec.message());
    return success();
}

}  // namespace

Result<std::vector<fs::path>> WireFolder::settled_items(fs::file_time_type now) const {
    std::error_code ec;
    fs::directory_iterator it(folder_, ec);
    if (ec)
        return Error::unavailable("The wire folder " + folder_.string() + " cannot be read.",
                                  ec.message());
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto& entry = *it;
        if (!is_item_name(entry.path().filename().string())) continue;
        // symlink_status: a link is not followed out of the folder.
        if (!fs::is_regular_file(entry.symlink_status(ec))) continue;
        const auto changed = fs::last_write_time(entry.path(), ec);
        if (ec || now - changed < settle_time) continue;
        found.emplace_back(changed, entry.path());
    }
    if (ec)
        return Error::unavailable("The wire folder " + folder_.string() + " cannot be read.",
                                  ec.message());
    std::sort(found.begin(), found.end());
    std::vector<fs::path> items;
    items.reserve(found.size());
    for (auto& [changed, path] : found) items.push_back(std::move(path));
    return items;
}

Result<std::optional<fs::path>> WireFolder::claim(const fs::path& item) const {
    const fs::path claimed_dir = folder_ / ".claimed";
    if (auto made = make_folder(claimed_dir); !made) return made.error();
    // rename(2) is atomic: of two processes moving the same file, one succeeds and the other
    // finds it gone. The process id keeps two claimants' names apart.
    const fs::path claimed =
        claimed_dir / (std::to_string(::getpid()) + "-" + item.filename().string());
    std::error_code ec;
    fs::rename(item, claimed, ec);
    if (ec == std::errc::no_such_file_or_directory) return std::optional<fs::path>{};
    if (ec)
        return Error::unavailable("The wire file " + item.string() + " cannot be claimed.",
                                  ec.message());
    return std::optional<fs::path>{claimed};
}

Result<int> WireFolder::release_stale_claims(std::chrono::seconds stale) const {
    const fs::path claimed_dir = folder_ / ".claimed";
    std::error_code ec;
    if (!fs::is_directory(claimed_dir, ec)) return 0;
    const auto now = std::chrono::system_clock::now();
    int released = 0;
    for (fs::directory_iterator it(claimed_dir, ec), end; !ec && it != end; it.increment(ec)) {
        // A rename changes a file's status time, not its modification time: the claim's time.
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        const auto claimed_at =
            std::chrono::system_clock::time_point(std::chrono::seconds(st.st_ctim.tv_sec));
        if (now - claimed_at < stale) continue;
        std::string name = it->path().filename().string();
        if (const auto dash = name.find('-'); dash != std::string::npos)
            name = name.substr(dash + 1);
        std::error_code moved;
        fs::rename(it->path(), free_name(folder_, name), moved);
        if (!moved) ++released;
    }
    return released;
}

Result<fs::path> WireFolder::file_away(const fs::path& claimed,
                                       const std::optional<std::string>& reason) const {
    const fs::path dir = folder_ / (reason ? "failed" : "done");
    if (auto made = make_folder(dir); !made) return made.error();
    // The claim's process-id prefix goes: the file is filed under the name the agency gave it.
    std::string name = claimed.filename().string();
    if (const auto dash = name.find('-'); dash != std::string::npos) name = name.substr(dash + 1);
    const fs::path target = free_name(dir, name);
    std::error_code ec;
    fs::rename(claimed, target, ec);
    if (ec)
        return Error::unavailable("The wire file " + claimed.string() + " cannot be filed away.",
                                  ec.message());
    if (reason) std::ofstream(target.string() + ".reason.txt") << *reason << '\n';
    return target;
}

}  // namespace dateline::ingest
