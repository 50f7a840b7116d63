#pragma once

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "db/database.hpp"
#include "db/migrator.hpp"
#include "support_fixed_clock.hpp"

namespace dateline::testing_support {

/// The backends every storage-level suite runs against. PostgreSQL needs the cluster CTest
/// starts (DATELINE_TEST_POSTGRES holds its URL); run alone without it, those cases are skipped.
inline const char* backend_names[] = {"sqlite", "postgres"};

/// A fresh, migrated, empty database on one backend, removed when the object goes.
class TestDatabase {
  public:
    explicit TestDatabase(const std::string& backend) : backend_(backend) {
        if (backend == "sqlite") {
            open("sqlite:" + (dir_.path() / "test.db").string());
            return;
        }
        const char* admin_url = std::getenv("DATELINE_TEST_POSTGRES");
        if (!admin_url || !*admin_url) {
            skipped_ = true;
            return;
        }
        static std::atomic<int> counter{0};
        name_ = "test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        admin_ = open_admin(admin_url);
        if (!admin_) return;
        auto lease = admin_->acquire();
        // Separate statements: CREATE DATABASE may not share an implicit transaction.
        (void)lease->execute_script("DROP DATABASE IF EXISTS " + name_);
        const auto created = lease->execute_script("CREATE DATABASE " + name_);
        EXPECT_TRUE(created.ok()) << created.error().cause;
        if (!created.ok()) return;
        std::string url = admin_url;
        const auto slash = url.find("/postgres?");
        url.replace(slash, std::string("/postgres").size(), "/" + name_);
        open(url);
    }

    ~TestDatabase() {
        database_.reset();
        if (admin_) {
            auto lease = admin_->acquire();
            (void)lease->execute_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        }
    }

    /// True when the backend is not available in this run (PostgreSQL outside CTest).
    bool skipped() const { return skipped_; }
    db::Database& operator*() { return *database_; }
    db::Database* operator->() { return database_.get(); }
    db::Database* get() { return database_.get(); }
    const std::filesystem::path& dir() const { return dir_.path(); }
    /// The URL of this database, to open a second pool on it: another node.
    const std::string& url() const { return url_; }

  private:
    static std::unique_ptr<db::Database> open_admin(const std::string& url) {
        auto admin = db::open_database(url, 1);
        EXPECT_TRUE(admin.ok()) << admin.error().message << " " << admin.error().cause;
        return admin.ok() ? std::move(*admin) : nullptr;
    }

    void open(const std::string& url) {
        url_ = url;
        auto opened = db::open_database(url, 2);
        ASSERT_TRUE(opened.ok()) << opened.error().message << " " << opened.error().cause;
        database_ = std::move(*opened);
        auto lease = database_->acquire();
        auto migrated = db::migrate(*lease, db::bundled_migrations(lease->backend()));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message << " " << migrated.error().cause;
    }

    std::string backend_;
    std::string url_;
    TempDir dir_;
    std::string name_;
    bool skipped_ = false;
    std::unique_ptr<db::Database> admin_;
    std::unique_ptr<db::Database> database_;
};

}  // namespace dateline::testing_support
