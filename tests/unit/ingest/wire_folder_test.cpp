#include "ingest/wire_folder.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../support_fixed_clock.hpp"

namespace dateline::ingest {

namespace fs = std::filesystem;
using testing_support::TempDir;

namespace {

void write(const fs::path& file, const std::string& text = "{}") {
    std::ofstream(file) << text;
}

std::vector<std::string> names(const std::vector<fs::path>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) out.push_back(p.filename().string());
    return out;
}

}  // namespace

TEST(WireFolder, OnlyCompleteItemFilesAreTaken) {
    TempDir dir;
    const WireFolder folder(dir.path());
    for (const char* name :
         {"a.json", "b.xml", "c.json.tmp", "d.part", ".hidden.json", "photo.jpg", "notes.txt"})
        write(dir.path() / name);
    fs::create_directory(dir.path() / "folder.json");
    fs::create_symlink(dir.path() / "a.json", dir.path() / "link.json");
    const auto now = fs::file_time_type::clock::now();
    // Written a moment ago: still being written, as far as anyone can tell.
    ASSERT_TRUE(folder.settled_items(now).ok());
    EXPECT_TRUE(folder.settled_items(now)->empty());
    // Left alone for longer than the settle time: the items, oldest first.
    fs::last_write_time(dir.path() / "b.xml", now - std::chrono::minutes(2));
    const auto later = now + WireFolder::settle_time + std::chrono::seconds(1);
    EXPECT_EQ(names(*folder.settled_items(later)), (std::vector<std::string>{"b.xml", "a.json"}));
}

TEST(WireFolder, AFileIsClaimedOnceAndFiledAwayWithItsReason) {
    TempDir dir;
    const WireFolder folder(dir.path());
    write(dir.path() / "item.json");
    auto first = folder.claim(dir.path() / "item.json");
    ASSERT_TRUE(first.ok() && *first);
    EXPECT_FALSE(fs::exists(dir.path() / "item.json"));
    auto second = folder.claim(dir.path() / "item.json");
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(*second) << "another node took it first";

    auto done = folder.file_away(**first, std::nullopt);
    ASSERT_TRUE(done.ok()) << done.error().message;
    EXPECT_EQ(*done, dir.path() / "done" / "item.json");

    // The same name again: numbered, and a refused one carries its reason beside it.
    write(dir.path() / "item.json");
    auto again = folder.claim(dir.path() / "item.json");
    ASSERT_TRUE(again.ok() && *again);
    fs::create_directory(dir.path() / "failed");
    write(dir.path() / "failed" / "item.json");  // (made by an earlier failure)
    auto failed = folder.file_away(**again, std::string("no headline"));
    ASSERT_TRUE(failed.ok());
    EXPECT_EQ(*failed, dir.path() / "failed" / "item-2.json");
    std::ifstream reason(dir.path() / "failed" / "item-2.json.reason.txt");
    std::string line;
    std::getline(reason, line);
    EXPECT_EQ(line, "no headline");
}

TEST(WireFolder, AClaimNeverFiledAwayIsPutBackAfterAWhile) {
    TempDir dir;
    const WireFolder folder(dir.path());
    write(dir.path() / "item.json");
    auto claimed = folder.claim(dir.path() / "item.json");
    ASSERT_TRUE(claimed.ok() && *claimed);
    // (the process that claimed it stops here)
    EXPECT_EQ(*folder.release_stale_claims(std::chrono::minutes(10)), 0) << "too recent";
    EXPECT_EQ(*folder.release_stale_claims(std::chrono::seconds(0)), 1);
    EXPECT_TRUE(fs::exists(dir.path() / "item.json"));
    EXPECT_FALSE(fs::exists(**claimed));
}

TEST(WireFolder, AFolderThatIsGoneSaysSo) {
    const WireFolder folder("/nonexistent/wire/folder");
    const auto items = folder.settled_items(fs::file_time_type::clock::now());
    ASSERT_FALSE(items.ok());
    EXPECT_NE(items.error().message.find("/nonexistent/wire/folder"), std::string::npos);
}

}  // namespace dateline::ingest
