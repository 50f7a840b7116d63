#include "ingest/ninjs_schema.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace dateline::ingest {

namespace json = boost::json;

TEST(NinjsSchema, EveryPublishedVersionIsBundledAndReadable) {
    std::vector<std::string> versions;
    for (const auto& schema : bundled_ninjs_schemas()) versions.emplace_back(schema.version);
    EXPECT_EQ(versions, (std::vector<std::string>{"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
                                                  "2.0", "2.1", "2.2", "3.0", "3.1"}));
    // The smallest valid item passes every version's schema, and an unknown top-level field
    // fails each one.
    for (const auto& version : versions) {
        const auto minimal = check_ninjs_schema(json::parse(R"({"uri": "urn:x"})"), version);
        EXPECT_TRUE(minimal.ok()) << version << ": " << minimal.error().message;
        const auto extra =
            check_ninjs_schema(json::parse(R"({"uri": "urn:x", "no_such_field": 1})"), version);
        EXPECT_FALSE(extra.ok()) << version;
    }
}

TEST(NinjsSchema, DeclaredVersionsMapToTheBundledOnes) {
    EXPECT_EQ(schema_version_for("3.0"), "3.0");
    EXPECT_EQ(schema_version_for("2.1.1"), "2.1");
    EXPECT_EQ(schema_version_for("3"), "3.1");
    EXPECT_EQ(schema_version_for("3.7"), "3.1");
    EXPECT_EQ(schema_version_for("1"), "1.6");
    EXPECT_EQ(schema_version_for("4.0"), "");
    EXPECT_EQ(schema_version_for("latest"), "");
}

// 2020-12's "a type plus these properties, nothing else" reaches into associations, which are
// items themselves, however deep they nest.
TEST(NinjsSchema, AssociationsAreClosedItemsAtEveryDepth) {
    const auto item = [](const std::string& inner) {
        return json::parse(R"({"uri": "a", "associations": [{"name": "n", "uri": "b",
            "associations": [{"name": "m", "uri": "c", )" +
                           inner + "}]}]}");
    };
    EXPECT_TRUE(check_ninjs_schema(item(R"("headlines": [{"value": "H"}])"), "3.1").ok());
    const auto unknown = check_ninjs_schema(item(R"("headline": "H")"), "3.1");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("/associations/0/associations/0"), std::string::npos)
        << unknown.error().message;
    EXPECT_FALSE(check_ninjs_schema(item(R"("urgency": 12)"), "3.1").ok());  // 1 to 9
    EXPECT_TRUE(check_ninjs_schema(item(R"("headlines": [{"value": "H"}])"), "2.2").ok());
    EXPECT_FALSE(check_ninjs_schema(item(R"("kicker": "K")"), "2.2").ok());
    // A place's GeoJSON refers to another document, which is not fetched: anything passes.
    EXPECT_TRUE(
        check_ninjs_schema(
            json::parse(R"({"uri": "a", "places": [{"name": "P", "geoJSON": {"x": 1}}]})"), "3.1")
            .ok());
}

TEST(NinjsSchema, DatesMustBeDateTimes) {
    EXPECT_TRUE(
        check_ninjs_schema(
            json::parse(R"({"uri": "a", "versionCreated": "2025-01-02T03:04:05+02:00"})"), "3.1")
            .ok());
    const auto bad =
        check_ninjs_schema(json::parse(R"({"uri": "a", "versionCreated": "yesterday"})"), "3.1");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("/versionCreated"), std::string::npos)
        << bad.error().message;
}

}  // namespace dateline::ingest

namespace dateline::ingest {

// valijson matches dates with std::regex, which recurses once per character: a date hundreds of
// thousands of characters long crashed the import with a stack overflow before it was refused.
TEST(NinjsSchema, AnOverlongDateIsRefusedBeforeAnyRegexSeesIt) {
    const std::string digits(300'000, '1');
    for (const auto& [version, item] : std::vector<std::pair<std::string, json::value>>{
             {"1.6", json::object{{"uri", "a"}, {"versioncreated", digits + "-01-01T00:00:00Z"}}},
             {"3.1",
              json::object{{"uri", "a"},
                           {"eventDetails",
                            json::object{{"dates", json::object{{"startDate", digits}}}}}}}}) {
        const auto checked = check_ninjs_schema(item, version);
        ASSERT_FALSE(checked.ok()) << version;
        EXPECT_NE(checked.error().message.find("longer than 64 characters"), std::string::npos)
            << checked.error().message;
    }
    // Long texts are no dates: a body of that length passes.
    EXPECT_TRUE(
        check_ninjs_schema(
            json::object{{"uri", "a"}, {"bodies", json::array{json::object{{"value", digits}}}}},
            "3.1")
            .ok());
}

}  // namespace dateline::ingest
