#include "http/browser_state.hpp"

#include <gtest/gtest.h>

namespace dateline::http {

namespace {

Request with(std::vector<std::pair<std::string, std::string>> headers, std::string host = "") {
    Request r;
    r.headers = std::move(headers);
    r.host = std::move(host);
    return r;
}

}  // namespace

TEST(Cookies, TheNamedCookieIsFoundAmongOthersByItsWholeName) {
    const auto r =
        with({{"cookie", "dateline_session_old=1; dateline_session=abc ; theme=\"dark\""}});
    EXPECT_EQ(cookie(r, "dateline_session"), "abc");
    EXPECT_EQ(cookie(r, "dateline_session_old"), "1");
    EXPECT_EQ(cookie(r, "theme"), "dark");  // quotes are not part of the value
    EXPECT_EQ(cookie(r, "session"), std::nullopt);
    EXPECT_EQ(cookie(with({}), "dateline_session"), std::nullopt);
    EXPECT_EQ(cookie(with({{"cookie", "novalue; =x; a=1"}}), "novalue"), std::nullopt);
    EXPECT_EQ(cookie(with({{"cookie", "a=1; a=2"}}), "a"), "1");  // the first, as RFC 6265 orders
}

TEST(Cookies, SetCookieIsStrictByDefault) {
    EXPECT_EQ(set_cookie("s", "v", {}), "s=v; Path=/; HttpOnly; SameSite=Strict");
    CookieOptions o;
    o.path = "/newsroom";
    o.max_age_seconds = 60;
    o.secure = true;
    EXPECT_EQ(set_cookie("s", "v", o),
              "s=v; Path=/newsroom; Max-Age=60; Secure; HttpOnly; SameSite=Strict");
    EXPECT_EQ(expired_cookie("s", o),
              "s=; Path=/newsroom; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

TEST(CrossSite, TheBrowsersFetchMetadataDecidesWhenSent) {
    EXPECT_FALSE(cross_site(with({{"sec-fetch-site", "same-origin"}}), ""));
    EXPECT_FALSE(cross_site(with({{"sec-fetch-site", "none"}}), ""));
    EXPECT_TRUE(cross_site(with({{"sec-fetch-site", "same-site"}}), ""));
    EXPECT_TRUE(cross_site(
        with({{"sec-fetch-site", "cross-site"}, {"origin", "http://a.example"}}, "a.example"), ""));
}

TEST(CrossSite, ElseTheOriginMustBeOurs) {
    EXPECT_FALSE(cross_site(with({{"origin", "http://News.Example"}}, "news.example"), ""));
    EXPECT_FALSE(cross_site(with({{"origin", "https://news.example"}}, "10.0.0.5:8080"),
                            "https://news.example"));
    EXPECT_TRUE(cross_site(with({{"origin", "https://attacker.example"}}, "news.example"), ""));
    EXPECT_TRUE(cross_site(with({{"origin", "null"}}, "news.example"), ""));
    EXPECT_FALSE(cross_site(with({}, "news.example"), ""));  // not a browser: forms carry tokens
}

TEST(FormEncoded, TheTypeInAnyCaseWithParameters) {
    EXPECT_TRUE(form_encoded(with({{"content-type", "application/x-www-form-urlencoded"}})));
    EXPECT_TRUE(
        form_encoded(with({{"content-type", "Application/X-WWW-Form-URLEncoded; charset=UTF-8"}})));
    EXPECT_FALSE(form_encoded(with({{"content-type", "application/x-www-form-urlencodedX"}})));
    EXPECT_FALSE(form_encoded(with({{"content-type", "multipart/form-data"}})));
    EXPECT_FALSE(form_encoded(with({})));
}

}  // namespace dateline::http
