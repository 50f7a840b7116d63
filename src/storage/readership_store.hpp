#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"

namespace dateline::storage {

/// Stories' reads by the hour, and the "most read" rankings made from them
/// (migrations/*/0032). An hour is a count of hours since the epoch.
class ReadershipStore {
  public:
    explicit ReadershipStore(db::Connection& connection) : c_(connection) {}

    /// Adds these reads (story, reads) to the hour's; a story that no longer exists is skipped.
    Status add_reads(std::int64_t hour,
                     const std::vector<std::pair<domain::Id, std::int64_t>>& reads);
    /// Forgets the reads of the hours before `hour`; returns how many rows went.
    Result<std::int64_t> forget_before(std::int64_t hour);
    /// Makes every ranking again, in `hour`, from the reads of `since_hour` on: each site's
    /// `size` most read stories that are listed (published or scheduled), and each section's,
    /// most reads first (ties: the higher id, the story made later). Run it inside a write
    /// transaction.
    Status rank(std::int64_t hour, std::int64_t since_hour, int size);
    /// The site's ranking (section 0) or a section's made in `since_hour` or later, as ids in
    /// order with the reads of each, of the stories visible at `now`; at most `limit`.
    Result<std::vector<std::pair<domain::Id, std::int64_t>>> most_read(domain::Id site_id,
                                                                       domain::Id section_id,
                                                                       UnixTime now,
                                                                       std::int64_t since_hour,
                                                                       int limit);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
