#include "ingest/ninjs.hpp"

#include <gtest/gtest.h>

namespace dateline::ingest {

TEST(Ninjs, ReadsA2xItem) {
    const auto item = parse_ninjs(R"({
        "uri": "urn:example:wire:1", "type": "text", "version": "1",
        "headline": "Harbour reopens", "description_text": "A short summary.",
        "body_html": "<p>Body</p>", "byline": "By Rana Idris", "located": "MUSCAT",
        "infosources": [{"name": "Gulf Wire Service", "role": "source"}],
        "subject": [{"name": "Shipping", "code": "x"}], "keywords": ["Ports", "Shipping"],
        "firstcreated": "2026-11-20T08:00:00Z", "versioncreated": "2026-11-20T09:30:00+01:00",
        "associations": {"featureimage": {"type": "picture", "description_text": "The quay.",
            "byline": "Photo desk", "renditions": {
                "thumb": {"href": "thumb.jpg", "width": 100},
                "original": {"href": "pics/big.jpg", "width": 1600, "mimetype": "image/jpeg"}}}}
    })",
                                  "/wire/in");
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->guid, "urn:example:wire:1");
    EXPECT_EQ(item->headline, "Harbour reopens");
    EXPECT_EQ(item->standfirst, "A short summary.");
    EXPECT_EQ(item->byline, "By Rana Idris");
    EXPECT_EQ(item->dateline, "MUSCAT");
    EXPECT_EQ(item->source_credit, "Gulf Wire Service");
    EXPECT_EQ(item->tags, (std::vector<std::string>{"Shipping", "Ports"}));
    EXPECT_EQ(format_utc_iso8601(*item->first_created), "2026-11-20T08:00:00Z");
    EXPECT_EQ(format_utc_iso8601(*item->version_created), "2026-11-20T08:30:00Z");
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, "/wire/in/pics/big.jpg");
    EXPECT_EQ(item->image->caption, "The quay.");
    EXPECT_EQ(item->image->credit, "Photo desk");
}

TEST(Ninjs, ReadsA3xItem) {
    const auto item = parse_ninjs(R"({
        "uri": "urn:example:wire:2",
        "headlines": [{"role": "short", "value": "Short"}, {"role": "main", "value": "Main headline"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "First para.\n\nSecond para."}],
        "by": "Omar Said", "located": "Doha",
        "copyrightholder": {"name": "Levant Press Agency"},
        "subjects": [{"name": "Energy", "uri": "x"}],
        "associations": [{"name": "featureimage", "type": "picture",
            "renditions": [{"name": "web", "href": "file:///data/pic%20one.jpg", "width": 800}]}]
    })",
                                  "/ignored");
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->headline, "Main headline");
    EXPECT_EQ(item->body_html, "<p>First para.</p><p>Second para.</p>");
    EXPECT_EQ(item->byline, "Omar Said");
    EXPECT_EQ(item->source_credit, "Levant Press Agency");
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, "/data/pic one.jpg");
}

TEST(Ninjs, OddRenditionWidthsDoNotFailTheItem) {
    const auto item = parse_ninjs(R"({"uri": "u", "headline": "H", "body_html": "<p>b</p>",
        "associations": {"featureimage": {"type": "picture", "renditions": {
            "a": {"href": "a.jpg", "width": 1.5}, "b": {"href": "b.jpg", "width": 1e30},
            "c": {"href": "c.jpg", "width": -4}, "d": {"href": "d.jpg", "width": "wide"},
            "e": {"href": "e.jpg", "width": 640}}}}})",
                                  "/in");
    ASSERT_TRUE(item.ok()) << item.error().message;
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, "/in/e.jpg");
}

TEST(Ninjs, RemoteRenditionsAreSkippedWithAWarning) {
    const auto item = parse_ninjs(R"({"uri": "u", "headline": "H", "body_html": "<p>b</p>",
        "associations": {"featureimage": {"type": "picture",
            "renditions": {"original": {"href": "https://cdn.example.com/a.jpg"}}}}})",
                                  "/");
    ASSERT_TRUE(item.ok());
    EXPECT_FALSE(item->image);
    EXPECT_EQ(item->warnings.size(), 1u);
}

struct BadCase {
    const char* json;
    const char* message;
};

class NinjsErrors : public testing::TestWithParam<BadCase> {};

TEST_P(NinjsErrors, NamesTheProblem) {
    const auto item = parse_ninjs(GetParam().json, "/");
    ASSERT_FALSE(item.ok());
    EXPECT_NE(item.error().message.find(GetParam().message), std::string::npos)
        << item.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, NinjsErrors,
    testing::Values(
        BadCase{"{\"uri\": \"u\",\n \"headline\": }", "not valid JSON"},
        BadCase{"{\"uri\": \"u\",\n \"headline\": }", "line 2"}, BadCase{"[1, 2]", "not an object"},
        BadCase{R"({"headline": "H", "body_html": "b"})", "no 'uri'"},
        BadCase{R"({"uri": "u", "body_html": "b"})", "no headline"},
        BadCase{R"({"uri": "u", "headline": "H"})", "no body"},
        BadCase{R"({"uri": "u", "type": "picture", "headline": "H", "body_html": "b"})",
                "type 'picture'"},
        BadCase{R"({"uri": "u", "headline": "H", "body_html": "b", "firstcreated": "soon"})",
                "firstcreated"},
        BadCase{"{\"uri\": \"u\", \"headline\": \"\xFF\"}", "UTF-8"}));

}  // namespace dateline::ingest
