#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/network_spec.hpp"

namespace dateline::app {

/// Creates the network, its sites, sections and authors in one transaction. Fails with Conflict
/// when the database already holds a network.
Status create_network(db::Database& database, const domain::NetworkSpec& spec);

/// Removes the network with everything in it: what a failed `init` leaves behind.
Status remove_network(db::Database& database);

}  // namespace dateline::app
