#include "db/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstring>
#include <unordered_map>

namespace dateline::db {

namespace {

// Prepared statements are planned once, not for each execution's values: PostgreSQL's default
// planned most of them anew every time (a custom plan costs less than its estimate of the generic
// one), and with the statistics of a large archive that planning cost five to ten times the
// execution (0.2 ms against 0.03 for a listing, a home page's time halved at 10,000 stories).
// Every statement is an index walk whatever its values, which the plan test checks on the
// generic plans themselves.
constexpr const char* session_settings[] = {"SET statement_timeout = '10s'",
                                            "SET client_min_messages = warning",
                                            "SET plan_cache_mode = force_generic_plan"};
constexpr const char* connect_timeout_seconds = "2";
// After a failed reconnection, connections answer "unavailable" at once for this long instead of
// each waiting on the network: requests fail fast while the server is down.
constexpr auto reconnect_backoff = std::chrono::milliseconds(500);

// Type OIDs from PostgreSQL's pg_type catalogue (src/include/catalog/pg_type.dat).
constexpr Oid bool_oid = 16, int8_oid = 20, int2_oid = 21, int4_oid = 23, float4_oid = 700,
              float8_oid = 701, numeric_oid = 1700;

Error postgres_error(PGconn* conn, const PGresult* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string detail = result && PQresultErrorMessage(result)[0]
                                   ? PQresultErrorMessage(result)
                                   : (conn ? PQerrorMessage(conn) : "no connection");
    const std::string sqlstate = state ? state : "";
    // SQLSTATE classes (https://www.postgresql.org/docs/15/errcodes-appendix.html):
    // 23 integrity constraint, 08 connection, 40 transaction rollback, 57 operator intervention.
    if (sqlstate.rfind("23", 0) == 0) {
        Error e = Error::conflict("This conflicts with something that already exists.");
        e.cause = detail;
        return e;
    }
    if (sqlstate.empty() || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("40", 0) == 0 ||
        sqlstate.rfind("57", 0) == 0 || sqlstate == "53300")
        return Error::unavailable("The database is unavailable right now; try again.", detail);
    return Error::internal(sqlstate + ": " + detail);
}

/// What the connections of one pool know about the server: when to try it again.
struct ServerHealth {
    std::atomic<std::int64_t> retry_at_ms{0};

    static std::int64_t now_ms() {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

class PostgresConnection final : public Connection {
  public:
    PostgresConnection(PGconn* conn, std::shared_ptr<ServerHealth> health)
        : conn_(conn), health_(std::move(health)) {}
    ~PostgresConnection() override { PQfinish(conn_); }

    Result<Rows> query(std::string_view sql, const Params& params) override {
        auto result = run(sql, params);
        if (!result) return result.error();
        PGresult* r = result->get();
        Rows rows;
        const int n_rows = PQntuples(r);
        const int n_cols = PQnfields(r);
        rows.reserve(static_cast<std::size_t>(n_rows));
        for (int i = 0; i < n_rows; ++i) {
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(n_cols));
            for (int j = 0; j < n_cols; ++j) values.push_back(cell(r, i, j));
            rows.emplace_back(std::move(values));
        }
        return rows;
    }

    Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
        auto result = run(sql, params);
        if (!result) return result.error();
        const char* affected = PQcmdTuples(result->get());
        std::int64_t n = 0;
        std::from_chars(affected, affected + std::strlen(affected), n);
        return n;
    }

    Status execute_script(std::string_view sql) override {
        if (auto healthy = ensure_connected(); !healthy) return healthy;
        const std::string text(sql);
        Owned result(PQexec(conn_, text.c_str()));
        const auto status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            return postgres_error(conn_, result.get());
        return success();
    }

