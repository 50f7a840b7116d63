#include "domain/article.hpp"
#include "domain/site.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline::domain {

namespace {
ArticleDraft valid_draft() {
    ArticleDraft d;
    d.headline = "Port volumes rise";
    d.body_html = "<p>Text</p>";
    return d;
}
}  // namespace

TEST(ArticleRules, AcceptsAMinimalDraft) {
    EXPECT_TRUE(validate(valid_draft()).ok());
}

TEST(ArticleRules, RequiresAHeadline) {
    auto d = valid_draft();
    d.headline = "   ";
    const auto s = validate(d);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::Invalid);
    EXPECT_EQ(s.error().field, "headline");
}

TEST(ArticleRules, CountsCharactersNotBytes) {
    auto d = valid_draft();
    d.headline.clear();
    for (std::size_t i = 0; i < max_headline_chars; ++i) d.headline += "ع";  // 2 bytes each
    EXPECT_TRUE(validate(d).ok());
    d.headline += "ع";
    EXPECT_EQ(validate(d).error().field, "headline");
}

TEST(ArticleRules, RejectsInvalidUtf8) {
    auto d = valid_draft();
    d.dateline = "DUBAI \xFF";
    EXPECT_EQ(validate(d).error().field, "dateline");
}

TEST(ArticleRules, PublishedNeedsATime) {
    auto d = valid_draft();
    d.status = ArticleStatus::Published;
    EXPECT_FALSE(validate(d).ok());
    d.first_published_at = 1'700'000'000;
    EXPECT_TRUE(validate(d).ok());
}

TEST(ArticleRules, UpdatedOnlyWhenLaterByAMinute) {
    Article a;
    a.first_published_at = 1000;
    a.updated_at = 1030;
    EXPECT_FALSE(a.was_updated());
    a.updated_at = 1060;
    EXPECT_TRUE(a.was_updated());
}

TEST(SiteAddress, SplitsBaseUrls) {
    std::string origin, path;
    ASSERT_TRUE(split_base_url("http://LocalHost:8080/en/", origin, path));
    EXPECT_EQ(origin, "http://localhost:8080");
    EXPECT_EQ(path, "/en/");
    EXPECT_FALSE(split_base_url("ftp://example.com/", origin, path));
    EXPECT_FALSE(split_base_url("http://example.com/en", origin, path));
    EXPECT_FALSE(split_base_url("http://example.com/?q=1", origin, path));
    EXPECT_FALSE(split_base_url("http://user@example.com/", origin, path));
    EXPECT_FALSE(split_base_url("http://exa mple.com/", origin, path));
    EXPECT_FALSE(split_base_url("http:///en/", origin, path));
}

// Each thread keeps a few split base URLs: sites asked in turn, more of them than it keeps,
// and an address that is not a site's, each get their own answer every time.
TEST(SiteAddress, SitesAskedInTurnKeepTheirOwnOriginAndPrefix) {
    std::vector<Site> sites(11);
    for (std::size_t i = 0; i < sites.size(); ++i)
        sites[i].base_url =
            "https://site" + std::to_string(i) + ".example/p" + std::to_string(i) + "/";
    sites.back().base_url = "not an address";
    for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i + 1 < sites.size(); ++i) {
            EXPECT_EQ(sites[i].origin(), "https://site" + std::to_string(i) + ".example");
            EXPECT_EQ(sites.back().origin(), "");
            EXPECT_EQ(sites[i].path_prefix(), "/p" + std::to_string(i) + "/");
            EXPECT_EQ(sites.back().path_prefix(), "/");
        }
}

// The smaller copies of a picture: each width below its own, the thumbnail only once the
// picture's copies include it (pictures of earlier releases lack it until backfilled).
TEST(MediaVariants, ListTheCopiesThePictureHas) {
    const auto names = [](const std::vector<MediaVariant>& variants) {
        std::vector<std::string> out;
        for (const auto& v : variants) out.push_back(v.file_name + " " + std::to_string(v.width));
        return out;
    };
    EXPECT_EQ(names(media_variants("ab.jpg", 2000)),
              (std::vector<std::string>{"ab-w240.jpg 240", "ab-w480.jpg 480", "ab-w960.jpg 960"}));
    EXPECT_EQ(names(media_variants("ab.png", 960)),
              (std::vector<std::string>{"ab-w240.png 240", "ab-w480.png 480"}));
    EXPECT_EQ(names(media_variants("ab.jpg", 2000, media_copies_crops)),
              (std::vector<std::string>{"ab-w480.jpg 480", "ab-w960.jpg 960"}));
    EXPECT_TRUE(media_variants("ab.jpg", 240).empty());
    EXPECT_TRUE(media_variants("noextension", 2000).empty());
}

// A copy's WebP has the copy's name with the other ending; a page writes both in place.
TEST(MediaVariants, WebpCopiesAreNamedAfterTheirPicture) {
    EXPECT_EQ(webp_name("ab.jpg"), "ab.webp");
    EXPECT_EQ(webp_name("ab-w480.jpg"), "ab-w480.webp");
    EXPECT_EQ(webp_name("noextension"), "noextension.webp");
    std::string written = "/media/";
    append_media_name(written, "ab.jpg", 480, true);
    append_media_name(written, "ab.jpg", 960, false);
    append_media_name(written, "ab.jpg", 0, false);
    EXPECT_EQ(written, "/media/ab-w480.webpab-w960.jpgab.jpg");
}

// The crops of a picture: the largest box of each ratio it holds, at most 1200 pixels wide.
TEST(MediaCrops, TakeTheLargestBoxOfEachRatio) {
    const auto wide = media_crops("ab.jpg", 2000, 1125);
    ASSERT_EQ(wide.size(), 3u);
    EXPECT_EQ(wide[0].file_name, "ab-16x9.jpg");
    EXPECT_EQ(std::pair(wide[0].width, wide[0].height), std::pair(1200, 675));
    EXPECT_EQ(std::pair(wide[1].width, wide[1].height), std::pair(1200, 900));
    EXPECT_EQ(std::pair(wide[2].width, wide[2].height), std::pair(1125, 1125));
    EXPECT_EQ(wide[2].file_name, "ab-1x1.jpg");
    // A tall picture narrower than 1200: its full width, never enlarged.
    const auto tall = media_crops("cd.png", 600, 900);
    ASSERT_EQ(tall.size(), 3u);
    EXPECT_EQ(std::pair(tall[0].width, tall[0].height), std::pair(600, 337));
    EXPECT_EQ(std::pair(tall[1].width, tall[1].height), std::pair(600, 450));
    EXPECT_EQ(std::pair(tall[2].width, tall[2].height), std::pair(600, 600));
    EXPECT_EQ(tall[1].file_name, "cd-4x3.png");
    EXPECT_TRUE(media_crops("noextension", 100, 100).empty());
}

}  // namespace dateline::domain
