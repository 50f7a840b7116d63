#include "http/router.hpp"

#include <gtest/gtest.h>

namespace dateline::http {

namespace {

struct Seen {
    std::string route;
    std::string section;
    std::string slug;
};

Router<Seen> table() {
    auto note = [](const char* name) {
        return [name](Seen& seen, const RouteParams& p) {
            seen = {name, std::string(p["section"]), std::string(p["slug"])};
            return Response::text(200, name);
        };
    };
    Router<Seen> r;
    r.get("", note("home"))
        .get("tags/{slug}/", note("tag"))
        .get("{section}/", note("section"))
        .get("{section}/{slug}", note("article"))
        .post("{section}/{slug}", note("comment"))
        .get("files/*", note("file"));
    return r;
}

std::optional<Response> dispatch(const Router<Seen>& r, Method method,
                                 std::vector<std::string> segments, bool slash, Seen& seen) {
    return r.dispatch(method, segments, slash, seen);
}

}  // namespace

TEST(Router, TheFirstMatchingRouteAnswersWithItsParameters) {
    const auto r = table();
    Seen seen;
    ASSERT_TRUE(dispatch(r, Method::Get, {}, true, seen));
    EXPECT_EQ(seen.route, "home");
    ASSERT_TRUE(dispatch(r, Method::Get, {"tags", "ports"}, true, seen));
    EXPECT_EQ(seen.route, "tag");
    EXPECT_EQ(seen.slug, "ports");
    ASSERT_TRUE(dispatch(r, Method::Head, {"world"}, true, seen));
    EXPECT_EQ(seen.route, "section") << "HEAD is answered by GET routes";
    ASSERT_TRUE(dispatch(r, Method::Get, {"world", "a-story"}, false, seen));
    EXPECT_EQ(seen.route, "article");
    EXPECT_EQ(seen.section, "world");
    EXPECT_EQ(seen.slug, "a-story");
    ASSERT_TRUE(dispatch(r, Method::Post, {"world", "a-story"}, false, seen));
    EXPECT_EQ(seen.route, "comment");
    ASSERT_TRUE(dispatch(r, Method::Get, {"files", "css", "site.css"}, false, seen));
    EXPECT_EQ(seen.route, "file");
}

TEST(Router, TrailingSlashesAndLengthsMustMatch) {
    const auto r = table();
    Seen seen;
    EXPECT_FALSE(dispatch(r, Method::Get, {"world"}, false, seen)) << "no slash: no section";
    EXPECT_FALSE(dispatch(r, Method::Get, {"a", "b", "c"}, false, seen));
    EXPECT_FALSE(dispatch(r, Method::Get, {}, false, seen));
    EXPECT_FALSE(dispatch(r, Method::Get, {"files"}, false, seen)) << "* takes one or more";
}

TEST(Router, OtherMethodsOnAKnownPathGet405WithWhatIsAllowed) {
    const auto r = table();
    Seen seen;
    const auto home = dispatch(r, Method::Post, {}, true, seen);
    ASSERT_TRUE(home);
    EXPECT_EQ(home->status, 405);
    EXPECT_EQ(home->header("Allow"), "GET, HEAD");
    const auto story = dispatch(r, Method::Other, {"world", "a-story"}, false, seen);
    ASSERT_TRUE(story);
    EXPECT_EQ(story->status, 405);
    EXPECT_EQ(story->header("Allow"), "GET, HEAD, POST");
    EXPECT_TRUE(seen.route.empty()) << "no handler ran";
}

TEST(Router, PutRoutesAnswerPutAndAreNamedInAllow) {
    Router<Seen> api("/api/v1/");
    api.get("articles/{id}", [](Seen&, const RouteParams&) { return Response::text(200, "got"); })
        .put("articles/{id}", [](Seen&, const RouteParams&) { return Response::text(200, "put"); });
    Seen seen;
    const auto put = dispatch(api, Method::Put, {"articles", "7"}, false, seen);
    ASSERT_TRUE(put);
    EXPECT_EQ(put->body, "put");
    const auto post = dispatch(api, Method::Post, {"articles", "7"}, false, seen);
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->header("Allow"), "GET, HEAD, PUT");
}

TEST(Router, AResponseNamesTheRouteThatAnsweredWhereTheTableIsMounted) {
    Router<Seen> mounted("/{site}/");
    mounted.get("{section}/{slug}",
                [](Seen&, const RouteParams&) { return Response::text(200, ""); });
    Seen seen;
    auto r = dispatch(mounted, Method::Get, {"world", "a-story"}, false, seen);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->route, "/{site}/{section}/{slug}");
    // The name stays where it was when the table moves.
    const auto moved = std::move(mounted);
    EXPECT_EQ(r->route, "/{site}/{section}/{slug}");
    const auto plain = table();
    EXPECT_EQ(dispatch(plain, Method::Get, {"files", "css", "a.css"}, false, seen)->route,
              "/files/*");
    EXPECT_TRUE(dispatch(plain, Method::Post, {}, true, seen)->route.empty())
        << "a 405 names no route";
}

}  // namespace dateline::http
