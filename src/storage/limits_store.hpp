#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace dateline::storage {

/// Counters and used tokens kept in the database, so that every node of a network sees the same
/// ones. Each operation is one atomic statement: two nodes counting at once never lose a hit and
/// never both accept the same token.
class LimitsStore {
  public:
    explicit LimitsStore(db::Connection& connection) : c_(connection) {}

    /// Counts one hit in the bucket's window and returns the hits counted so far, this one
    /// included.
    Result<std::int64_t> hit(const std::string& bucket, UnixTime window_start);
    /// The hits counted so far in the bucket's window.
    Result<std::int64_t> hits(const std::string& bucket, UnixTime window_start);

    /// Records a token digest as used until `expires_at`. True when this is its first use.
    Result<bool> use_token(const std::string& digest, UnixTime expires_at);

    /// Forgets tokens that expired before `expired_before` and counter windows that started
    /// before `oldest_window`.
    Status purge(UnixTime expired_before, UnixTime oldest_window);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
