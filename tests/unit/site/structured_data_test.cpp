// JSON-LD that says what the story says and cannot end the script element it sits in, whatever
// its text. The fields a search engine reads are checked against a served page in
// tests/http/discovery.test.mjs.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <random>

#include "site/structured_data.hpp"

namespace dateline::site {
namespace {

NewsArticleData hostile_story() {
    NewsArticleData a;
    a.url = "https://news.example/en/region/ferry";
    a.headline = "Ferries resume </script><script>alert(1)</script> & <!-- more";
    a.description = "Line\u2028separator and \u2029paragraph separator";
    a.date_published = "2026-11-28T14:05:00+04:00";
    a.date_modified = "2026-11-28T15:00:00+04:00";
    a.language = "en";
    a.publisher = {"Harbour & Coast", "https://news.example/en/", "", 0, 0};
    return a;
}

TEST(StructuredData, NothingInTheTextCanEndItsScriptElement) {
    const std::string json = news_article_json_ld(hostile_story());
    for (const char* never : {"<", ">", "&", "\u2028", "\u2029"})
        EXPECT_EQ(json.find(never), std::string::npos) << never << " in " << json;
    // Read back, the text is the story's own.
    const auto o = boost::json::parse(json).as_object();
    EXPECT_EQ(o.at("headline").as_string(), hostile_story().headline);
    EXPECT_EQ(o.at("description").as_string(), hostile_story().description);
    EXPECT_EQ(o.at("publisher").at("name").as_string(), "Harbour & Coast");
}

// Whatever text a headline, a byline or a keyword holds (control characters, quotes, Arabic,
// the line separators, characters outside the BMP), the JSON reads back as exactly that text.
TEST(StructuredData, AnyTextReadsBackAsItWasWritten) {
    std::mt19937 random(20261202);
    for (int i = 0; i < 300; ++i) {
        static const std::vector<std::string> wide = {"\u0628", "\u062e", "\u00e9",
                                                      "\u2028", "\u2029", "\U0001F4F0"};
        std::string text;
        for (auto n = random() % 40; n > 0; --n) {
            const auto pick = random() % 160;
            if (pick < 128)
                text += static_cast<char>(pick);
            else
                text += wide[pick % wide.size()];
        }
        NewsArticleData a = hostile_story();
        a.headline = text;
        a.authors = {{text, "https://news.example/" + text}};
        a.keywords = {text, "second"};
        const std::string json = news_article_json_ld(a);
        boost::system::error_code ec;
        const auto parsed = boost::json::parse(json, ec);
        ASSERT_FALSE(ec) << json;
        const auto& o = parsed.as_object();
        EXPECT_EQ(o.at("headline").as_string(), text);
        EXPECT_EQ(o.at("author").at(0).at("name").as_string(), text);
        EXPECT_EQ(o.at("keywords").at(0).as_string(), text);
        EXPECT_EQ(o.at("keywords").at(1).as_string(), "second");
        EXPECT_EQ(json.find('<'), std::string::npos);
    }
}

TEST(StructuredData, AStoryWithoutABylineIsThePublishers) {
    const auto o = boost::json::parse(news_article_json_ld(hostile_story())).as_object();
    const auto& authors = o.at("author").as_array();
    ASSERT_EQ(authors.size(), 1u);
    EXPECT_EQ(authors[0].at("@type").as_string(), "NewsMediaOrganization");
    EXPECT_FALSE(o.contains("image")) << "no picture, no image";
    EXPECT_FALSE(o.at("publisher").as_object().contains("logo")) << "no logo, none named";
    EXPECT_TRUE(o.at("isAccessibleForFree").as_bool());
}

TEST(StructuredData, ABylineNamesPeopleAndAnAddressOnlyWhenThereIsOne) {
    NewsArticleData a = hostile_story();
    a.authors = {{"Layla Haddad", ""}, {"Omar Khalil", "https://news.example/en/authors/omar/"}};
    a.publisher.logo_url = "https://news.example/assets/img/logo.png";
    a.publisher.logo_width = a.publisher.logo_height = 512;
    const auto o = boost::json::parse(news_article_json_ld(a)).as_object();
    const auto& authors = o.at("author").as_array();
    ASSERT_EQ(authors.size(), 2u);
    EXPECT_EQ(authors[0].at("name").as_string(), "Layla Haddad");
    EXPECT_FALSE(authors[0].as_object().contains("url"));
    EXPECT_EQ(authors[1].at("url").as_string(), "https://news.example/en/authors/omar/");
    EXPECT_EQ(o.at("publisher").at("logo").at("width").as_int64(), 512);
}

TEST(StructuredData, ABreadcrumbCountsFromOne) {
    const auto o = boost::json::parse(breadcrumb_json_ld({{"Home", "https://n.example/"},
                                                          {"World", "https://n.example/world/"}}))
                       .as_object();
    const auto& items = o.at("itemListElement").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].at("position").as_int64(), 1);
    EXPECT_EQ(items[1].at("name").as_string(), "World");
    EXPECT_EQ(items[1].at("item").as_string(), "https://n.example/world/");
}

}  // namespace
}  // namespace dateline::site
