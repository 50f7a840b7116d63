#include "storage/front_page_store.hpp"

#include <algorithm>

namespace dateline::storage {

using domain::Id;

Result<std::vector<Id>> FrontPageStore::top_stories(Id site_id) {
    auto rows =
        c_.query("SELECT article_id FROM front_page_stories WHERE site_id = $1 ORDER BY position",
                 {site_id});
    if (!rows) return rows.error();
    std::vector<Id> ids;
    ids.reserve(rows->size());
    for (const auto& r : *rows) ids.push_back(r.integer(0));
    return ids;
}

Status FrontPageStore::set_top_stories(Id site_id, const std::vector<Id>& before,
                                       const std::vector<Id>& ids) {
    // A position whose story stays is left alone; the others are emptied first, so that a story
    // moving to another position never meets itself in the (site, story) key.
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (i < ids.size() && ids[i] == before[i]) continue;
        if (auto done =
                c_.execute("DELETE FROM front_page_stories WHERE site_id = $1 AND position = $2",
                           {site_id, static_cast<std::int64_t>(i + 1)});
            !done)
            return done.error();
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i < before.size() && ids[i] == before[i]) continue;
        if (auto done = c_.execute("INSERT INTO front_page_stories (site_id, position, article_id) "
                                   "VALUES ($1, $2, $3)",
                                   {site_id, static_cast<std::int64_t>(i + 1), ids[i]});
            !done)
            return done.error();
    }
    return success();
}

}  // namespace dateline::storage
