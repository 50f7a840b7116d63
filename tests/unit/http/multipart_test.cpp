#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace dateline::http {

namespace {

const std::string boundary = "----DatelineBoundary7MA4YWxk";

std::string body_of(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts) out += "--" + boundary + "\r\n" + p + "\r\n";
    return out + "--" + boundary + "--\r\n";
}

}  // namespace

TEST(Multipart, TheBoundaryComesFromAFormDataContentTypeOnly) {
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + boundary), boundary);
    EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\""),
              "a b:c");
    EXPECT_EQ(multipart_boundary("multipart/mixed; boundary=x"), std::nullopt);
    EXPECT_EQ(multipart_boundary("application/x-www-form-urlencoded"), std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary="), std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')),
              std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"open"), std::nullopt);
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=bad<char>"), std::nullopt);
}

TEST(Multipart, FieldsAndFilesComeApartWithTheirBytesWhole) {
    const std::string png("\x89PNG\r\n\x1a\n\0\0--not-a-boundary\r\n", 29);
    const auto body = body_of({
        "Content-Disposition: form-data; name=\"form_token\"\r\n\r\nabc123",
        "Content-Disposition: form-data; name=\"picture\"; filename=\"harbour "
        "\\\"dawn\\\".png\"\r\n"
        "Content-Type: Image/PNG\r\n\r\n" +
            png,
        "content-disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n",
        "Content-Disposition: form-data; name=\"caption\"\r\n\r\nLine one\r\nLine two",
    });
    const auto parts = parse_multipart(body, boundary);
    ASSERT_TRUE(parts.has_value());
    ASSERT_EQ(parts->size(), 4u);
    EXPECT_EQ((*parts)[0].name, "form_token");
    EXPECT_EQ((*parts)[0].file_name, std::nullopt);
    EXPECT_EQ((*parts)[0].content, "abc123");
    EXPECT_EQ((*parts)[1].file_name, "harbour \"dawn\".png");
    EXPECT_EQ((*parts)[1].content_type, "image/png");
    EXPECT_EQ((*parts)[1].content, png);
    EXPECT_EQ((*parts)[2].file_name, "");
    EXPECT_TRUE((*parts)[2].content.empty());
    EXPECT_EQ((*parts)[3].content, "Line one\r\nLine two");
}

TEST(Multipart, APreambleAndAnEpilogueAreIgnored) {
    const auto body = "This is a preamble.\r\n" +
                      body_of({"Content-Disposition: form-data; name=\"a\"\r\n\r\n1"}) +
                      "an epilogue";
    const auto parts = parse_multipart(body, boundary);
    ASSERT_TRUE(parts.has_value());
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].content, "1");
}

TEST(Multipart, MalformedBodiesAreRefusedWhole) {
    const std::string field = "Content-Disposition: form-data; name=\"a\"\r\n\r\n1";
    const auto good = body_of({field});
    EXPECT_TRUE(parse_multipart(good, boundary).has_value());
    // No closing delimiter: the body was cut short.
    EXPECT_FALSE(parse_multipart(good.substr(0, good.size() - 8), boundary).has_value());
    EXPECT_FALSE(parse_multipart("no delimiter at all", boundary).has_value());
    EXPECT_FALSE(parse_multipart(good, "another-boundary").has_value());
    EXPECT_FALSE(
        parse_multipart(body_of({"Content-Disposition: attachment; name=\"a\"\r\n\r\n1"}), boundary)
            .has_value());
    EXPECT_FALSE(
        parse_multipart(body_of({"Content-Type: text/plain\r\n\r\n1"}), boundary).has_value());
    EXPECT_FALSE(
        parse_multipart(body_of({"Content-Disposition: form-data; name=\"a\r\n\r\n1"}), boundary)
            .has_value());
    EXPECT_FALSE(parse_multipart(body_of({"no colon here\r\n\r\n1"}), boundary).has_value());
    EXPECT_FALSE(
        parse_multipart(body_of({"X-Long: " + std::string(9000, 'x') + "\r\n" + field}), boundary)
            .has_value());
    EXPECT_FALSE(parse_multipart(body_of({field, field, field}), boundary, 2).has_value());
    EXPECT_TRUE(parse_multipart(body_of({field, field}), boundary, 2).has_value());
}

}  // namespace dateline::http
