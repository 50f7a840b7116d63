#include "db/change_watcher.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/select.h>

#include <thread>

namespace dateline::db {

namespace {

constexpr auto sqlite_poll_interval = std::chrono::milliseconds(100);
constexpr auto reconnect_interval = std::chrono::milliseconds(500);

class SqliteWatcher final : public ChangeWatcher {
  public:
    explicit SqliteWatcher(sqlite3* db) : db_(db), version_(data_version()) {}
    ~SqliteWatcher() override { sqlite3_close_v2(db_); }

    bool wait(std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            const auto now = data_version();
            if (now != version_) {
                version_ = now;
                return true;
            }
            if (std::chrono::steady_clock::now() >= deadline) return false;
            std::this_thread::sleep_for(sqlite_poll_interval);
        }
    }

  private:
    std::int64_t data_version() {
        sqlite3_stmt* stmt = nullptr;
        std::int64_t v = version_;
        if (sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            v = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return v;
    }

    sqlite3* db_;
    std::int64_t version_ = 0;
};

class PostgresWatcher final : public ChangeWatcher {
  public:
    explicit PostgresWatcher(std::string url) : url_(std::move(url)) { (void)connect(); }
    ~PostgresWatcher() override {
        if (conn_) PQfinish(conn_);
    }

    bool wait(std::chrono::milliseconds timeout) override {
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            // Reconnect; a fresh LISTEN may have missed changes, so report one.
            if (connect()) return true;
            std::this_thread::sleep_for(
                std::min(timeout, std::chrono::milliseconds(reconnect_interval)));
            return false;
        }
        if (drain()) return true;
        const int socket = PQsocket(conn_);
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(socket, &readable);
        timeval tv{static_cast<time_t>(timeout.count() / 1000),
                   static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
        if (select(socket + 1, &readable, nullptr, nullptr, &tv) <= 0) return false;
        if (!PQconsumeInput(conn_)) {
            PQfinish(conn_);
            conn_ = nullptr;
            return false;
        }
        return drain();
    }

  private:
    bool connect() {
        if (conn_) PQfinish(conn_);
        const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
        const char* values[] = {url_.c_str(), "2", "dateline-watcher", nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) return false;
        PGresult* r = PQexec(conn_, (std::string("LISTEN ") + change_channel).c_str());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        return ok;
    }

    bool drain() {
        bool changed = false;
        while (PGnotify* n = PQnotifies(conn_)) {
            changed = true;
            PQfreemem(n);
        }
        return changed;
    }

    std::string url_;
    PGconn* conn_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<ChangeWatcher>> watch_changes(const std::string& url) {
    constexpr std::string_view sqlite_scheme = "sqlite:";
    if (url.rfind(sqlite_scheme, 0) == 0) {
        sqlite3* db = nullptr;
        const std::string file = url.substr(sqlite_scheme.size());
        if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            sqlite3_close_v2(db);
            return Error::unavailable("Cannot watch the database for changes.", file);
        }
        return std::unique_ptr<ChangeWatcher>(std::make_unique<SqliteWatcher>(db));
    }
    return std::unique_ptr<ChangeWatcher>(std::make_unique<PostgresWatcher>(url));
}

}  // namespace dateline::db
