#include "config/config.hpp"

#include "core/database_url.hpp"

#include "core/ip_address.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <functional>
#include <map>
#include <thread>
#include <vector>

namespace dateline::config {

namespace {

constexpr int max_threads = 256;
constexpr int max_pool = 512;
constexpr std::size_t max_body_limit = 64 * 1024 * 1024;
constexpr int max_timeout_seconds = 3600;
constexpr long long max_cache_mb = 65536;
constexpr long long max_kept_count = 1000000;

bool parse_int(std::string_view text, long long min, long long max, long long& out) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size() && out >= min && out <= max;
}

struct Option {
    const char* name;  // flag and TOML key
    const char* env;
    const char* expected;  // said in the error when a value is rejected
    std::function<bool(Config&, std::string_view)> apply;
};

std::vector<Option> options() {
    auto integer = [](long long min, long long max, auto setter) {
        return [=](Config& c, std::string_view v) {
            long long n = 0;
            if (!parse_int(v, min, max, n)) return false;
            setter(c, n);
            return true;
        };
    };
    return {
        {"listen", "DATELINE_LISTEN", "HOST:PORT, e.g. 127.0.0.1:8080",
         [](Config& c, std::string_view v) {
             return parse_listen(v, c.listen_host, c.listen_port);
         }},
        {"metrics_listen", "DATELINE_METRICS_LISTEN",
         "HOST:PORT for /metrics, e.g. 127.0.0.1:9464, or empty for none",
         [](Config& c, std::string_view v) {
             if (v.empty()) {
                 c.metrics_host.clear();
                 return true;
             }
             return parse_listen(v, c.metrics_host, c.metrics_port);
         }},
        {"threads", "DATELINE_THREADS", "a whole number from 0 (one per core) to 256",
         integer(0, max_threads, [](Config& c, long long n) { c.threads = int(n); })},
        {"db", "DATELINE_DB", "a database URL: sqlite:PATH or postgresql://...",
         [](Config& c, std::string_view v) {
             if (!parse_database_url(v)) return false;
             c.database_url = v;
             return true;
         }},
        {"db_pool", "DATELINE_DB_POOL", "a whole number from 0 (automatic) to 512",
         integer(0, max_pool, [](Config& c, long long n) { c.database_pool = int(n); })},
        {"theme", "DATELINE_THEME", "a theme folder",
         [](Config& c, std::string_view v) {
             if (v.empty()) return false;
             c.theme_dir = std::string(v);
             return true;
         }},
        {"max_body_bytes", "DATELINE_MAX_BODY_BYTES", "bytes, from 1024 to 67108864",
         integer(1024, max_body_limit,
                 [](Config& c, long long n) { c.max_body_bytes = std::size_t(n); })},
        {"read_timeout", "DATELINE_READ_TIMEOUT", "seconds, from 1 to 3600",
         integer(1, max_timeout_seconds,
                 [](Config& c, long long n) { c.read_timeout = std::chrono::seconds(n); })},
        {"page_cache_mb", "DATELINE_PAGE_CACHE_MB", "megabytes, from 0 (no cache) to 65536",
         integer(
             0, max_cache_mb,
             [](Config& c, long long n) { c.page_cache_bytes = std::size_t(n) * 1024 * 1024; })},
        {"page_cache_seconds", "DATELINE_PAGE_CACHE_SECONDS", "seconds, from 0 to 3600",
         integer(0, max_timeout_seconds,
                 [](Config& c, long long n) { c.page_cache_fresh = std::chrono::seconds(n); })},
        {"story_cards", "DATELINE_STORY_CARDS", "a whole number from 0 (none kept) to 1000000",
         integer(0, max_kept_count,
                 [](Config& c, long long n) { c.story_cards = std::size_t(n); })},
        {"kept_stories", "DATELINE_KEPT_STORIES", "a whole number from 0 (none kept) to 1000000",
         integer(0, max_kept_count,
                 [](Config& c, long long n) { c.kept_stories = std::size_t(n); })},
        {"most_read_seconds", "DATELINE_MOST_READ_SECONDS",
         "seconds, from 0 (reads not counted) to 3600",
         integer(0, max_timeout_seconds,
                 [](Config& c, long long n) { c.most_read_interval = std::chrono::seconds(n); })},
        {"log_level", "DATELINE_LOG_LEVEL", "one of debug, info, warn, error",
         [](Config& c, std::string_view v) {
             if (v != "debug" && v != "info" && v != "warn" && v != "error") return false;
             c.log_level = v;
             return true;
         }},
        {"log_format", "DATELINE_LOG_FORMAT", "text or json",
         [](Config& c, std::string_view v) {
             if (v != "text" && v != "json") return false;
             c.log_format = v;
             return true;
         }},
        {"log_addresses", "DATELINE_LOG_ADDRESSES", "network, full or none",
         [](Config& c, std::string_view v) {
             if (v != "network" && v != "full" && v != "none") return false;
             c.log_addresses = v;
             return true;
         }},
        {"comment_check_difficulty", "DATELINE_COMMENT_CHECK_DIFFICULTY",
         "a whole number from 1 to 1000000",
         integer(1, 1000000, [](Config& c, long long n) { c.comment_check_difficulty = int(n); })},
        {"comment_min_fill_seconds", "DATELINE_COMMENT_MIN_FILL_SECONDS", "seconds, from 0 to 600",
         integer(0, 600, [](Config& c, long long n) { c.comment_min_fill_seconds = int(n); })},
        {"comment_address_limit", "DATELINE_COMMENT_ADDRESS_LIMIT",
         "submissions per ten minutes, from 1 to 100000",
         integer(1, 100000, [](Config& c, long long n) { c.comment_address_limit = int(n); })},
        {"comment_subnet_limit", "DATELINE_COMMENT_SUBNET_LIMIT",
         "submissions per ten minutes, from 1 to 1000000",
         integer(1, 1000000, [](Config& c, long long n) { c.comment_subnet_limit = int(n); })},
        {"comment_check_limit", "DATELINE_COMMENT_CHECK_LIMIT",
         "challenges per ten minutes, from 1 to 1000000",
         integer(1, 1000000, [](Config& c, long long n) { c.comment_check_limit = int(n); })},
        {"comment_check_subnet_limit", "DATELINE_COMMENT_CHECK_SUBNET_LIMIT",
         "challenges per ten minutes, from 1 to 1000000",
         integer(1, 1000000,
                 [](Config& c, long long n) { c.comment_check_subnet_limit = int(n); })},
        {"max_connections", "DATELINE_MAX_CONNECTIONS", "a whole number from 16 to 1000000",
         integer(16, 1000000, [](Config& c, long long n) { c.max_connections = int(n); })},
        {"max_connections_per_address", "DATELINE_MAX_CONNECTIONS_PER_ADDRESS",
         "a whole number from 1 to 1000000",
         integer(1, 1000000,
                 [](Config& c, long long n) { c.max_connections_per_address = int(n); })},
        {"max_connections_per_network", "DATELINE_MAX_CONNECTIONS_PER_NETWORK",
         "a whole number from 1 to 1000000",
         integer(1, 1000000,
                 [](Config& c, long long n) { c.max_connections_per_network = int(n); })},
        {"trusted_proxies", "DATELINE_TRUSTED_PROXIES",
         "IP addresses separated by commas, e.g. 127.0.0.1,10.0.0.2",
         [](Config& c, std::string_view v) {
             std::vector<std::string> out;
             while (!v.empty()) {
                 const auto comma = v.find(',');
                 std::string_view item = v.substr(0, comma);
                 v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
                 item.remove_prefix(std::min(item.find_first_not_of(' '), item.size()));
                 item = item.substr(0, item.find_last_not_of(' ') + 1);
                 auto address = canonical_ip(item);
                 if (!address) return false;
                 out.push_back(std::move(*address));
             }
             c.trusted_proxies = std::move(out);
             return true;
         }},
        {"wire_allow_private_addresses", "DATELINE_WIRE_ALLOW_PRIVATE_ADDRESSES", "true or false",
         [](Config& c, std::string_view v) {
             if (v != "true" && v != "false") return false;
             c.wire_allow_private_addresses = v == "true";
             return true;
         }},
        {"import_roots", "DATELINE_IMPORT_ROOTS",
         "absolute folder paths separated by ':', e.g. /srv/wire/photos:/mnt/agency",
         [](Config& c, std::string_view v) {
             std::vector<std::filesystem::path> out;
             while (!v.empty()) {
                 const auto colon = v.find(list_separator);
                 const std::filesystem::path folder(v.substr(0, colon));
                 v = colon == std::string_view::npos ? std::string_view() : v.substr(colon + 1);
                 // A relative root would depend on where the command happens to run.
                 if (!folder.is_absolute()) return false;
                 auto normal = folder.lexically_normal();
                 if (!normal.has_filename() && normal != normal.root_path())
                     normal = normal.parent_path();  // "/srv/photos/" is "/srv/photos"
                 out.push_back(std::move(normal));
             }
             c.import_roots = std::move(out);
             return true;
         }},
    };
}

Error rejected(const std::string& source, const Option& o, std::string_view value) {
    return Error::invalid(source + ": '" + std::string(value) + "' is not a valid value for " +
                              o.name + " (expected " + o.expected + ").",
                          o.name);
}

}  // namespace

