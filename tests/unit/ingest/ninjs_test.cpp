#include "ingest/ninjs.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <sys/stat.h>

#include <fstream>

#include "../support_fixed_clock.hpp"

namespace dateline::ingest {

namespace fs = std::filesystem;
namespace json = boost::json;
using testing_support::TempDir;

TEST(Ninjs, ReadsA1xItem) {
    const auto item = parse_ninjs(R"({
        "uri": "urn:example:wire:1", "type": "text", "version": "1",
        "headline": "Harbour reopens", "description_text": "A short summary.",
        "body_html": "<p>Body</p>", "byline": "By Rana Idris", "located": "MUSCAT",
        "infosource": [{"name": "Gulf Wire Service", "rel": "source"}],
        "subject": [{"name": "Shipping", "code": "x"}, {"name": "Ports"}, {"name": "Shipping"}],
        "firstcreated": "2026-11-20T08:00:00Z", "versioncreated": "2026-11-20T09:30:00+01:00",
        "associations": {"featureimage": {"uri": "urn:example:pic:1", "type": "picture",
            "description_text": "The quay.",
            "byline": "Photo desk", "renditions": {
                "thumb": {"href": "thumb.jpg", "width": 100},
                "original": {"href": "pics/big.jpg", "width": 1600, "mimetype": "image/jpeg"}}}}
    })",
                                  "/wire/in");
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->guid, "urn:example:wire:1");
    EXPECT_EQ(item->format, "ninjs 1.6");
    EXPECT_EQ(item->version, "1");
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

TEST(Ninjs, ReadsA2xItem) {
    const auto item = parse_ninjs(R"({
        "uri": "urn:example:wire:2",
        "headlines": [{"role": "short", "value": "Short"}, {"role": "main", "value": "Main headline"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "First para.\n\nSecond para."}],
        "by": "Omar Said", "located": "Doha",
        "copyrightholder": "Levant Press Agency",
        "subjects": [{"name": "Energy", "uri": "x"}],
        "associations": [{"name": "featureimage", "uri": "urn:example:pic:2", "type": "picture",
            "renditions": [{"name": "web", "href": "file:///data/pic%20one.jpg", "width": 800}]}]
    })",
                                  "/ignored", {"/data"});
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->format, "ninjs 2.2");
    EXPECT_EQ(item->headline, "Main headline");
    EXPECT_EQ(item->body_html, "<p>First para.</p><p>Second para.</p>");
    EXPECT_EQ(item->byline, "Omar Said");
    EXPECT_EQ(item->source_credit, "Levant Press Agency");
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, "/data/pic one.jpg");
}

TEST(Ninjs, PlainTextBodiesBecomeEscapedParagraphs) {
    const auto body_of = [](const std::string& text) {
        const auto item = parse_ninjs(R"({"uri": "u", "headline": "H", "body_text": )" +
                                          json::serialize(json::value(text)) + "}",
                                      "/");
        EXPECT_TRUE(item.ok()) << item.error().message;
        return item.ok() ? item->body_html : std::string();
    };
    EXPECT_EQ(
        body_of("First line\nsame paragraph.\n \t\nSecond <b>&</b> \"q\"\n\n\n"),
        "<p>First line same paragraph.</p><p>Second &lt;b&gt;&amp;&lt;/b&gt; &quot;q&quot;</p>");
    EXPECT_EQ(body_of("\n\nنص عربي\nيتابع\n\nفقرة ثانية"), "<p>نص عربي يتابع</p><p>فقرة ثانية</p>");
    // Windows line breaks are line breaks, as everywhere else paragraphs are split.
    EXPECT_EQ(body_of("Windows\r\nbreaks\r\n\r\nkept apart"),
              "<p>Windows breaks</p><p>kept apart</p>");
}

TEST(Ninjs, OddRenditionWidthsDoNotFailTheItem) {
    const auto item = parse_ninjs(R"({"uri": "u", "headline": "H", "body_html": "<p>b</p>",
        "associations": {"featureimage": {"uri": "p", "type": "picture", "renditions": {
            "a": {"href": "a.jpg", "width": 1.5}, "b": {"href": "b.jpg", "width": 1e30},
            "c": {"href": "c.jpg", "width": -4},
            "e": {"href": "e.jpg", "width": 640}}}}})",
                                  "/in");
    ASSERT_TRUE(item.ok()) << item.error().message;
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, "/in/e.jpg");
}

