#include "storage/secret_store.hpp"

namespace dateline::storage {

Result<std::string> SecretStore::get_or_create(const std::string& name,
                                               const std::string& candidate, UnixTime now) {
    if (auto inserted =
            c_.execute("INSERT INTO secrets (name, value, created_at) VALUES ($1, $2, $3) "
                       "ON CONFLICT (name) DO NOTHING",
                       {name, candidate, now});
        !inserted)
        return inserted.error();
    auto rows = c_.query("SELECT value FROM secrets WHERE name = $1", {name});
    if (!rows) return rows.error();
    if (rows->empty()) return Error::internal("The secret '" + name + "' could not be stored.");
    return rows->front().text(0);
}

}  // namespace dateline::storage
