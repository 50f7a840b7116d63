#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace dateline::config {

/// Everything the program is configured with, immutable after load and validated at boot.
/// Sources, later winning: built-in defaults < the configuration file (`<data>/dateline.toml`,
/// or the one named by --config or DATELINE_CONFIG) < DATELINE_* environment variables <
/// command-line flags. docs/operations.md lists every option.
struct Config {
    std::filesystem::path data_dir;
    std::string database_url;         ///< "sqlite:PATH"; default sqlite:<data>/dateline.db
    std::filesystem::path theme_dir;  ///< default: the installed default theme
    std::filesystem::path media_dir;  ///< <data>/media
    std::filesystem::path wire_dir;   ///< <data>/wire: the wire queue's pictures
    std::string listen_host = "127.0.0.1";
    int listen_port = 8080;
    /// Where /metrics is served (Prometheus text format), apart from the readers' port so that
    /// no proxy in front exposes it; empty: not served.
    std::string metrics_host;
    int metrics_port = 0;
    int threads = 0;        ///< 0: one per core
    int database_pool = 0;  ///< 0: threads (at least one per core) + 2
    std::size_t max_body_bytes = 1024 * 1024;
    std::chrono::seconds read_timeout{15};
    std::size_t page_cache_bytes = 32 * 1024 * 1024;
    std::chrono::seconds page_cache_fresh{30};
    /// How many stories' cards a node keeps in memory (app::StoryCards); 0: none, every card is
    /// read from the database, so a change shows at once rather than when the node hears of it.
    std::size_t story_cards = 4096;
    /// How many stories a node keeps in memory as their pages show them (app::KeptStories),
    /// forgotten as the pages are; 0: none.
    std::size_t kept_stories = 1024;
    /// How often a node adds the reads it counted to the database and ranks the most read
    /// stories again (app::MostRead); 0: this node counts no reads and ranks nothing.
    std::chrono::seconds most_read_interval{60};
    std::string log_level = "info";
    /// "text" (one line a message, the access log's fields separated by spaces) or "json" (one
    /// JSON object a line, for log shippers).
    std::string log_format = "text";
    /// How much of a reader's address the access log keeps: "network" (the last IPv4 byte and
    /// all but 48 bits of IPv6 cut off), "full" or "none".
    std::string log_addresses = "network";
    /// Reader comments: how hard the security check is (its largest counter), the least time
    /// from fetching it to sending, and how many submissions per ten minutes one address and
    /// one IP network (its /24 or /64) may make.
    int comment_check_difficulty = 2000;
    int comment_min_fill_seconds = 3;
    int comment_address_limit = 10;
    int comment_subnet_limit = 50;
    /// Security-check challenges one address, and one IP network, may fetch per ten minutes
    /// from one node.
    int comment_check_limit = 120;
    int comment_check_subnet_limit = 480;
    /// Open connections in all, from one address and from one IP network (its /24 or /64);
    /// trusted proxies count only towards the first.
    int max_connections = 10000;
    int max_connections_per_address = 256;
    int max_connections_per_network = 1024;
    /// Proxies whose X-Forwarded-For is believed (canonical addresses), so that limits count
    /// readers, not the proxy.
    std::vector<std::string> trusted_proxies;
    /// Folders outside an item's own folder from which `dateline import` may read a picture
    /// named by a `file:` URL (absolute paths). None by default: an item reaches only its folder.
    std::vector<std::filesystem::path> import_roots;
    /// Whether the wire desk may fetch from private, loopback and reserved addresses (a feed or
    /// a picture on the local network). Off by default: a source's address could otherwise reach
    /// the services beside the server.
    bool wire_allow_private_addresses = false;
};

/// Overrides from flags, by option name ("listen", "threads", "db", "theme", ...). A list option
/// given several times (import_roots) is one value, its items joined by list_separator.
using Overrides = std::map<std::string, std::string>;

/// Separates the folders of a list option in one value: ':' as in PATH.
inline constexpr char list_separator = ':';

/// The override (`--config FILE`) and the environment variable that name the configuration
/// file to read instead of `<data>/dateline.toml` (an installed service's
/// /etc/dateline/dateline.toml); the flag wins.
inline constexpr const char* config_file_option = "config";
inline constexpr const char* config_file_env = "DATELINE_CONFIG";

/// Loads the configuration for a data directory. `default_theme_dir` is where the binary's
/// default theme lives. Errors name the source and the option; a configuration file named by
/// config_file_option or config_file_env must exist.
Result<Config> load(const std::filesystem::path& data_dir, const Overrides& flags,
                    const std::filesystem::path& default_theme_dir);

/// One option as load() resolves it, for `dateline config`: its effective value as the
/// configuration file would write it, and where it came from ("default", "file PATH",
/// "environment DATELINE_X", "flag --x"). Secrets are masked.
struct Setting {
    std::string name;
    std::string value;
    std::string source;
};
/// Every option, in the order docs/operations.md lists them, and the configuration file read
/// (empty when there was none).
struct Described {
    std::filesystem::path file;
    std::vector<Setting> settings;
};
/// What load() would make of the same sources, option by option; fails where load() does.
Result<Described> describe(const std::filesystem::path& data_dir, const Overrides& flags,
                           const std::filesystem::path& default_theme_dir);

/// A database URL with its password (in the authority or a `password=` parameter) replaced by
/// asterisks, for printing.
std::string masked_database_url(std::string_view url);

/// Splits "HOST:PORT" ("[::1]:8080" for IPv6); false when malformed or the port is out of range.
bool parse_listen(std::string_view text, std::string& host, int& port);

}  // namespace dateline::config
