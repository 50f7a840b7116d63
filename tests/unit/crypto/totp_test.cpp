#include "crypto/totp.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace dateline::crypto {
namespace {

const std::string rfc_key = "12345678901234567890";

// RFC 4226, appendix D.
TEST(Totp, HotpMatchesTheRfcValues) {
    const std::vector<std::string> expected = {"755224", "287082", "359152", "969429", "338314",
                                               "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t counter = 0; counter < expected.size(); ++counter)
        EXPECT_EQ(hotp(rfc_key, counter), expected[counter]) << counter;
}

// RFC 6238, appendix B (the SHA-1 rows, eight digits).
TEST(Totp, TotpMatchesTheRfcValues) {
    const std::vector<std::pair<std::int64_t, std::string>> rows = {
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto& [time, code] : rows)
        EXPECT_EQ(hotp(rfc_key, static_cast<std::uint64_t>(totp_step_at(time)), 8), code) << time;
}

TEST(Totp, AcceptsTheNeighbouringStepsOnceEach) {
    const std::int64_t now = 1'800'000'000;
    const std::int64_t step = totp_step_at(now);
    const auto code_at = [](std::int64_t s) {
        return hotp(rfc_key, static_cast<std::uint64_t>(s));
    };
    EXPECT_EQ(totp_match(rfc_key, code_at(step), now, 0), step);
    EXPECT_EQ(totp_match(rfc_key, code_at(step - 1), now, 0), step - 1);
    EXPECT_EQ(totp_match(rfc_key, code_at(step + 1), now, 0), step + 1);
    EXPECT_FALSE(totp_match(rfc_key, code_at(step - 2), now, 0)) << "a minute old";
    EXPECT_FALSE(totp_match(rfc_key, code_at(step + 2), now, 0));
    EXPECT_FALSE(totp_match(rfc_key, code_at(step), now, step)) << "used already";
    EXPECT_FALSE(totp_match(rfc_key, code_at(step - 1), now, step)) << "older than one used";
    for (const char* malformed : {"", "12345", "1234567", "12345a", " 12345", "１２３４５６"})
        EXPECT_FALSE(totp_match(rfc_key, malformed, now, 0)) << malformed;
}

// RFC 4648, section 10.
TEST(Totp, Base32AsAuthenticatorsReadIt) {
    const std::vector<std::pair<std::string, std::string>> rows = {{"", ""},
                                                                   {"f", "MY"},
                                                                   {"fo", "MZXQ"},
                                                                   {"foo", "MZXW6"},
                                                                   {"foob", "MZXW6YQ"},
                                                                   {"fooba", "MZXW6YTB"},
                                                                   {"foobar", "MZXW6YTBOI"}};
    for (const auto& [bytes, text] : rows) {
        EXPECT_EQ(to_base32(bytes), text);
        EXPECT_EQ(from_base32(text), bytes);
    }
    EXPECT_EQ(from_base32("mzxw 6ytb oi======"), "foobar");
    EXPECT_FALSE(from_base32("MZXW1"));
    EXPECT_FALSE(from_base32("MY=A"));
}

}  // namespace
}  // namespace dateline::crypto