    Status begin_write() override { return execute_script("BEGIN"); }
    // REPEATABLE READ: one snapshot for every statement, where READ COMMITTED takes one each.
    Status begin_read() override {
        return execute_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    Status commit() override { return execute_script("COMMIT"); }
    Status rollback() override {
        if (PQstatus(conn_) != CONNECTION_OK || PQtransactionStatus(conn_) == PQTRANS_IDLE)
            return success();
        return execute_script("ROLLBACK");
    }
    Status set_relaxed_commits(bool relaxed) override {
        // The commit returns before its WAL reaches the disk; a crash of the server may lose
        // the last few, never corrupt anything (PostgreSQL manual, "Asynchronous Commit").
        return execute_script(relaxed ? "SET synchronous_commit = off"
                                      : "SET synchronous_commit = on");
    }
    Status reset_id_sequence(std::string_view table) override {
        auto done = query(
            "SELECT setval(pg_get_serial_sequence($1, 'id'), "
            "GREATEST(COALESCE((SELECT MAX(id) FROM " +
                std::string(table) + "), 0), 1), (SELECT COUNT(*) > 0 FROM " + std::string(table) +
                "))",
            {std::string(table)});
        if (!done) return done.error();
        return success();
    }
    std::string_view backend() const override { return "postgres"; }

  private:
    struct Clear {
        void operator()(PGresult* r) const { PQclear(r); }
    };
    using Owned = std::unique_ptr<PGresult, Clear>;

    // A broken connection (the server restarted) is reset once before use; prepared statements
    // died with it.
    Status ensure_connected() {
        if (PQstatus(conn_) == CONNECTION_OK) return success();
        if (ServerHealth::now_ms() < health_->retry_at_ms)
            return Error::unavailable("The database is unavailable right now; try again.",
                                      "waiting before reconnecting");
        PQreset(conn_);
        prepared_.clear();
        if (PQstatus(conn_) != CONNECTION_OK) {
            health_->retry_at_ms = ServerHealth::now_ms() + reconnect_backoff.count();
            return postgres_error(conn_, nullptr);
        }
        health_->retry_at_ms = 0;
        for (const char* setting : session_settings) Owned r(PQexec(conn_, setting));
        return success();
    }

    static Value cell(const PGresult* r, int row, int column) {
        if (PQgetisnull(r, row, column)) return nullptr;
        const char* text = PQgetvalue(r, row, column);
        const auto length = static_cast<std::size_t>(PQgetlength(r, row, column));
        switch (PQftype(r, column)) {
            case int8_oid:
            case int4_oid:
            case int2_oid: {
                std::int64_t n = 0;
                std::from_chars(text, text + length, n);
                return n;
            }
            case float4_oid:
            case float8_oid:
            case numeric_oid:
                return std::strtod(text, nullptr);
            case bool_oid:
                return std::int64_t{text[0] == 't'};
            default:
                return std::string(text, length);
        }
    }

    Result<Owned> run(std::string_view sql, const Params& params) {
        const bool outside_transaction =
            PQstatus(conn_) != CONNECTION_OK || PQtransactionStatus(conn_) == PQTRANS_IDLE;
        auto result = run_once(sql, params);
        // A server restart breaks every pooled connection; outside a transaction the statement
        // can be sent again on a fresh connection instead of failing one request per connection.
        if (!result && outside_transaction && PQstatus(conn_) == CONNECTION_BAD)
            result = run_once(sql, params);
        return result;
    }

    Result<Owned> run_once(std::string_view sql, const Params& params) {
        if (auto healthy = ensure_connected(); !healthy) return healthy.error();
        std::string key(sql);
        auto it = prepared_.find(key);
        if (it == prepared_.end()) {
            if (prepared_.size() >= max_cached_statements) {
                Owned deallocated(PQexec(conn_, "DEALLOCATE ALL"));
                prepared_.clear();
            }
            const std::string name = "s" + std::to_string(++statement_counter_);
            Owned prepared(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr));
            if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
                return postgres_error(conn_, prepared.get());
            it = prepared_.emplace(std::move(key), name).first;
        }
        // Every parameter travels as text; the server infers each type from its use.
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            if (std::holds_alternative<std::nullptr_t>(v)) continue;
            if (const auto* n = std::get_if<std::int64_t>(&v))
                texts[i] = std::to_string(*n);
            else if (const auto* d = std::get_if<double>(&v))
                texts[i] = std::to_string(*d);
            else
                texts[i] = std::get<std::string>(v);
            values[i] = texts[i].c_str();
        }
        Owned result(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                    values.data(), nullptr, nullptr, 0));
        const auto status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            Error e = postgres_error(conn_, result.get());
            // A statement prepared before a schema change may be invalid now; forget it.
            if (e.code != ErrorCode::Conflict) prepared_.erase(std::string(sql));
            return e;
        }
        return result;
    }

    PGconn* conn_;
    std::shared_ptr<ServerHealth> health_;
    std::unordered_map<std::string, std::string> prepared_;
    std::uint64_t statement_counter_ = 0;
};

Result<std::unique_ptr<Connection>> open_connection(const std::string& url,
                                                    std::shared_ptr<ServerHealth> health) {
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {url.c_str(), connect_timeout_seconds, "dateline", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    if (!conn) return Error::unavailable("Cannot reach the database.", "out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string detail = PQerrorMessage(conn);
        PQfinish(conn);
        return Error::unavailable("Cannot connect to the PostgreSQL database.", detail);
    }
    auto connection = std::make_unique<PostgresConnection>(conn, std::move(health));
    for (const char* setting : session_settings)
        if (auto s = connection->execute_script(setting); !s) return s.error();
    return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const std::string& url,
                                                                 int pool_size) {
    std::unique_ptr<PostgresDatabase> database(new PostgresDatabase());
    auto health = std::make_shared<ServerHealth>();
    for (int i = 0; i < std::max(1, pool_size); ++i) {
        auto connection = open_connection(url, health);
        if (!connection) return connection.error();
        database->add(std::move(connection).value());
    }
    return database;
}

PostgresDatabase::~PostgresDatabase() = default;

}  // namespace dateline::db
