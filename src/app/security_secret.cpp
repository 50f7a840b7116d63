// load_security_secret() lives apart from the check itself, so that the check (a parser of
// readers' input) links without the stores: the fuzz harness builds it alone.
#include "app/security_check.hpp"

#include "crypto/crypto.hpp"
#include "storage/secret_store.hpp"

namespace dateline::app {

using crypto::from_hex;
using crypto::random_bytes;
using crypto::to_hex;

Result<std::string> load_security_secret(db::Database& database, const Clock& clock) {
    auto lease = database.acquire();
    auto stored = storage::SecretStore(*lease).get_or_create("security_check",
                                                             to_hex(random_bytes(32)), clock.now());
    if (!stored) return stored.error();
    auto secret = from_hex(*stored);
    if (!secret || secret->size() < 32)
        return Error::internal("the stored security-check secret is malformed");
    return *secret;
}

}  // namespace dateline::app
