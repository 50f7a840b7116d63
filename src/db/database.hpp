#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace dateline::db {

/// A bound parameter or a column value.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// One result row. Accessors are lenient about NULL (0 or "") so stores stay short; use is_null
/// where NULL means something.
class Row {
  public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    std::size_t size() const { return values_.size(); }
    bool is_null(std::size_t i) const;
    std::int64_t integer(std::size_t i) const;
    double real(std::size_t i) const;
    std::string text(std::size_t i) const;
    /// text(i), moved out of the row (which then holds "" there): for a row read once.
    std::string take_text(std::size_t i);
    std::optional<std::int64_t> optional_integer(std::size_t i) const;
    const Value& value(std::size_t i) const { return values_.at(i); }

  private:
    std::vector<Value> values_;
};

using Rows = std::vector<Row>;

/// NULL for an absent value, the value otherwise.
inline Value nullable(const std::optional<std::int64_t>& v) {
    if (v) return *v;
    return nullptr;
}
inline Value nullable_text(const std::string& s) {
    if (s.empty()) return nullptr;
    return s;
}
using Params = std::vector<Value>;

/// Statements each connection keeps prepared. Past it the cache starts over, so a statement
/// whose text varies with its values must not reach it: bind the values (for an id list, a few
/// padded lengths of placeholders, as storage::ArticleStore does).
inline constexpr std::size_t max_cached_statements = 512;

/// One connection to the database. SQL is written once for every backend: parameters are `$1`,
/// `$2`, ... (PostgreSQL's style, which the SQLite driver binds by name), and inserts read their
/// new id with `RETURNING id`. Constraint violations come back as Conflict, a busy or lost
/// database as Unavailable, anything else as Internal with the driver's text in `cause`.
class Connection {
  public:
    virtual ~Connection() = default;
    virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
    /// Runs a statement and returns the number of rows it changed.
    virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
    /// Runs several statements without parameters (migrations).
    virtual Status execute_script(std::string_view sql) = 0;
    /// Starts a transaction that will write; on SQLite it takes the write lock at once so two
    /// writers never deadlock upgrading their locks.
    virtual Status begin_write() = 0;
    /// Starts a transaction that only reads: every statement until commit() sees the database as
    /// it was at the first one. Use ReadSnapshot rather than calling this directly.
    virtual Status begin_read() = 0;
    virtual Status commit() = 0;
    virtual Status rollback() = 0;
    /// Relaxed: later commits on this connection survive a crash of the process but not
    /// necessarily of the machine (SQLite `synchronous=NORMAL` in WAL mode, PostgreSQL
    /// `synchronous_commit=off`), for writes that cost more to keep than to lose, such as rate
    /// counters. Use RelaxedCommits rather than calling this directly.
    virtual Status set_relaxed_commits(bool relaxed) = 0;
    /// After rows were inserted with explicit ids, makes the next generated id follow the
    /// largest (PostgreSQL identity sequences; SQLite needs nothing).
    virtual Status reset_id_sequence(std::string_view table) = 0;
    /// The backend's name, "sqlite" or "postgres", for the few places where dialects differ.
    virtual std::string_view backend() const = 0;
};

/// Relaxed commits (Connection::set_relaxed_commits) for this scope, durable ones again after it,
/// so that a pooled connection never goes back to the pool relaxed.
class RelaxedCommits {
  public:
    explicit RelaxedCommits(Connection& connection) : connection_(connection) {
        (void)connection_.set_relaxed_commits(true);
    }
    ~RelaxedCommits() { (void)connection_.set_relaxed_commits(false); }
    RelaxedCommits(const RelaxedCommits&) = delete;
    RelaxedCommits& operator=(const RelaxedCommits&) = delete;

  private:
    Connection& connection_;
};

/// One consistent view of the database for this scope's reads (a page's several queries), ended
/// when the scope ends. It also spares SQLite a lock and an unlock of the file per statement.
/// Reads only: a write inside it fails on PostgreSQL.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(Connection& connection)
        : connection_(connection), begun_(connection.begin_read().ok()) {}
    ~ReadSnapshot() {
        if (begun_) (void)connection_.commit();
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    /// Whether the transaction began: without it each statement sees its own moment (pages
    /// carry on so; a copy that must be consistent does not).
    bool begun() const { return begun_; }

  private:
    Connection& connection_;
    bool begun_;
};

/// A pool of connections to one database, safe to share between threads.
class Database {
  public:
    /// A connection borrowed from the pool; returned when this lease is destroyed.
    class Lease {
      public:
        Lease(Database& owner, std::unique_ptr<Connection> connection)
            : owner_(&owner),
              connection_(std::move(connection)),
              since_(std::chrono::steady_clock::now()) {}
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Connection& operator*() { return *connection_; }
        Connection* operator->() { return connection_.get(); }

      private:
        Database* owner_;
        std::unique_ptr<Connection> connection_;
        std::chrono::steady_clock::time_point since_;
    };

    /// How the pool's connections have been used since it opened, for metrics.
    struct Statistics {
        std::size_t connections = 0;
        std::size_t in_use = 0;
        std::uint64_t leases = 0;  ///< connections borrowed
        std::uint64_t waits = 0;   ///< borrowings that had to wait for a connection to come back
        std::chrono::steady_clock::duration waited{};  ///< time spent in those waits
        std::chrono::steady_clock::duration held{};    ///< time connections were borrowed
    };

    virtual ~Database() = default;
    /// Borrows a connection, waiting for one to come back when all are in use.
    virtual Lease acquire() = 0;
    /// Borrows a connection if one is idle or comes back within `wait`; nothing otherwise. For
    /// callers that must answer in time whatever the load (a readiness probe).
    virtual std::optional<Lease> try_acquire(std::chrono::milliseconds wait) = 0;
    virtual Statistics statistics() const = 0;

  protected:
    friend class Lease;
    /// Takes a connection back after it was borrowed for `held`.
    virtual void release(std::unique_ptr<Connection> connection,
                         std::chrono::steady_clock::duration held) = 0;
};

/// Runs `work` inside a write transaction on a borrowed connection: committed when it returns
/// success, rolled back when it returns an error or throws.
template <typename T>
Result<T> in_transaction(Database& database, const std::function<Result<T>(Connection&)>& work) {
    auto lease = database.acquire();
    if (auto begun = lease->begin_write(); !begun) return begun.error();
    try {
        auto result = work(*lease);
        if (!result) {
            (void)lease->rollback();
            return result;
        }
        if (auto committed = lease->commit(); !committed) {
            (void)lease->rollback();
            return committed.error();
        }
        return result;
    } catch (...) {
        (void)lease->rollback();
        throw;
    }
}

/// Opens a database from a URL: "sqlite:PATH" or "postgresql://user@host:port/name".
Result<std::unique_ptr<Database>> open_database(const std::string& url, int pool_size);

/// Opens a database and brings its schema up to date (db::migrate with the bundled
/// migrations): what every command does before it uses one. `applied`, when given, receives
/// how many migrations ran.
Result<std::unique_ptr<Database>> open_migrated(const std::string& url, int pool_size,
                                                int* applied = nullptr);

}  // namespace dateline::db
