#include "db/change_watcher.hpp"

#include "core/database_url.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/select.h>

#include <charconv>
#include <ctime>
#include <optional>
#include <thread>

namespace dateline::db {

namespace {

constexpr auto sqlite_poll_interval = std::chrono::milliseconds(100);
constexpr auto reconnect_interval = std::chrono::milliseconds(500);
// Read changes in batches; more than this at once is as good as the whole network changing.
constexpr int max_changes_read = 1000;
// Changes are kept long enough for every process on the file to read them, then forgotten.
constexpr std::int64_t change_retention_seconds = 3600;
constexpr auto forget_interval = std::chrono::minutes(10);

std::int64_t number(std::string_view text) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    return ec == std::errc() && end == text.data() + text.size() ? n : 0;
}

// The scope a trigger names, as the content_changes table and the notifications spell it.
std::optional<ContentChange::Scope> scope_named(std::string_view name) {
    using Scope = ContentChange::Scope;
    for (const auto& [known, scope] :
         {std::pair{"site", Scope::Site}, std::pair{"story", Scope::Story},
          std::pair{"tag", Scope::Tag}, std::pair{"article", Scope::Article}})
        if (name == known) return scope;
    return std::nullopt;
}

ContentChange network_change() {
    return {};
}

// One statement, prepared once, reset after each use.
class Statement {
  public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return stmt_; }
    explicit operator bool() const { return stmt_ != nullptr; }

  private:
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteWatcher final : public ChangeWatcher {
  public:
    explicit SqliteWatcher(sqlite3* db)
        : db_(db),
          version_query_(db, "PRAGMA data_version"),
          changes_query_(db,
                         "SELECT id, scope, coalesce(site_id, 0), coalesce(article_id, 0), "
                         "coalesce(section_id, 0), coalesce(tag_id, 0) "
                         "FROM content_changes WHERE id > ?1 ORDER BY id LIMIT ?2"),
          // The last id handed out, even when its row is already forgotten.
          last_query_(db,
                      "SELECT coalesce((SELECT seq FROM sqlite_sequence "
                      "WHERE name = 'content_changes'), 0)"),
          forget_(db, "DELETE FROM content_changes WHERE changed_at < ?1") {
        version_ = data_version();
        last_seen_ = last_id();
    }
    ~SqliteWatcher() override { sqlite3_close_v2(db_); }

    std::vector<ContentChange> wait(std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            const auto now = data_version();
            if (now != version_) {
                version_ = now;
                auto changes = read_changes();
                if (!changes.empty()) return changes;
            }
            forget_old_changes();
            if (std::chrono::steady_clock::now() >= deadline) return {};
            std::this_thread::sleep_for(sqlite_poll_interval);
        }
    }

  private:
    std::int64_t data_version() {
        std::int64_t v = version_;
        if (version_query_ && sqlite3_step(version_query_.get()) == SQLITE_ROW)
            v = sqlite3_column_int64(version_query_.get(), 0);
        sqlite3_reset(version_query_.get());
        return v;
    }

    std::int64_t last_id() {
        std::int64_t id = 0;
        if (last_query_ && sqlite3_step(last_query_.get()) == SQLITE_ROW)
            id = sqlite3_column_int64(last_query_.get(), 0);
        sqlite3_reset(last_query_.get());
        return id;
    }

    std::vector<ContentChange> read_changes() {
        std::vector<ContentChange> out;
        // Without the table (a database not yet migrated) nothing can be told apart.
        if (!changes_query_) return {network_change()};
        sqlite3_stmt* q = changes_query_.get();
        sqlite3_bind_int64(q, 1, last_seen_);
        sqlite3_bind_int(q, 2, max_changes_read);
        int rows = 0;
        while (sqlite3_step(q) == SQLITE_ROW) {
            const std::int64_t id = sqlite3_column_int64(q, 0);
            // Ids are handed out in commit order without gaps; a gap means forgotten changes.
            if (id != last_seen_ + 1) out.push_back(network_change());
            last_seen_ = id;
            ++rows;
            const auto* scope = reinterpret_cast<const char*>(sqlite3_column_text(q, 1));
            ContentChange change;  // an unknown scope: the whole network
            if (const auto named = scope_named(scope ? scope : ""))
                change = {*named, sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3),
                          sqlite3_column_int64(q, 4), sqlite3_column_int64(q, 5)};
            out.push_back(change);
        }
        sqlite3_reset(q);
        if (rows == max_changes_read) {
            last_seen_ = last_id();
            out = {network_change()};
        }
        return out;
    }

    void forget_old_changes() {
        const auto now = std::chrono::steady_clock::now();
        if (!forget_ || now - forgotten_ < forget_interval) return;
        forgotten_ = now;
        sqlite3_bind_int64(
            forget_.get(), 1,
            static_cast<std::int64_t>(std::time(nullptr)) - change_retention_seconds);
        sqlite3_step(forget_.get());  // busy: another time
        sqlite3_reset(forget_.get());
    }

    sqlite3* db_;
    Statement version_query_;
    Statement changes_query_;
    Statement last_query_;
    Statement forget_;
    std::int64_t version_ = 0;
    std::int64_t last_seen_ = 0;
    std::chrono::steady_clock::time_point forgotten_{};
};

