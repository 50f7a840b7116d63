#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/article_service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/wire_item.hpp"

namespace dateline::app {

/// What one pass over the wire sources did.
struct WireRun {
    int received = 0;                   ///< new versions recorded in the queue
    int published = 0;                  ///< stories published, updated or taken down by them
    int repeated = 0;                   ///< versions received before: filed away, nothing changed
    int failed = 0;                     ///< files filed under failed/, each with its reason
    std::vector<std::string> problems;  ///< one line per failed file: "path: why"
};

/// The wire desk: the agencies' sources and the queue of what they sent. A pass reads every
/// complete file of every source folder (several nodes may share the folders: each file is read
/// by one), reads its stories (a ninjs item of any version, a NewsML-G2 item or message, an NITF
/// document, an RSS or Atom feed), records each version in the queue
/// (a version received before is not received again), copies its picture into the wire folder of
/// the data directory, and files the file under done/ or failed/ with the reason. A source that
/// publishes by itself makes each item a published story, or updates the story its earlier
/// version made; a withheld or canceled version takes that story down from any source.
class WireDesk {
  public:
    /// `wire_dir` keeps the queued items' pictures; `import_roots` are the folders a picture's
    /// `file:` URL may point into besides its item's own (config `import_roots`).
    WireDesk(db::Database& database, ArticleService& articles, const Clock& clock,
             std::filesystem::path wire_dir, std::vector<std::filesystem::path> import_roots)
        : database_(database),
          articles_(articles),
          clock_(clock),
          wire_dir_(std::move(wire_dir)),
          import_roots_(std::move(import_roots)) {}

    /// A source named `name` (letters, digits, '-', '_'; at most 64) for the folder (which must
    /// exist), feeding the site and, when given, its section.
    Result<domain::WireSource> add_source(const std::string& name,
                                          const std::filesystem::path& folder,
                                          const std::string& site_slug,
                                          const std::string& section_slug, bool auto_publish);
    Result<std::vector<domain::WireSource>> sources();
    /// Removes a source; what it brought stays in the queue. NotFound when there is none.
    Status remove_source(const std::string& name);

    /// One pass over every source.
    Result<WireRun> run_once();

    /// The queue, newest first, as the query narrows it.
    Result<std::vector<domain::ReceivedWireItem>> queue(const domain::WireQueueQuery& query);
    /// One item of the queue; nothing when there is no such item.
    Result<std::optional<domain::ReceivedWireItem>> item(domain::Id id);
    /// Every version received of the item `guid`, in the order they came: what an editor sees
    /// to know whether the agency sent something newer.
    Result<std::vector<domain::ReceivedWireItem>> versions(const std::string& guid);
    /// An editor's "Use": a draft of the site (and section, when given) made by `user` from the
    /// queue's item `id`, which then remembers the story; the story made from an earlier
    /// version instead, when there is one. NotFound for an item not in the queue; otherwise as
    /// ArticleService::use_wire_item.
    Result<domain::Article> use(const domain::User& user, domain::Id id,
                                const std::string& site_slug, const std::string& section_slug);

  private:
    // Reads, records and (for a publishing source) publishes the stories of one file, claimed
    // as `claimed`; the reason when it is refused.
    std::optional<std::string> take(const domain::WireSource& source,
                                    const std::filesystem::path& file,
                                    const std::filesystem::path& claimed, WireRun& run);
    // Records one story of a file and, for a publishing source, publishes it; the reason when
    // it is refused.
    std::optional<std::string> take_item(const domain::WireSource& source, domain::WireItem item,
                                         WireRun& run);

    db::Database& database_;
    ArticleService& articles_;
    const Clock& clock_;
    std::filesystem::path wire_dir_;
    std::vector<std::filesystem::path> import_roots_;
};

}  // namespace dateline::app
