#include "config/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <thread>

#include "../support_fixed_clock.hpp"

namespace dateline::config {

TEST(Config, DefaultsUnderTheDataDirectory) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    const auto c = load(dir, {}, "/themes/default");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->database_url, "sqlite:" + (dir / "dateline.db").string());
    EXPECT_EQ(c->media_dir, dir / "media");
    EXPECT_EQ(c->wire_dir, dir / "wire");
    EXPECT_EQ(c->listen_port, 8080);
    EXPECT_EQ(c->theme_dir, "/themes/default");
    EXPECT_TRUE(c->metrics_host.empty()) << "no /metrics unless configured";
}

TEST(Config, MetricsAreServedOnlyWhereConfigured) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    std::ofstream(dir / "dateline.toml") << "metrics_listen = \"127.0.0.1:9464\"\n";
    auto c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->metrics_host, "127.0.0.1");
    EXPECT_EQ(c->metrics_port, 9464);
    c = load(dir, {{"metrics_listen", ""}}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_TRUE(c->metrics_host.empty()) << "an empty value turns it off again";
    c = load(dir, {{"metrics_listen", "9464"}}, "/t");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("--metrics-listen"), std::string::npos) << c.error().message;
}

TEST(Config, FileThenEnvironmentThenFlags) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    std::ofstream(dir / "dateline.toml") << "listen = \"0.0.0.0:9000\"\nthreads = 3\n";
    auto c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->listen_host, "0.0.0.0");
    EXPECT_EQ(c->listen_port, 9000);
    EXPECT_EQ(c->threads, 3);
    ::setenv("DATELINE_THREADS", "5", 1);
    c = load(dir, {}, "/t");
    EXPECT_EQ(c->threads, 5);
    c = load(dir, {{"threads", "7"}}, "/t");
    EXPECT_EQ(c->threads, 7);
    ::unsetenv("DATELINE_THREADS");
}

// An installed service reads /etc/dateline/dateline.toml, named by its unit's environment; a
// flag names another; either replaces the data directory's file, and must exist.
TEST(Config, AConfigurationFileNamedInsteadOfTheDataDirectorys) {
    const testing_support::TempDir temp;  // removed when the test ends
    struct Unset {                        // also when an assertion ends the test early
        ~Unset() { ::unsetenv(config_file_env); }
    } unset;
    const auto& dir = temp.path();
    std::ofstream(dir / "dateline.toml") << "threads = 3\nlisten = \"0.0.0.0:9000\"\n";
    std::ofstream(dir / "etc.toml") << "threads = 4\n";
    std::ofstream(dir / "flag.toml") << "threads = 6\n";
    ::setenv(config_file_env, (dir / "etc.toml").c_str(), 1);
    auto c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->threads, 4);
    EXPECT_EQ(c->listen_port, 8080) << "the data directory's file is not read as well";
    c = load(dir, {{config_file_option, (dir / "flag.toml").string()}}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->threads, 6);
    ::setenv(config_file_env, (dir / "missing.toml").c_str(), 1);
    c = load(dir, {}, "/t");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("missing.toml does not exist"), std::string::npos)
        << c.error().message;
    ::unsetenv(config_file_env);
    c = load(dir, {{config_file_option, dir.string()}}, "/t");
    ASSERT_FALSE(c.ok()) << "a folder is not a configuration file";
}

