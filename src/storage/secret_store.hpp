#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::storage {

/// Secrets shared by every node of a network (the key that signs security checks), kept in the
/// database so that a challenge issued by one node is honoured by another, and after a restart.
class SecretStore {
  public:
    explicit SecretStore(db::Connection& connection) : c_(connection) {}

    /// The secret with this name. When there is none yet, `candidate` becomes it; when two nodes
    /// race, both get the one that was stored first.
    Result<std::string> get_or_create(const std::string& name, const std::string& candidate,
                                      UnixTime now);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
