#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/wire_item.hpp"

namespace dateline::storage {

/// The wire desk's sources and the items they brought (migrations/*/0026_create_wire_desk.sql).
/// An item's fields travel as `content`, JSON written and read by the caller; the columns beside
/// it are what the queue lists and filters by.
class WireStore {
  public:
    explicit WireStore(db::Connection& connection) : c_(connection) {}

    /// Stores a new source; its name must be free (Conflict on "name" otherwise).
    Result<domain::Id> add_source(const domain::WireSource& source, UnixTime now);
    /// Every source, by name, with its site's and section's slugs.
    Result<std::vector<domain::WireSource>> sources();
    /// Removes a source by name; false when there is none. Its items stay in the queue.
    Result<bool> remove_source(const std::string& name);

    /// Records a version of an item; nothing (and no change) when that version, by the item's
    /// identifier and version, was received before.
    Result<std::optional<domain::Id>> record(const domain::ReceivedWireItem& received,
                                             const std::string& content);
    /// Whether a version of the item other than `except` was received that the agency made
    /// later than `version_created` (by its version time).
    Result<bool> has_later_version(const std::string& guid, domain::Id except,
                                   UnixTime version_created);
    /// Takes the pull of a URL source that is due at `now` for this node: its next pull moves to
    /// `until` (so that another node does not pull it too) and true; false when it is not due or
    /// another node took it first.
    Result<bool> take_pull(domain::Id source_id, UnixTime now, UnixTime until);
    /// Keeps what a pull of the source learnt: its validators, when it is next due, its failures
    /// in a row and the last one's reason.
    Status record_pull(const domain::WireSource& source);
    /// Notes the story made from a received item.
    Status link_article(domain::Id item_id, domain::Id article_id);
    /// A received item and its content, for the caller to read.
    using Row = std::pair<domain::ReceivedWireItem, std::string>;

    /// The queue, newest first, as `query` narrows it.
    Result<std::vector<Row>> queue(const domain::WireQueueQuery& query);
    /// One received item by its id in the queue.
    Result<std::optional<Row>> by_id(domain::Id id);
    /// Every version received of an item, by its identifier, in the order they came.
    Result<std::vector<Row>> versions_of(const std::string& guid);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