// `dateline config`: every option's value and where it came from, the database's password
// masked.
TEST(Config, DescribesEachSettingAndWhereItCameFrom) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    std::ofstream(dir / "dateline.toml")
        << "threads = 3\ndb = \"postgresql://dateline:s3cret@db.example/news?sslmode=require\"\n";
    ::setenv("DATELINE_LOG_LEVEL", "warn", 1);
    auto d = describe(dir, {{"listen", "0.0.0.0:9000"}}, "/t");
    ::unsetenv("DATELINE_LOG_LEVEL");
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->file, dir / "dateline.toml");
    std::map<std::string, Setting> by_name;
    for (const auto& s : d->settings) by_name[s.name] = s;
    EXPECT_EQ(by_name["threads"].value, "3");
    EXPECT_EQ(by_name["threads"].source, "file " + (dir / "dateline.toml").string());
    EXPECT_EQ(by_name["log_level"].value, "warn");
    EXPECT_EQ(by_name["log_level"].source, "environment DATELINE_LOG_LEVEL");
    EXPECT_EQ(by_name["listen"].value, "0.0.0.0:9000");
    EXPECT_EQ(by_name["listen"].source, "flag --listen");
    EXPECT_EQ(by_name["page_cache_mb"].value, "32");
    EXPECT_EQ(by_name["page_cache_mb"].source, "default");
    const auto cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    EXPECT_EQ(by_name["db_pool"].value, std::to_string(std::max(3, cores) + 2))
        << "the pool the threads imply";
    EXPECT_EQ(by_name["db"].value,
              "postgresql://dateline:********@db.example/news?sslmode=require");
    for (const auto& s : d->settings) EXPECT_FALSE(s.source.empty()) << s.name;
    EXPECT_EQ(masked_database_url("postgresql://u@h/d?password=abc&sslmode=require"),
              "postgresql://u@h/d?password=********&sslmode=require");
    EXPECT_EQ(masked_database_url("sqlite:/var/lib/dateline/dateline.db"),
              "sqlite:/var/lib/dateline/dateline.db");
}

// What `dateline config` prints loads back to the same settings: each value is written as the
// option reads it.
TEST(Config, EveryDescribedValueLoadsBackAsItself) {
    const testing_support::TempDir temp;  // removed when the test ends
    const Overrides unusual = {{"metrics_listen", "[::1]:9464"},
                               {"trusted_proxies", "10.0.0.1, ::1"},
                               {"import_roots", "/srv/photos/:/mnt/agency"},
                               {"wire_allow_private_addresses", "true"},
                               {"page_cache_mb", "128"},
                               {"story_cards", "0"},
                               {"kept_stories", "12"},
                               {"log_format", "json"}};
    auto first = describe(temp.path(), unusual, "/t");
    ASSERT_TRUE(first.ok()) << first.error().message;
    Overrides again;
    for (const auto& s : first->settings) again[s.name] = s.value;
    auto second = describe(temp.path(), again, "/t");
    ASSERT_TRUE(second.ok()) << second.error().message;
    ASSERT_EQ(first->settings.size(), second->settings.size());
    for (std::size_t i = 0; i < first->settings.size(); ++i) {
        EXPECT_FALSE(first->settings[i].value.empty() &&
                     first->settings[i].name != "metrics_listen" &&
                     first->settings[i].name != "trusted_proxies" &&
                     first->settings[i].name != "import_roots")
            << first->settings[i].name << " has no value";
        EXPECT_EQ(first->settings[i].value, second->settings[i].value) << first->settings[i].name;
    }
    std::map<std::string, std::string> values;
    for (const auto& s : first->settings) values[s.name] = s.value;
    EXPECT_EQ(values["metrics_listen"], "[::1]:9464");
    EXPECT_EQ(values["trusted_proxies"], "10.0.0.1,::1");
    EXPECT_EQ(values["import_roots"], "/srv/photos:/mnt/agency");
}

TEST(Config, RejectsBadValuesNamingTheSource) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    auto c = load(dir, {{"listen", "nonsense"}}, "/t");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("--listen"), std::string::npos);
    EXPECT_NE(c.error().message.find("HOST:PORT"), std::string::npos);
    std::ofstream(dir / "dateline.toml") << "threads = 9999\n";
    c = load(dir, {}, "/t");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("dateline.toml"), std::string::npos);
    std::ofstream(dir / "dateline.toml") << "colour = \"blue\"\n";
    c = load(dir, {}, "/t");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("unknown option 'colour'"), std::string::npos);
    std::ofstream(dir / "dateline.toml") << "listen = \n";
    EXPECT_FALSE(load(dir, {}, "/t").ok());
}