TEST(Ninjs, ARemoteRenditionIsLeftForTheCallerToFetchWhenNoLocalOneMayBeRead) {
    const auto item = parse_ninjs(R"({"uri": "u", "headline": "H", "body_html": "<p>b</p>",
        "associations": {"featureimage": {"uri": "p", "type": "picture", "description_text": "Quay",
            "renditions": {"thumb": {"href": "https://cdn.example.com/t.jpg", "width": 100},
                           "original": {"href": "https://cdn.example.com/a.jpg", "width": 2000},
                           "ftp": {"href": "ftp://cdn.example.com/b.jpg", "width": 4000}}}}})",
                                  "/");
    ASSERT_TRUE(item.ok());
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->location, "");
    EXPECT_EQ(item->image->url, "https://cdn.example.com/a.jpg") << "the widest web address";
    EXPECT_EQ(item->image->caption, "Quay");
    ASSERT_EQ(item->warnings.size(), 1u);
    EXPECT_EQ(item->warnings[0],
              "the picture rendition 'ftp://cdn.example.com/b.jpg' is refused: only http and "
              "https addresses are fetched");
}

namespace {

// An item whose picture has the given renditions, as JSON: {"href", width} pairs.
std::string item_with_renditions(std::vector<std::pair<std::string, int>> renditions) {
    std::string json = R"({"uri": "u", "headline": "H", "body_html": "<p>b</p>",
        "associations": {"featureimage": {"uri": "p", "type": "picture", "renditions": {)";
    for (std::size_t i = 0; i < renditions.size(); ++i)
        json += (i ? ", " : "") + std::string("\"r") + std::to_string(i) + "\": {\"href\": \"" +
                renditions[i].first + "\", \"width\": " + std::to_string(renditions[i].second) +
                "}";
    return json + "}}}}";
}

void touch(const fs::path& file) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "picture";
}

// The warnings joined, for matching and for failure messages.
std::string warnings_of(const domain::WireItem& item) {
    std::string out;
    for (const auto& w : item.warnings) out += w + "\n";
    return out;
}

// A folder holding an item's folder ("wire") and, beside it, files it must not reach.
class RenditionFolders : public testing::Test {
  protected:
    void SetUp() override {
        touch(wire / "photo.jpg");
        touch(elsewhere / "private" / "photo.jpg");
    }

    TempDir dir;
    const fs::path wire = dir.path() / "wire";
    const fs::path elsewhere = dir.path() / "elsewhere";
};

}  // namespace

TEST_F(RenditionFolders, ARelativeHrefInsideTheItemsFolderIsRead) {
    const auto item = parse_ninjs(item_with_renditions({{"photo.jpg", 100}}), wire);
    ASSERT_TRUE(item.ok()) << item.error().message;
    ASSERT_TRUE(item->image) << warnings_of(*item);
    EXPECT_EQ(fs::path(item->image->location), fs::canonical(wire / "photo.jpg"));
}

TEST_F(RenditionFolders, ARelativeHrefOutsideTheItemsFolderIsRefused) {
    for (const std::string& href : std::vector<std::string>{
             "../elsewhere/private/photo.jpg", "sub/../../elsewhere/private/photo.jpg",
             (elsewhere / "private" / "photo.jpg").string()}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        EXPECT_FALSE(item->image) << href << " was taken: " << item->image->location;
        const std::string warnings = warnings_of(*item);
        EXPECT_NE(warnings.find(href), std::string::npos) << warnings;
        EXPECT_NE(warnings.find("outside the item's folder"), std::string::npos) << warnings;
    }
}

TEST_F(RenditionFolders, ASymlinkInTheFolderPointingOutsideIsRefused) {
    fs::create_symlink(elsewhere / "private" / "photo.jpg", wire / "link.jpg");
    fs::create_directory_symlink(elsewhere / "private", wire / "linked-folder");
    for (const char* href : {"link.jpg", "linked-folder/photo.jpg"}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        EXPECT_FALSE(item->image) << href << " was taken: " << item->image->location;
        EXPECT_NE(warnings_of(*item).find("outside the item's folder"), std::string::npos)
            << warnings_of(*item);
    }
}

TEST_F(RenditionFolders, AFileUrlOutsideTheFolderIsRefused) {
    const std::string url = "file://" + (elsewhere / "private" / "photo.jpg").string();
    for (const std::string& href :
         std::vector<std::string>{url, "file://localhost" + url.substr(7), "file:" + url.substr(7),
                                  "file://otherhost/etc/hostname"}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        EXPECT_FALSE(item->image) << href << " was taken: " << item->image->location;
        EXPECT_NE(warnings_of(*item).find(href), std::string::npos) << warnings_of(*item);
    }
}

TEST_F(RenditionFolders, AFileUrlIsReadInTheItemsFolderOrBelowAnImportRoot) {
    const auto inside =
        parse_ninjs(item_with_renditions({{"file://" + (wire / "photo.jpg").string(), 100}}), wire);
    ASSERT_TRUE(inside.ok() && inside->image) << warnings_of(*inside);
    const auto outside = elsewhere / "private" / "photo.jpg";
    const auto rooted = parse_ninjs(item_with_renditions({{"file://" + outside.string(), 100}}),
                                    wire, {dir.path() / "nowhere", elsewhere});
    ASSERT_TRUE(rooted.ok());
    ASSERT_TRUE(rooted->image) << warnings_of(*rooted);
    EXPECT_EQ(fs::path(rooted->image->location), fs::canonical(outside));
    // A root lets file: URLs in, never a relative href.
    const auto relative = parse_ninjs(
        item_with_renditions({{"../elsewhere/private/photo.jpg", 100}}), wire, {elsewhere});
    EXPECT_FALSE(relative->image);
}

TEST_F(RenditionFolders, WhatIsNotARegularFileIsRefused) {
    ASSERT_EQ(::mkfifo((wire / "pipe.jpg").c_str(), 0600), 0);
    fs::create_directory(wire / "folder.jpg");
    for (const char* href : {"pipe.jpg", "folder.jpg"}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        EXPECT_FALSE(item->image) << href << " was taken";
        EXPECT_NE(warnings_of(*item).find("not a regular file"), std::string::npos)
            << warnings_of(*item);
    }
}

TEST_F(RenditionFolders, ARefusedRenditionGivesWayToTheNextBest) {
    const auto item = parse_ninjs(
        item_with_renditions({{"../elsewhere/private/photo.jpg", 2000}, {"photo.jpg", 100}}), wire);
    ASSERT_TRUE(item.ok()) << item.error().message;
    ASSERT_TRUE(item->image) << warnings_of(*item);
    EXPECT_EQ(fs::path(item->image->location), fs::canonical(wire / "photo.jpg"));
    EXPECT_EQ(item->warnings.size(), 1u) << warnings_of(*item);
}

TEST_F(RenditionFolders, HrefsArePercentDecoded) {
    touch(wire / "pic one.jpg");
    touch(wire / "صورة.jpg");
    // Escapes are decoded; what needs no escape is taken as written, as wires often send it.
    for (const std::string& href :
         std::vector<std::string>{"pic%20one.jpg", "pic one.jpg", "%D8%B5%D9%88%D8%B1%D8%A9.jpg",
                                  "صورة.jpg", "file://" + (wire / "pic%20one.jpg").string(),
                                  "file://" + (wire / "صورة.jpg").string()}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        ASSERT_TRUE(item->image) << href << ": " << warnings_of(*item);
        EXPECT_TRUE(item->warnings.empty()) << warnings_of(*item);
    }
    // A decoded escape cannot lead out of the folder or smuggle a NUL in.
    for (const char* href : {"%2e%2e/elsewhere/private/photo.jpg", "photo.jpg%00.png"}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        EXPECT_FALSE(item->image) << href << " was taken: " << item->image->location;
    }
}

TEST_F(RenditionFolders, AMalformedPercentEscapeIsRefused) {
    touch(wire / "100%.jpg");
    for (const std::string& href :
         std::vector<std::string>{"100%.jpg", "photo%2.jpg", "photo%zz.jpg", "photo.jpg%",
                                  "file://" + (wire / "100%.jpg").string()}) {
        const auto item = parse_ninjs(item_with_renditions({{href, 100}}), wire);
        ASSERT_TRUE(item.ok()) << item.error().message;
        EXPECT_FALSE(item->image) << href << " was taken: " << item->image->location;
        const std::string warnings = warnings_of(*item);
        EXPECT_NE(warnings.find(href), std::string::npos) << warnings;
        EXPECT_NE(warnings.find("malformed percent-escape"), std::string::npos) << warnings;
    }
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
        BadCase{"{\"uri\": \"u\",\n \"headline\": }", "line 2"},
        BadCase{"[1, 2]", "a list of 2 items"}, BadCase{"\"text\"", "not an object"},
        BadCase{R"({"headline": "H", "body_html": "b"})", "no 'uri'"},
        BadCase{R"({"uri": "u", "body_html": "b"})", "no headline"},
        BadCase{R"({"uri": "u", "headline": "H"})", "no body and no description"},
        BadCase{R"({"uri": "u", "type": "picture", "headline": "H", "body_html": "b"})",
                "type 'picture'"},
        BadCase{R"({"uri": "u", "headline": "H", "body_html": "b", "firstcreated": "soon"})",
                "firstcreated"},
        BadCase{"{\"uri\": \"u\", \"headline\": \"\xFF\"}", "UTF-8"},
        // Checked against the schema of the version declared, or shown by the field names.
        BadCase{R"({"uri": "u", "headline": "H", "body_html": "b", "urgency": "high"})",
                "not valid ninjs 1.6"},
        BadCase{R"({"uri": "u", "headline": "H", "body_html": "b", "urgency": "high"})",
                "/urgency"},
        // 3.x by its camelCase dates, so its bodies must spell "contentType" too.
        BadCase{R"({"uri": "u", "firstCreated": "2025-01-01T00:00:00Z", "headlines": [{"value":
                    "H"}], "bodies": [{"value": "b", "contenttype": "text/plain"}]})",
                "/bodies/0"},
        BadCase{R"({"uri": "u", "standard": {"version": "9.0"}, "headline": "H"})",
                "ninjs 9.0, a version Dateline does not know"}));

