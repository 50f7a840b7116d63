#include "http/framing.hpp"

#include <gtest/gtest.h>

namespace dateline::http {

namespace {

constexpr unsigned http_1_1 = 11;
constexpr unsigned http_1_0 = 10;

struct Case {
    const char* what;
    unsigned version;
    std::optional<std::string_view> transfer_encoding;
    bool content_length;
    Framing expected;
};

const Case cases[] = {
    {"no body framing at all", http_1_1, std::nullopt, false, Framing::Ok},
    {"a length", http_1_1, std::nullopt, true, Framing::Ok},
    {"chunked", http_1_1, "chunked", false, Framing::Ok},
    {"chunked in capitals, with spaces", http_1_1, "  Chunked ", false, Framing::Ok},
    {"a coding that is not chunked last", http_1_1, "gzip", false, Framing::Malformed},
    {"a name that only ends in chunked", http_1_1, "xchunked", false, Framing::Malformed},
    {"chunked, then another coding", http_1_1, "chunked, identity", false, Framing::Malformed},
    {"two lines joined, chunked first", http_1_1, "chunked,gzip", false, Framing::Malformed},
    {"chunked twice", http_1_1, "chunked, chunked", false, Framing::Malformed},
    {"an empty field", http_1_1, "", false, Framing::Malformed},
    {"only commas", http_1_1, " , ,", false, Framing::Malformed},
    {"beside a length", http_1_1, "chunked", true, Framing::Malformed},
    {"on HTTP/1.0", http_1_0, "chunked", false, Framing::Malformed},
    {"a coding before chunked", http_1_1, "gzip, chunked", false, Framing::NotImplemented},
    {"parameters on a coding", http_1_1, "gzip;q=1, chunked", false, Framing::NotImplemented},
};

}  // namespace

TEST(Framing, OnlyAnUnambiguousBodyLengthPasses) {
    for (const auto& c : cases)
        EXPECT_EQ(check_framing(c.version, c.transfer_encoding, c.content_length), c.expected)
            << c.what;
}

}  // namespace dateline::http