TEST(Config, CommentGuardsAndTrustedProxies) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    auto c = load(dir, {}, "/t");
    EXPECT_EQ(c->comment_check_difficulty, 2000);
    EXPECT_EQ(c->comment_min_fill_seconds, 3);
    EXPECT_TRUE(c->trusted_proxies.empty());
    std::ofstream(dir / "dateline.toml")
        << "comment_check_difficulty = 50\ncomment_address_limit = 4\n"
           "trusted_proxies = \"127.0.0.1, ::1\"\n";
    c = load(dir, {{"comment_subnet_limit", "99"}}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->comment_check_difficulty, 50);
    EXPECT_EQ(c->comment_address_limit, 4);
    EXPECT_EQ(c->comment_subnet_limit, 99);
    EXPECT_EQ(c->trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
    // Addresses are kept in their canonical form, so that any spelling matches.
    c = load(dir, {{"trusted_proxies", "::ffff:10.0.0.2,2001:DB8:0:0::1"}}, "/t");
    EXPECT_EQ(c->trusted_proxies, (std::vector<std::string>{"10.0.0.2", "2001:db8::1"}));
    for (const char* bad : {"proxy.example", "1.2.3", "10.0.0.2:8080", "10.0.0.0/8"})
        EXPECT_FALSE(load(dir, {{"trusted_proxies", bad}}, "/t").ok()) << bad;
    EXPECT_FALSE(load(dir, {{"comment_check_difficulty", "0"}}, "/t").ok());
}

TEST(Config, ImportRoots) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    auto c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok());
    EXPECT_TRUE(c->import_roots.empty()) << "none by default";
    std::ofstream(dir / "dateline.toml")
        << "import_roots = [\"/srv/wire/photos\", \"/mnt/agency/\"]\n";
    c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->import_roots,
              (std::vector<std::filesystem::path>{"/srv/wire/photos", "/mnt/agency"}));
    c = load(dir, {{"import_roots", "/a:/b/../c"}}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->import_roots, (std::vector<std::filesystem::path>{"/a", "/c"}));
    for (const char* bad : {"relative/photos", "/a::/b", "/a:b"}) {
        auto refused = load(dir, {{"import_roots", bad}}, "/t");
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.error().field, "import_roots");
    }
    std::ofstream(dir / "dateline.toml") << "import_roots = [\"photos\"]\n";
    EXPECT_FALSE(load(dir, {}, "/t").ok()) << "relative in the file";
}

TEST(Config, PrivateAddressesAreFetchedOnlyWhenAllowed) {
    const testing_support::TempDir temp;  // removed when the test ends
    const auto& dir = temp.path();
    auto c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok());
    EXPECT_FALSE(c->wire_allow_private_addresses) << "refused by default";
    std::ofstream(dir / "dateline.toml") << "wire_allow_private_addresses = true\n";
    c = load(dir, {}, "/t");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_TRUE(c->wire_allow_private_addresses) << "a TOML boolean";
    c = load(dir, {{"wire_allow_private_addresses", "false"}}, "/t");
    ASSERT_TRUE(c.ok());
    EXPECT_FALSE(c->wire_allow_private_addresses);
    const auto refused = load(dir, {{"wire_allow_private_addresses", "yes"}}, "/t");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "wire_allow_private_addresses");
}

TEST(Config, ParsesListenAddresses) {
    std::string host;
    int port = 0;
    EXPECT_TRUE(parse_listen("[::1]:8081", host, port));
    EXPECT_EQ(host, "::1");
    EXPECT_EQ(port, 8081);
    EXPECT_TRUE(parse_listen("localhost:0", host, port));
    EXPECT_EQ(host, "127.0.0.1");
    EXPECT_FALSE(parse_listen("127.0.0.1:70000", host, port));
    EXPECT_FALSE(parse_listen(":80", host, port));
    EXPECT_FALSE(parse_listen("127.0.0.1", host, port));
}

}  // namespace dateline::config