// The fixtures of every version and spelling (tests/fixtures/ninjs/versions/, README there).
namespace {

const fs::path versions = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures/ninjs/versions";

domain::WireItem fixture(const std::string& name) {
    auto item = read_ninjs_file(versions / name);
    EXPECT_TRUE(item.ok()) << name << ": " << item.error().message;
    return item.ok() ? *item : domain::WireItem{};
}

std::string utc(const std::optional<UnixTime>& t) {
    return t ? format_utc_iso8601(*t) : "none";
}

bool holds(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST(NinjsVersions, A1xItemGivesItsXhtmlBodyOverItsPlainText) {
    const auto item = fixture("v1-xhtml-and-text.json");
    EXPECT_EQ(item.format, "ninjs 1.6");
    EXPECT_EQ(item.headline, "Muscat port opens deep-water berth for the largest container ships");
    EXPECT_TRUE(holds(item.body_html, "Duqmar")) << item.body_html;
    EXPECT_TRUE(holds(item.body_html, "<em>every year</em>")) << item.body_html;
    EXPECT_EQ(item.byline, "By Mariam Haddad");
    EXPECT_EQ(item.dateline, "Muscat");
    EXPECT_EQ(item.source_credit, "Gulf Coast Wire");
    EXPECT_EQ(utc(item.first_created), "2025-03-04T06:10:00Z");
    EXPECT_EQ(utc(item.version_created), "2025-03-04T03:45:00Z");
    EXPECT_EQ(utc(item.embargoed_until), "2025-03-04T06:00:00Z");
    EXPECT_EQ(item.urgency, 3);
    EXPECT_EQ(item.status, domain::WireStatus::Usable);
    EXPECT_EQ(item.version, "1");
    ASSERT_TRUE(item.image);
    EXPECT_EQ(fs::path(item.image->location).filename(), "harbour-dawn.jpg");
    EXPECT_EQ(item.image->caption,
              "The empty deep-water quay at Ras Khaleef at sunrise, a day before the first ship "
              "was due.");
    EXPECT_EQ(item.image->credit, "Yousef Al Balushi / Gulf Coast Wire");
}

TEST(NinjsVersions, AFlashWithOnlyADescriptionHasItAsItsBody) {
    const auto item = fixture("v2-description-only.json");
    EXPECT_EQ(item.format, "ninjs 2.1");
    EXPECT_TRUE(item.body_html.rfind("<p>The town council of Qasr Nadeem voted 19 to 4", 0) == 0)
        << item.body_html;
    EXPECT_EQ(item.standfirst, "");
    EXPECT_EQ(item.source_credit, "Levant Press Service");
    EXPECT_EQ(item.urgency, 2);
}

TEST(NinjsVersions, TheHtmlBodyWinsOverAPlainOneListedFirst) {
    const auto item = fixture("v2-plain-then-html.json");
    EXPECT_EQ(item.format, "ninjs 2.2");
    EXPECT_EQ(item.headline,
              "Rooftop rain tanks halve water bills in Beit Sahran, university study finds");
    EXPECT_TRUE(holds(item.body_html, "<a href=\"https://example.org/report\">full report</a>"))
        << item.body_html;
    EXPECT_TRUE(holds(item.standfirst, "A two-winter study of 240 homes")) << item.standfirst;
}

TEST(NinjsVersions, A3xItemWithoutFirstCreatedIsDatedByItsVersion) {
    const auto item = fixture("v3-camel-no-first-created.json");
    EXPECT_EQ(item.format, "ninjs 3.1");
    EXPECT_EQ(utc(item.first_created), "2025-05-10T14:02:28Z");
    EXPECT_EQ(utc(item.version_created), "2025-05-10T14:02:28Z");
    EXPECT_EQ(item.source_credit, "Gulf Coast Wire");
    EXPECT_EQ(item.byline, "Omar Farouk, Gulf Coast Wire");
    EXPECT_EQ(item.version, "2");
    EXPECT_EQ(item.urgency, 4);
    EXPECT_TRUE(holds(item.body_html, "90,000 cubic metres")) << item.body_html;
}

TEST(NinjsVersions, ANitfBodyGivesItsBodyContentAlone) {
    const auto item = fixture("v3-nitf-body.json");
    EXPECT_EQ(item.format, "ninjs 3.0");
    EXPECT_TRUE(item.body_html.rfind("<p>The city council approved on Friday", 0) == 0)
        << item.body_html;
    EXPECT_TRUE(holds(item.body_html, "<em>no watering</em>")) << item.body_html;
    for (const char* outside :
         {"Cedarvale", "Tamarisk Mile", "Qudsi", "AMMAN", "Loutfi", "LPS-20250822-0417"})
        EXPECT_FALSE(holds(item.body_html, outside)) << outside << " in " << item.body_html;
    EXPECT_EQ(item.standfirst,
              "Carob and wild pistachio saplings will line the Wadi Sumaq ring road by next "
              "spring.");
    EXPECT_EQ(item.dateline, "Amman, Jordan");
    EXPECT_EQ(item.source_credit, "Levant Press Service");
    EXPECT_EQ(utc(item.embargoed_until), "2031-01-01T08:00:00Z");
    ASSERT_TRUE(item.image);
    EXPECT_EQ(item.image->caption,
              "Carob saplings wait in rows at the municipal nursery before planting begins.");
    EXPECT_EQ(item.image->credit, "Rana Khoury / Levant Press Service");
}

TEST(NinjsVersions, PlainTextOnSingleLinesIsAParagraphALine) {
    const auto item = fixture("v3-plain-single-lines.json");
    EXPECT_EQ(item.format, "ninjs 3.1");
    std::size_t paragraphs = 0;
    for (std::size_t at = 0; (at = item.body_html.find("<p>", at)) != std::string::npos; ++at)
        ++paragraphs;
    EXPECT_EQ(paragraphs, 4u) << item.body_html;
    EXPECT_TRUE(holds(item.body_html, "AT&amp;T")) << item.body_html;
    EXPECT_TRUE(holds(item.body_html, "&lt;b&gt;")) << item.body_html;
}

TEST(NinjsVersions, AnArabicItemKeepsItsScript) {
    const auto item = fixture("v3-arabic.json");
    EXPECT_EQ(item.language, "ar");
    EXPECT_EQ(item.headline, "افتتاح أول مكتبة عامة تعمل بالطاقة الشمسية في حي الياسمين");
    EXPECT_EQ(item.byline, "رنا العطار");
    EXPECT_EQ(item.dateline, "بيروت");
    EXPECT_EQ(item.source_credit, "وكالة الساحل للأنباء");
}

TEST(NinjsVersions, WithdrawnItemsSaySo) {
    const auto canceled = fixture("v3-camel-canceled.json");
    EXPECT_EQ(canceled.status, domain::WireStatus::Canceled);
    EXPECT_EQ(canceled.guid, fixture("v3-camel-no-first-created.json").guid);
    EXPECT_EQ(canceled.version, "3");
    EXPECT_EQ(fixture("v2-withheld.json").status, domain::WireStatus::Withheld);
}

TEST(NinjsVersions, InvalidItemsAndPicturesAreRefusedWithTheReason) {
    const auto urgency = read_ninjs_file(versions / "invalid-v3-urgency-text.json");
    ASSERT_FALSE(urgency.ok());
    EXPECT_TRUE(holds(urgency.error().message, "not valid ninjs 3.1")) << urgency.error().message;
    EXPECT_TRUE(holds(urgency.error().message, "/urgency")) << urgency.error().message;
    const auto unknown = read_ninjs_file(versions / "invalid-v2-unknown-field.json");
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(holds(unknown.error().message, "'kicker'")) << unknown.error().message;
    const auto picture = read_ninjs_file(versions / "v3-picture-item.json");
    ASSERT_FALSE(picture.ok());
    EXPECT_TRUE(holds(picture.error().message, "type 'picture' is not a story"))
        << picture.error().message;
}

}  // namespace dateline::ingest
