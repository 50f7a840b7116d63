#include "db/sqlite_database.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <string>
#include <unordered_map>

namespace dateline::db {

namespace {

constexpr int busy_timeout_ms = 10000;

Error sqlite_error(sqlite3* db, int code) {
    const std::string detail =
        std::string(sqlite3_errstr(code)) + ": " + (db ? sqlite3_errmsg(db) : "");
    switch (code & 0xFF) {
        case SQLITE_CONSTRAINT: {
            Error e = Error::conflict("This conflicts with something that already exists.");
            e.cause = detail;
            return e;
        }
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error::unavailable("The database is busy; try again.", detail);
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
            return Error::unavailable("The database cannot be written right now.", detail);
        default:
            return Error::internal(detail);
    }
}

class SqliteConnection final : public Connection {
  public:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}
    ~SqliteConnection() override {
        forget_statements();
        sqlite3_close_v2(db_);
    }

    Result<Rows> query(std::string_view sql, const Params& params) override {
        auto prepared = prepare(sql, params);
        if (!prepared) return prepared.error();
        sqlite3_stmt* stmt = *prepared;
        Rows rows;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const int n = sqlite3_column_count(stmt);
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) values.push_back(column(stmt, i));
            rows.emplace_back(std::move(values));
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) return sqlite_error(db_, rc);
        return rows;
    }

    Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
        auto prepared = prepare(sql, params);
        if (!prepared) return prepared.error();
        sqlite3_stmt* stmt = *prepared;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) return sqlite_error(db_, rc);
        return static_cast<std::int64_t>(sqlite3_changes(db_));
    }

    Status execute_script(std::string_view sql) override {
        char* message = nullptr;
        const std::string text(sql);
        const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
        if (message) sqlite3_free(message);
        if (rc != SQLITE_OK) return sqlite_error(db_, rc);
        return success();
    }

    // Kept prepared like any statement: every page begins and ends a read, and sqlite3_exec
    // would parse the text each time.
    Status begin_write() override { return transaction_step("BEGIN IMMEDIATE"); }
    // DEFERRED: the snapshot is taken by the first read, and no write lock is asked for.
    Status begin_read() override { return transaction_step("BEGIN DEFERRED"); }
    Status commit() override { return transaction_step("COMMIT"); }
    Status rollback() override {
        if (sqlite3_get_autocommit(db_)) return success();
        return transaction_step("ROLLBACK");
    }
    Status set_relaxed_commits(bool relaxed) override {
        // In WAL mode NORMAL syncs at checkpoints only: a commit survives the process, and is
        // lost only with the machine (https://sqlite.org/pragma.html#pragma_synchronous).
        return simple(relaxed ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
    }
    Status reset_id_sequence(std::string_view) override { return success(); }
    std::string_view backend() const override { return "sqlite"; }

  private:
    // A prepared statement, and which value each of its parameters takes: "$N" placeholders
    // are named parameters to SQLite, bound by their names so that the same SQL works on
    // PostgreSQL, where they are positional. SQLite finds a name's index, and an index's name, by
    // walking the statement's list of names, so the numbers are read once, when the statement is
    // prepared: done on every execution, binding lists of 128 ids compared names quadratically
    // (a third of the time choosing related news).
    struct Prepared {
        sqlite3_stmt* stmt = nullptr;
        std::vector<std::size_t> values;  ///< for parameter i + 1, its value's number (0: none)
    };

    static std::vector<std::size_t> value_numbers(sqlite3_stmt* stmt) {
        std::vector<std::size_t> numbers(
            static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt)));
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            const char* name = sqlite3_bind_parameter_name(stmt, static_cast<int>(i + 1));
            if (!name || name[0] != '$') continue;
            const char* end = name + std::strlen(name);
            std::size_t n = 0;
            if (std::from_chars(name + 1, end, n).ptr == end) numbers[i] = n;
        }
        return numbers;
    }

    void forget_statements() {
        for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.stmt);
        statements_.clear();
    }

    Status transaction_step(std::string_view sql) {
        auto done = execute(sql, {});
        if (!done) return done.error();
        return success();
    }

    Status simple(const char* sql) {
        const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return sqlite_error(db_, rc);
        return success();
    }

    static Value column(sqlite3_stmt* stmt, int i) {
        switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_INTEGER:
                return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
            case SQLITE_FLOAT:
                return sqlite3_column_double(stmt, i);
            case SQLITE_NULL:
                return nullptr;
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                return std::string(text ? text : "",
                                   static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
            }
        }
    }

    Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params) {
        auto it = statements_.find(sql);
        if (it == statements_.end()) {
            if (statements_.size() >= max_cached_statements) forget_statements();
            sqlite3_stmt* stmt = nullptr;
            const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
            if (rc != SQLITE_OK) return sqlite_error(db_, rc);
            it = statements_.emplace(std::string(sql), Prepared{stmt, value_numbers(stmt)}).first;
        }
        sqlite3_stmt* stmt = it->second.stmt;
        sqlite3_clear_bindings(stmt);
        const auto& values = it->second.values;
        for (std::size_t slot = 0; slot < values.size(); ++slot) {
            const std::size_t n = values[slot];
            if (n < 1 || n > params.size()) continue;
            const int index = static_cast<int>(slot + 1);
            int rc = SQLITE_OK;
            const Value& v = params[n - 1];
            if (std::holds_alternative<std::nullptr_t>(v)) {
                rc = sqlite3_bind_null(stmt, index);
            } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
                rc = sqlite3_bind_int64(stmt, index, *i);
            } else if (const auto* d = std::get_if<double>(&v)) {
                rc = sqlite3_bind_double(stmt, index, *d);
            } else {
                const auto& s = std::get<std::string>(v);
                rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT,
                                         SQLITE_UTF8);
            }
            if (rc != SQLITE_OK) return sqlite_error(db_, rc);
        }
        return stmt;
    }

    sqlite3* db_;
    // Found by the statement's text without copying it (a page asks for a dozen).
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> statements_;
};

