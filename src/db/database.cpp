#include "db/database.hpp"

#include "core/database_url.hpp"
#include "db/migrator.hpp"

#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace dateline::db {

bool Row::is_null(std::size_t i) const {
    return std::holds_alternative<std::nullptr_t>(values_.at(i));
}

std::int64_t Row::integer(std::size_t i) const {
    const auto& v = values_.at(i);
    if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    return 0;
}

double Row::real(std::size_t i) const {
    const auto& v = values_.at(i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    return 0;
}

std::string Row::text(std::size_t i) const {
    const auto& v = values_.at(i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    return {};
}

std::string Row::take_text(std::size_t i) {
    auto& v = values_.at(i);
    if (auto* s = std::get_if<std::string>(&v)) return std::move(*s);
    return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return integer(i);
}

Database::Lease::~Lease() {
    if (connection_)
        owner_->release(std::move(connection_), std::chrono::steady_clock::now() - since_);
}

Result<std::unique_ptr<Database>> open_database(const std::string& url, int pool_size) {
    const auto parsed = parse_database_url(url);
    if (!parsed)
        return Error::invalid("Unsupported database URL: use sqlite:PATH or postgresql://...",
                              "db");
    if (parsed->backend == DatabaseUrl::Backend::Sqlite) {
        auto db = SqliteDatabase::open(parsed->sqlite_path, pool_size);
        if (!db) return db.error();
        return std::unique_ptr<Database>(std::move(db).value());
    }
    auto db = PostgresDatabase::open(url, pool_size);
    if (!db) return db.error();
    return std::unique_ptr<Database>(std::move(db).value());
}

Result<std::unique_ptr<Database>> open_migrated(const std::string& url, int pool_size,
                                                int* applied) {
    auto database = open_database(url, pool_size);
    if (!database) return database.error();
    auto lease = (*database)->acquire();
    auto done = migrate(*lease, bundled_migrations(lease->backend()));
    if (!done) return done.error();
    if (applied) *applied = *done;
    return std::move(*database);
}

}  // namespace dateline::db
