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
    /// A story's place in a ranking: its site's (section 0) or its section's.
    struct Ranked {
        domain::Id site_id = 0;
        domain::Id section_id = 0;
        std::int64_t position = 0;  ///< from 1
        domain::Id article_id = 0;
        std::int64_t reads = 0;
    };
    /// Every ranking as the reads of `since_hour` on make it: each site's `size` most read
    /// stories that are listed (published or scheduled), and each section's, most reads first
    /// (ties: the higher id, the story made later). Reads only: it walks the window's reads, so
    /// it need not hold a write transaction.
    Result<std::vector<Ranked>> rank(std::int64_t since_hour, int size);
    /// Replaces every ranking with `ranked`, made in `hour`. Run it inside a write transaction.
    Status set_rankings(std::int64_t hour, const std::vector<Ranked>& ranked);
    /// The ids of the site's ranking (section 0) or a section's made in `since_hour` or later,
    /// in order, of the stories visible at `now`; at most `limit`.
    Result<std::vector<domain::Id>> most_read(domain::Id site_id, domain::Id section_id,
                                              UnixTime now, std::int64_t since_hour, int limit);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