// SQLite counts every allocation in global statistics under one process-wide mutex, which the
// I/O threads then fought over (a tenth of an uncached page's time went to that lock's futex
// calls). Nothing reads those statistics, so they are turned off, once, before SQLite starts
// (https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus).
void configure_sqlite_once() {
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;  // SQLITE_MISUSE when SQLite already started (in tests): then it stays on
}

Result<std::unique_ptr<Connection>> open_connection(const std::filesystem::path& file) {
    configure_sqlite_once();
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqlite_error(db, rc);
        sqlite3_close_v2(db);
        return Error::unavailable("Cannot open the database file " + file.string() + ".", e.cause);
    }
    sqlite3_busy_timeout(db, busy_timeout_ms);
    auto connection = std::make_unique<SqliteConnection>(db);
    // WAL lets readers run while one writer commits; synchronous=FULL makes every commit durable
    // on disk before it returns (https://sqlite.org/pragma.html#pragma_synchronous).
    // The file is read (pread), not mapped. A map covers the file's start, where an archive
    // keeps its oldest stories, while readers want the newest, at its end; at 100,000 stories a
    // site it rendered no faster, and each connection's map of its first GiB counted in the
    // process's resident memory (2 GB, docs/performance.md). An I/O error in a map is a SIGBUS,
    // not an error SQLite can return (https://sqlite.org/mmap.html). The kernel caches the file
    // either way; each connection keeps its hottest pages in 2 MiB of its own (the indexes'
    // upper levels, the newest stories' rows): 8 MiB rendered no faster at 100,000 stories a
    // site and held 12 to 21 MB more of the process's memory (docs/performance.md).
    if (auto s = connection->execute_script(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
            "PRAGMA mmap_size=0; PRAGMA cache_size=-2048;");
        !s)
        return s.error();
    return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::filesystem::path& file,
                                                             int pool_size) {
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase());
    for (int i = 0; i < std::max(1, pool_size); ++i) {
        auto connection = open_connection(file);
        if (!connection) return connection.error();
        database->add(std::move(connection).value());
    }
    return database;
}

SqliteDatabase::~SqliteDatabase() = default;

Status backup_sqlite(const std::filesystem::path& source, const std::filesystem::path& target) {
    configure_sqlite_once();
    std::error_code ec;
    if (std::filesystem::exists(target, ec))
        return Error::conflict("The file " + target.string() + " exists already.");
    sqlite3* from = nullptr;
    sqlite3* to = nullptr;
    const auto close_both = [&] {
        sqlite3_close_v2(from);
        sqlite3_close_v2(to);
    };
    if (const int rc = sqlite3_open_v2(source.c_str(), &from, SQLITE_OPEN_READONLY, nullptr);
        rc != SQLITE_OK) {
        Error e = sqlite_error(from, rc);
        close_both();
        return Error::unavailable("Cannot open the database file " + source.string() + ".",
                                  e.cause);
    }
    sqlite3_busy_timeout(from, busy_timeout_ms);
    if (const int rc = sqlite3_open_v2(target.c_str(), &to,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        rc != SQLITE_OK) {
        Error e = sqlite_error(to, rc);
        close_both();
        return Error::unavailable("Cannot create the file " + target.string() + ".", e.cause);
    }
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) {
        Error e = sqlite_error(to, sqlite3_errcode(to));
        close_both();
        return Error::unavailable("Cannot back up " + source.string() + ".", e.cause);
    }
    // All pages in one step: one read transaction on the source, so the copy is of one moment.
    // Busy or locked (a checkpoint): wait and try again, within the busy timeout.
    int rc = SQLITE_OK;
    for (int waited = 0;; waited += 10) {
        rc = sqlite3_backup_step(backup, -1);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= busy_timeout_ms) break;
        sqlite3_sleep(10);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        Error e = sqlite_error(to, rc);
        close_both();
        std::filesystem::remove(target, ec);
        return Error::unavailable("The backup of " + source.string() + " did not finish.", e.cause);
    }
    // The copy's own journal, not the source's WAL: one file, nothing beside it.
    char* message = nullptr;
    const int journal = sqlite3_exec(to, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &message);
    sqlite3_free(message);
    close_both();
    if (journal != SQLITE_OK) {
        std::filesystem::remove(target, ec);
        return Error::unavailable("The backup of " + source.string() + " could not be closed.");
    }
    return success();
}

}  // namespace dateline::db
