#include "core/database_url.hpp"

namespace dateline {

namespace {

constexpr std::string_view sqlite_scheme = "sqlite:";

}  // namespace

DatabaseUrl DatabaseUrl::sqlite(const std::string& path) {
    return {Backend::Sqlite, std::string(sqlite_scheme) + path, path};
}

std::optional<DatabaseUrl> parse_database_url(std::string_view text) {
    if (text.starts_with(sqlite_scheme) && text.size() > sqlite_scheme.size())
        return DatabaseUrl::sqlite(std::string(text.substr(sqlite_scheme.size())));
    if (text.starts_with("postgresql://") || text.starts_with("postgres://"))
        return DatabaseUrl{DatabaseUrl::Backend::Postgres, std::string(text), {}};
    return std::nullopt;
}

}  // namespace dateline
