#include "crypto/crypto.hpp"

#include <gtest/gtest.h>

namespace dateline::crypto {

TEST(Crypto, HmacSha256MatchesRfc4231) {
    // RFC 4231 section 4.3, test case 2.
    EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Pbkdf2Sha256MatchesPublishedVectors) {
    // RFC 7914 section 11 (first 32 bytes), and the widely published 4096-round vector.
    EXPECT_EQ(to_hex(pbkdf2_sha256("passwd", "salt", 1, 32)),
              "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    EXPECT_EQ(to_hex(pbkdf2_sha256("password", "salt", 4096, 32)),
              "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    EXPECT_EQ(pbkdf2_sha256("password", "salt", 2, 16).size(), 16u);
    EXPECT_THROW(pbkdf2_sha256("password", "salt", 1, 33), std::invalid_argument);
}

TEST(Crypto, Pbkdf2Sha256MatchesRfc7914) {
    // RFC 7914 section 11 publishes 64-byte keys. PBKDF2's first block does not depend on the
    // length asked for, so the one block this function gives is the first half of each.
    const std::string passwd_salt_1 =
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783";
    const std::string password_nacl_80000 =
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d";
    EXPECT_EQ(to_hex(pbkdf2_sha256("passwd", "salt", 1, 32)), passwd_salt_1.substr(0, 64));
    EXPECT_EQ(to_hex(pbkdf2_sha256("Password", "NaCl", 80000, 32)),
              password_nacl_80000.substr(0, 64));
    EXPECT_EQ(to_hex(pbkdf2_sha256("Password", "NaCl", 80000, 20)),
              password_nacl_80000.substr(0, 40));
    EXPECT_EQ(pbkdf2_sha256("passwd", "salt", 1, 0), "");
    EXPECT_EQ(to_hex(pbkdf2_sha256("", "", 1, 32)),
              "f7ce0b653d2d72a4108cf5abe912ffdd777616dbbb27a70e8204f3ae2d0f6fad");
    EXPECT_THROW(pbkdf2_sha256("passwd", "salt", 0, 32), std::invalid_argument);
}

TEST(Crypto, HexRoundTripsAndRejectsMalformedText) {
    EXPECT_EQ(to_hex(std::string("\x00\x7f\xff", 3)), "007fff");
    EXPECT_EQ(from_hex("007fff"), std::string("\x00\x7f\xff", 3));
    EXPECT_FALSE(from_hex("abc"));
    EXPECT_FALSE(from_hex("zz"));
}

TEST(Crypto, Base64AsBrowsersWriteIt) {
    EXPECT_EQ(to_base64("{\"a\":1}"), "eyJhIjoxfQ==");
    EXPECT_EQ(from_base64("eyJhIjoxfQ=="), "{\"a\":1}");
    EXPECT_EQ(from_base64("eyJhIjoxfQ"), "{\"a\":1}");
    EXPECT_FALSE(from_base64("eyJh*IjoxfQ=="));
    EXPECT_FALSE(from_base64("eyJhIjoxfQ==trailing"));
}

TEST(Crypto, RandomBytesDiffer) {
    EXPECT_EQ(random_bytes(16).size(), 16u);
    EXPECT_NE(random_bytes(16), random_bytes(16));
    for (int i = 0; i < 100; ++i) EXPECT_LT(random_below(9), 9u);
}

TEST(Crypto, ConstantTimeComparison) {
    EXPECT_TRUE(equal_in_constant_time("abc", "abc"));
    EXPECT_FALSE(equal_in_constant_time("abc", "abd"));
    EXPECT_FALSE(equal_in_constant_time("abc", "ab"));
}

TEST(Crypto, PasswordHashesAreArgon2idAtOwaspCostAndSalted) {
    const std::string password = "a passphrase of some length";
    const auto hash = hash_password(password);
    EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
    EXPECT_TRUE(password_matches(hash, password));
    EXPECT_FALSE(password_matches(hash, "a passphrase of some lengt"));
    EXPECT_FALSE(password_matches(hash, ""));
    EXPECT_NE(hash_password(password), hash);  // a fresh salt each time
    EXPECT_FALSE(password_hash_outdated(hash));
}

TEST(Crypto, PasswordHashesOfAnotherCostStillVerifyAndAskToBeRemade) {
    // Made by libsodium at t=3, m=8 MiB: an account whose hash predates today's cost.
    const std::string older =
        "$argon2id$v=19$m=8192,t=3,p=1$KBWZXrYZI9c/1+XKIT0YFg$"
        "zTm0ZrvQGi+wvq/DODZwAdRSp3Kc64N4SYKSfZ8u28c";
    EXPECT_TRUE(password_matches(older, "stored before the cost changed"));
    EXPECT_FALSE(password_matches(older, "stored before the cost changed "));
    EXPECT_TRUE(password_hash_outdated(older));
}

TEST(Crypto, MalformedPasswordHashesNeverMatch) {
    EXPECT_FALSE(password_matches("", "anything"));
    EXPECT_FALSE(password_matches("$argon2id$v=19$m=19456,t=2,p=1$bm90IGEgc2FsdA", "anything"));
    EXPECT_FALSE(password_matches(std::string(200, 'a'), "anything"));
}

}  // namespace dateline::crypto
