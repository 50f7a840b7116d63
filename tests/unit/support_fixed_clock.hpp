#pragma once

#include <filesystem>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace dateline::testing_support {

/// A clock that says what the test tells it.
class FixedClock final : public Clock {
  public:
    explicit FixedClock(UnixTime t) : now_(t) {}
    UnixTime now() const override { return now_; }
    void set(UnixTime t) { now_ = t; }

  private:
    UnixTime now_;
};

/// A fresh, empty folder for the running test, removed when the object goes.
class TempDir {
  public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                ("dateline-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
                 std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace dateline::testing_support