bool parse_listen(std::string_view text, std::string& host, int& port) {
    std::size_t colon;
    std::string_view h;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return false;
        h = text.substr(1, close - 1);
        colon = close + 1;
    } else {
        colon = text.rfind(':');
        if (colon == std::string_view::npos) return false;
        h = text.substr(0, colon);
    }
    long long p = 0;
    if (h.empty() || !parse_int(text.substr(colon + 1), 0, 65535, p)) return false;
    host = h == "localhost" ? "127.0.0.1" : std::string(h);
    port = int(p);
    return true;
}

namespace {

// Each option's effective value as text, as the file would give it: what `dateline config`
// prints.
std::map<std::string_view, std::string> shown_values(const Config& c) {
    const auto listen = [](const std::string& host, int port) {
        if (host.empty()) return std::string();
        return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
               std::to_string(port);
    };
    const auto joined = [](const auto& items, char separator) {
        std::string out;
        for (const auto& item : items)
            out += (out.empty() ? "" : std::string(1, separator)) + std::string(item);
        return out;
    };
    std::vector<std::string> roots;
    for (const auto& r : c.import_roots) roots.push_back(r.string());
    return {
        {"listen", listen(c.listen_host, c.listen_port)},
        {"metrics_listen", listen(c.metrics_host, c.metrics_port)},
        {"threads", std::to_string(c.threads)},
        {"db", c.database_url},
        {"db_pool", std::to_string(c.database_pool)},
        {"theme", c.theme_dir.string()},
        {"max_body_bytes", std::to_string(c.max_body_bytes)},
        {"read_timeout", std::to_string(c.read_timeout.count())},
        {"page_cache_mb", std::to_string(c.page_cache_bytes / (1024 * 1024))},
        {"page_cache_seconds", std::to_string(c.page_cache_fresh.count())},
        {"story_cards", std::to_string(c.story_cards)},
        {"kept_stories", std::to_string(c.kept_stories)},
        {"most_read_seconds", std::to_string(c.most_read_interval.count())},
        {"log_level", c.log_level},
        {"log_format", c.log_format},
        {"log_addresses", c.log_addresses},
        {"comment_check_difficulty", std::to_string(c.comment_check_difficulty)},
        {"comment_min_fill_seconds", std::to_string(c.comment_min_fill_seconds)},
        {"comment_address_limit", std::to_string(c.comment_address_limit)},
        {"comment_subnet_limit", std::to_string(c.comment_subnet_limit)},
        {"comment_check_limit", std::to_string(c.comment_check_limit)},
        {"comment_check_subnet_limit", std::to_string(c.comment_check_subnet_limit)},
        {"max_connections", std::to_string(c.max_connections)},
        {"max_connections_per_address", std::to_string(c.max_connections_per_address)},
        {"max_connections_per_network", std::to_string(c.max_connections_per_network)},
        {"trusted_proxies", joined(c.trusted_proxies, ',')},
        {"wire_allow_private_addresses",
         std::string(c.wire_allow_private_addresses ? "true" : "false")},
        {"import_roots", joined(roots, list_separator)},
    };
}

Result<Config> load_tracked(const std::filesystem::path& data_dir, const Overrides& flags,
                            const std::filesystem::path& default_theme_dir,
                            std::map<std::string, std::string>* sources,
                            std::filesystem::path* file_read) {
    Config c;
    c.data_dir = data_dir;
    c.database_url = DatabaseUrl::sqlite((data_dir / "dateline.db").string()).text;
    c.theme_dir = default_theme_dir;
    c.media_dir = data_dir / "media";
    c.wire_dir = data_dir / "wire";
    const auto all = options();

    // The file named by --config or DATELINE_CONFIG must exist; the data directory's may not.
    std::filesystem::path file = data_dir / "dateline.toml";
    bool named = true;
    const char* named_by_environment = std::getenv(config_file_env);
    if (const auto flag = flags.find(config_file_option); flag != flags.end())
        file = flag->second;
    else if (named_by_environment && *named_by_environment)
        file = named_by_environment;
    else
        named = false;
    std::error_code ec;
    if (named && !std::filesystem::is_regular_file(file, ec))
        return Error::invalid("The configuration file " + file.string() +
                              " does not exist or is not a file.");
    if (std::filesystem::exists(file, ec)) {
        toml::table table;
        try {
            table = toml::parse_file(file.string());
        } catch (const toml::parse_error& e) {
            return Error::invalid(file.string() + ": " + std::string(e.description()) + " (line " +
                                  std::to_string(e.source().begin.line) + ")");
        }
        for (const auto& [key, node] : table) {
            const Option* option = nullptr;
            for (const auto& o : all)
                if (key.str() == o.name) option = &o;
            if (!option)
                return Error::invalid(file.string() + ": unknown option '" +
                                      std::string(key.str()) + "'.");
            std::string value;
            if (auto s = node.value<std::string>()) {
                value = *s;
            } else if (node.is_boolean()) {
                value = *node.value<bool>() ? "true" : "false";
            } else if (auto n = node.value<long long>()) {
                value = std::to_string(*n);
            } else if (const auto* list = node.as_array()) {
                // An array of strings is a list option's items, e.g. import_roots = ["/a", "/b"].
                for (const auto& item : *list) {
                    auto text = item.value<std::string>();
                    if (!text || text->empty() || text->find(list_separator) != std::string::npos)
                        return rejected(file.string(), *option, text.value_or("?"));
                    value += (value.empty() ? "" : std::string(1, list_separator)) + *text;
                }
            }
            if (!option->apply(c, value)) return rejected(file.string(), *option, value);
            if (sources) (*sources)[option->name] = "file " + file.string();
        }
        if (file_read) *file_read = file;
    }
    for (const auto& o : all)
        if (const char* v = std::getenv(o.env); v && *v) {
            if (!o.apply(c, v)) return rejected(std::string("environment variable ") + o.env, o, v);
            if (sources) (*sources)[o.name] = std::string("environment ") + o.env;
        }
    for (const auto& [name, value] : flags) {
        if (name == config_file_option) continue;
        const Option* option = nullptr;
        for (const auto& o : all)
            if (name == o.name) option = &o;
        // The flag as typed: "metrics_listen" is --metrics-listen.
        std::string flag = "--" + name;
        std::replace(flag.begin(), flag.end(), '_', '-');
        if (!option) return Error::invalid("unknown option " + flag);
        if (!option->apply(c, value)) return rejected(flag, *option, value);
        if (sources) (*sources)[option->name] = "flag " + flag;
    }
    if (c.database_pool == 0) {
        // One for each thread that renders pages (one per core, or per I/O thread if more) and
        // one for each of the two that change things, so that none waits for a connection.
        const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        c.database_pool = std::max(c.threads, cores) + 2;
    }
    return c;
}

}  // namespace

