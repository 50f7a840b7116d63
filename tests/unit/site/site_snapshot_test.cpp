#include "site/site_snapshot.hpp"

#include <gtest/gtest.h>

namespace dateline::site {

namespace {

domain::Site site(domain::Id id, std::string slug, std::string base_url) {
    domain::Site s;
    s.id = id;
    s.slug = std::move(slug);
    s.base_url = std::move(base_url);
    s.language = "en";
    s.time_zone = "Asia/Dubai";
    return s;
}

domain::Section section(domain::Id id, domain::Id site_id, std::string slug) {
    domain::Section s;
    s.id = id;
    s.site_id = site_id;
    s.slug = std::move(slug);
    s.name = s.slug;
    return s;
}

http::Request request(std::string host, std::vector<std::string> segments) {
    http::Request r;
    r.host = std::move(host);
    r.target.segments = std::move(segments);
    return r;
}

// A site at the root listed before a site below it: the order the database may give.
std::shared_ptr<const SiteSnapshot> two_sites() {
    app::NetworkDirectory d;
    d.network.default_site_slug = "root";
    d.sites = {site(1, "root", "http://news.example/"), site(2, "en", "http://news.example/en/")};
    d.sections = {{section(10, 1, "local")}, {section(20, 2, "world")}};
    auto made = SiteSnapshot::make(std::move(d));
    EXPECT_TRUE(made.ok());
    return made.ok() ? *made : nullptr;
}

}  // namespace

TEST(SiteSnapshot, TheLongestPrefixWinsAndEachSiteKeepsItsSections) {
    const auto snap = two_sites();
    const auto en = match_site(*snap, request("news.example", {"en", "world", "story"}));
    ASSERT_TRUE(en.site);
    EXPECT_EQ(en.site->slug, "en");
    EXPECT_EQ(en.consumed, 1u);
    ASSERT_EQ(snap->directory.sections_of(*en.site).size(), 1u);
    EXPECT_EQ(snap->directory.sections_of(*en.site)[0].slug, "world");
    const auto root = match_site(*snap, request("news.example", {"local"}));
    ASSERT_TRUE(root.site);
    EXPECT_EQ(root.site->slug, "root");
    EXPECT_EQ(snap->directory.sections_of(*root.site)[0].slug, "local");
}

TEST(SiteSnapshot, HostsNoSiteHasAreMisdirectedButAddressesMatchOnThePath) {
    const auto snap = two_sites();
    EXPECT_TRUE(match_site(*snap, request("evil.example", {"en"})).misdirected);
    EXPECT_TRUE(match_site(*snap, request("news.example.evil", {})).misdirected);
    for (const char* direct : {"127.0.0.1:8080", "localhost", "[::1]:9000", ""}) {
        const auto m = match_site(*snap, request(direct, {"en", "world"}));
        ASSERT_TRUE(m.site) << direct;
        EXPECT_EQ(m.site->slug, "en") << direct;
    }
}

}  // namespace dateline::site