class PostgresWatcher final : public ChangeWatcher {
  public:
    explicit PostgresWatcher(std::string url) : url_(std::move(url)) { (void)connect(); }
    ~PostgresWatcher() override {
        if (conn_) PQfinish(conn_);
    }

    std::vector<ContentChange> wait(std::chrono::milliseconds timeout) override {
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            // Reconnect; a fresh LISTEN may have missed changes, so report them all.
            if (connect()) return {network_change()};
            std::this_thread::sleep_for(
                std::min(timeout, std::chrono::milliseconds(reconnect_interval)));
            return {};
        }
        if (auto changes = drain(); !changes.empty()) return changes;
        const int socket = PQsocket(conn_);
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(socket, &readable);
        timeval tv{static_cast<time_t>(timeout.count() / 1000),
                   static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
        if (select(socket + 1, &readable, nullptr, nullptr, &tv) <= 0) return {};
        if (!PQconsumeInput(conn_)) {
            PQfinish(conn_);
            conn_ = nullptr;
            return {};
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

    std::vector<ContentChange> drain() {
        std::vector<ContentChange> changes;
        while (PGnotify* n = PQnotifies(conn_)) {
            if (changes.size() < max_changes_read)
                changes.push_back(parse_content_change(n->extra ? n->extra : ""));
            else
                changes = {network_change()};
            PQfreemem(n);
        }
        return changes;
    }

    std::string url_;
    PGconn* conn_ = nullptr;
};

}  // namespace

ContentChange parse_content_change(std::string_view payload) {
    using Scope = ContentChange::Scope;
    std::vector<std::string_view> parts;
    for (std::size_t from = 0;;) {
        const auto colon = payload.find(':', from);
        parts.push_back(
            payload.substr(from, colon == std::string_view::npos ? colon : colon - from));
        if (colon == std::string_view::npos) break;
        from = colon + 1;
    }
    auto at = [&](std::size_t i) { return i < parts.size() ? number(parts[i]) : 0; };
    const ContentChange network;
    // Each scope's payload carries its ids in this order (see the migrations' triggers).
    switch (scope_named(parts[0]).value_or(Scope::Network)) {
        case Scope::Site:
            return parts.size() == 2 ? ContentChange{Scope::Site, at(1)} : network;
        case Scope::Story:
            return parts.size() == 4 ? ContentChange{Scope::Story, at(1), at(2), at(3)} : network;
        case Scope::Tag:
            return parts.size() == 3 ? ContentChange{Scope::Tag, at(1), 0, 0, at(2)} : network;
        case Scope::Article:
            return parts.size() == 3 ? ContentChange{Scope::Article, at(1), at(2)} : network;
        case Scope::Network:
            break;
    }
    return network;
}

Result<std::unique_ptr<ChangeWatcher>> watch_changes(const std::string& url) {
    const auto parsed = parse_database_url(url);
    if (!parsed) return Error::invalid("Cannot watch '" + url + "': not a database URL.", "db");
    if (parsed->backend == DatabaseUrl::Backend::Sqlite) {
        sqlite3* db = nullptr;
        const std::string& file = parsed->sqlite_path;
        // Read-write: the watcher also forgets changes every process has had time to read.
        if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            sqlite3_close_v2(db);
            return Error::unavailable("Cannot watch the database for changes.", file);
        }
        sqlite3_busy_timeout(db, 0);
        return std::unique_ptr<ChangeWatcher>(std::make_unique<SqliteWatcher>(db));
    }
    return std::unique_ptr<ChangeWatcher>(std::make_unique<PostgresWatcher>(url));
}

}  // namespace dateline::db