Result<Config> load(const std::filesystem::path& data_dir, const Overrides& flags,
                    const std::filesystem::path& default_theme_dir) {
    return load_tracked(data_dir, flags, default_theme_dir, nullptr, nullptr);
}

std::string masked_database_url(std::string_view url) {
    std::string out(url);
    // postgresql://user:password@host/...: the password.
    const auto scheme = out.find("://");
    const auto at = out.find('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
        const auto colon = out.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at)
            out.replace(colon + 1, at - colon - 1, "********");
    }
    // ...?password=secret&...: the value.
    for (std::size_t at_key = out.find("password="); at_key != std::string::npos;
         at_key = out.find("password=", at_key + 1)) {
        const auto begin = at_key + std::string_view("password=").size();
        const auto end = out.find('&', begin);
        out.replace(begin, (end == std::string::npos ? out.size() : end) - begin, "********");
    }
    return out;
}

Result<Described> describe(const std::filesystem::path& data_dir, const Overrides& flags,
                           const std::filesystem::path& default_theme_dir) {
    std::map<std::string, std::string> sources;
    Described out;
    auto config = load_tracked(data_dir, flags, default_theme_dir, &sources, &out.file);
    if (!config) return config.error();
    auto values = shown_values(*config);
    for (const auto& o : options()) {
        Setting setting{o.name, std::move(values[o.name]), "default"};
        if (const auto found = sources.find(o.name); found != sources.end())
            setting.source = found->second;
        if (setting.name == "db") setting.value = masked_database_url(setting.value);
        out.settings.push_back(std::move(setting));
    }
    return out;
}

}  // namespace dateline::config
