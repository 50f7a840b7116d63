#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <string>

#include "crypto/crypto.hpp"

namespace dateline::testing_support {

/// Solves a security-check challenge the way the ALTCHA widget does (counters from zero until
/// the derived key starts with the prefix) and returns the payload the widget would send.
/// `counter_override` forges a solution with another counter's key.
inline std::string solve_challenge(const std::string& challenge_json,
                                   std::int64_t counter_override = -1) {
    const auto challenge = boost::json::parse(challenge_json).as_object();
    const auto& p = challenge.at("parameters").as_object();
    const std::string nonce = *crypto::from_hex(std::string(p.at("nonce").as_string()));
    const std::string salt = *crypto::from_hex(std::string(p.at("salt").as_string()));
    const std::string prefix(p.at("keyPrefix").as_string());
    const auto cost = static_cast<std::uint32_t>(p.at("cost").as_int64());
    auto derive = [&](std::uint32_t n) {
        const std::string counter = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                                     static_cast<char>(n >> 8), static_cast<char>(n)};
        return crypto::to_hex(crypto::pbkdf2_sha256(nonce + counter, salt, cost, 32));
    };
    std::uint32_t n = 0;
    std::string key;
    if (counter_override >= 0) {
        n = static_cast<std::uint32_t>(counter_override);
        key = derive(n);
    } else {
        for (;; ++n) {
            key = derive(n);
            if (key.compare(0, prefix.size(), prefix) == 0) break;
        }
    }
    boost::json::object payload;
    payload["challenge"] = challenge;
    payload["solution"] = {{"counter", n}, {"derivedKey", key}, {"time", 12.5}};
    return crypto::to_base64(boost::json::serialize(payload));
}

}  // namespace dateline::testing_support
