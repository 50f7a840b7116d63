#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/article_service.hpp"
#include "app/wire_pictures.hpp"
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
/// by one) and pulls every URL source that is due (each pull by one node, conditional on what
/// the last answer's ETag and Last-Modified were, spaced out after failures), reads the stories
/// (a ninjs item of any version, a NewsML-G2 item or message, an NITF document, an RSS or Atom
/// feed), records each version in the queue (a version received before is not received again),
/// keeps its picture in the wire folder of the data directory (copied, or fetched from its
/// address), and files a folder's file under done/ or failed/ with the reason. A source that
/// publishes by itself makes each item a published story, or updates the story its earlier
/// version made; a withheld or canceled version takes that story down from any source.
class WireDesk {
  public:
    /// How often a URL source may be pulled, in seconds.
    static constexpr int min_poll_seconds = 10;
    static constexpr int max_poll_seconds = 86'400;
    /// The longest wait after failures.
    static constexpr int max_backoff_seconds = 3'600;
    /// How long a node holds a pull it took before another may take it (should it stop).
    static constexpr int retry_seconds = 300;

    /// `wire_dir` keeps the queued items' pictures; `import_roots` are the folders a picture's
    /// `file:` URL may point into besides its item's own (config `import_roots`); `fetcher`
    /// pulls URL sources and remote pictures.
    WireDesk(db::Database& database, ArticleService& articles, const Clock& clock,
             const std::filesystem::path& wire_dir, std::vector<std::filesystem::path> import_roots,
             const fetch::HttpFetcher& fetcher)
        : database_(database),
          articles_(articles),
          clock_(clock),
          import_roots_(std::move(import_roots)),
          fetcher_(fetcher),
          pictures_(wire_dir / "pictures", fetcher) {}

    /// A source named `name` (letters, digits, '-', '_'; at most 64) for the folder (which must
    /// exist), feeding the site and, when given, its section.
    Result<domain::WireSource> add_source(const std::string& name,
                                          const std::filesystem::path& folder,
                                          const std::string& site_slug,
                                          const std::string& section_slug, bool auto_publish);
    /// A source named as above, pulled from `url` (http or https) every `poll_seconds`
    /// (min_poll_seconds to max_poll_seconds), feeding the site and, when given, its section.
    Result<domain::WireSource> add_url_source(const std::string& name, const std::string& url,
                                              const std::string& site_slug,
                                              const std::string& section_slug, bool auto_publish,
                                              int poll_seconds);
    Result<std::vector<domain::WireSource>> sources();
    /// Removes a source; what it brought stays in the queue. NotFound when there is none.
    Status remove_source(const std::string& name);

    /// Which URL sources a pass pulls: those due (a serving node's passes), or every one now
    /// (`dateline wires run --once`, whose schedule is the caller's: cron's).
    enum class Pulls { WhenDue, Now };
    /// One pass over every source.
    Result<WireRun> run_once(Pulls pulls = Pulls::WhenDue);

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
    // Records one story and, for a publishing source, publishes it; the reason when it is
    // refused. `base_url` is the address of the document it came in, for relative pictures.
    std::optional<std::string> take_item(const domain::WireSource& source, domain::WireItem item,
                                         const std::string& base_url, WireRun& run);
    // Pulls a URL source and takes its stories; what the pull learnt is kept with the source.
    void pull(domain::WireSource source, Pulls pulls, WireRun& run);
    // Checks and stores a new source of either kind.
    Result<domain::WireSource> add(domain::WireSource source, const std::string& name,
                                   const std::string& site_slug, const std::string& section_slug,
                                   bool auto_publish);

    db::Database& database_;
    ArticleService& articles_;
    const Clock& clock_;
    std::vector<std::filesystem::path> import_roots_;
    const fetch::HttpFetcher& fetcher_;
    WirePictures pictures_;
};

}  // namespace dateline::app
