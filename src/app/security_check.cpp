#include "app/security_check.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace dateline::app {

using crypto::equal_in_constant_time;
using crypto::from_base64;
using crypto::from_hex;
using crypto::hmac_sha256;
using crypto::pbkdf2_sha256;
using crypto::random_below;
using crypto::random_bytes;
using crypto::to_hex;

namespace {

constexpr std::string_view algorithm = "PBKDF2/SHA-256";
constexpr std::size_t key_length = 32;
constexpr std::size_t key_prefix_length = key_length / 2;  // the widget's default
constexpr std::size_t random_length = 16;
constexpr std::size_t max_answer_digits = 3;

// The challenge parameters the server issues, nothing more: a payload with other keys is not
// one of ours.
struct Parameters {
    std::int64_t cost = 0;
    std::int64_t expires_at = 0;
    std::int64_t key_length = 0;
    std::string key_prefix;
    std::string key_signature;
    std::string nonce;
    std::string salt;
};

// JSON.stringify of the parameters with their keys sorted, as the widget and ALTCHA's own
// libraries sign them. Every value is an integer or lowercase hex, so nothing needs escaping.
std::string canonical_json(const Parameters& p) {
    return std::string(R"({"algorithm":")") + std::string(algorithm) + R"(","cost":)" +
           std::to_string(p.cost) + R"(,"expiresAt":)" + std::to_string(p.expires_at) +
           R"(,"keyLength":)" + std::to_string(p.key_length) + R"(,"keyPrefix":")" + p.key_prefix +
           R"(","keySignature":")" + p.key_signature + R"(","nonce":")" + p.nonce +
           R"(","salt":")" + p.salt + R"("})";
}

std::string counter_bytes(std::uint32_t counter) {
    return {static_cast<char>(counter >> 24), static_cast<char>(counter >> 16),
            static_cast<char>(counter >> 8), static_cast<char>(counter)};
}

bool is_hex(std::string_view s, std::size_t length) {
    return s.size() == length && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

const boost::json::value* member(const boost::json::object& o, std::string_view key) {
    const auto it = o.find(key);
    return it == o.end() ? nullptr : &it->value();
}

std::optional<std::string> hex_member(const boost::json::object& o, std::string_view key,
                                      std::size_t length) {
    const auto* v = member(o, key);
    if (!v || !v->is_string() || !is_hex(v->get_string(), length)) return std::nullopt;
    return std::string(v->get_string());
}

std::optional<std::int64_t> int_member(const boost::json::object& o, std::string_view key) {
    const auto* v = member(o, key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= INT64_MAX) return std::int64_t(v->get_uint64());
    return std::nullopt;
}

std::optional<Parameters> read_parameters(const boost::json::object& o) {
    static constexpr std::array keys = {"algorithm", "cost",         "expiresAt", "keyLength",
                                        "keyPrefix", "keySignature", "nonce",     "salt"};
    if (o.size() != keys.size()) return std::nullopt;
    for (const char* k : keys)
        if (!member(o, k)) return std::nullopt;
    const auto* alg = member(o, "algorithm");
    if (!alg->is_string() || alg->get_string() != algorithm) return std::nullopt;
    Parameters p;
    const auto cost = int_member(o, "cost");
    const auto expires = int_member(o, "expiresAt");
    const auto length = int_member(o, "keyLength");
    auto prefix = hex_member(o, "keyPrefix", 2 * key_prefix_length);
    auto signature = hex_member(o, "keySignature", 2 * key_length);
    auto nonce = hex_member(o, "nonce", 2 * random_length);
    auto salt = hex_member(o, "salt", 2 * random_length);
    if (!cost || !expires || !length || !prefix || !signature || !nonce || !salt)
        return std::nullopt;
    p.cost = *cost;
    p.expires_at = *expires;
    p.key_length = *length;
    p.key_prefix = std::move(*prefix);
    p.key_signature = std::move(*signature);
    p.nonce = std::move(*nonce);
    p.salt = std::move(*salt);
    return p;
}

// A whole number of seconds, all of the text; nothing otherwise.
std::optional<UnixTime> parse_time(std::string_view text) {
    UnixTime t = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), t);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return t;
}

// Digits as readers type them: ASCII, Arabic-Indic (U+0660..) or Extended Arabic-Indic
// (U+06F0..), with spaces around.
std::optional<int> read_answer(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    int value = 0;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        int d = -1;
        if (c >= '0' && c <= '9') {
            d = c - '0';
            i += 1;
        } else if (i + 1 < text.size()) {
            const auto c2 = static_cast<unsigned char>(text[i + 1]);
            if (c == 0xD9 && c2 >= 0xA0 && c2 <= 0xA9) d = c2 - 0xA0;
            if (c == 0xDB && c2 >= 0xB0 && c2 <= 0xB9) d = c2 - 0xB0;
            i += 2;
        }
        if (d < 0 || ++digits > max_answer_digits) return std::nullopt;
        value = value * 10 + d;
    }
    return value;
}

std::string question_mac(std::string_view key, std::string_view nonce, UnixTime expires, int answer,
                         std::string_view context) {
    return to_hex(hmac_sha256(key, std::string(nonce) + "." + std::to_string(expires) + "." +
                                       std::to_string(answer) + "|" + std::string(context)));
}

// The challenge's signature covers where it may be spent as well as its parameters.
std::string challenge_signature(std::string_view key, const std::string& parameters,
                                std::string_view context) {
    return to_hex(hmac_sha256(key, parameters + "|" + std::string(context)));
}

}  // namespace

SecurityCheck::SecurityCheck(std::string_view secret, const Clock& clock,
                             SecurityCheckOptions options)
    : signature_key_(hmac_sha256(secret, "dateline security check: challenge signature")),
      derived_key_key_(hmac_sha256(secret, "dateline security check: derived key signature")),
      question_key_(hmac_sha256(secret, "dateline security check: question")),
      started_key_(hmac_sha256(secret, "dateline security check: started")),
      clock_(clock),
      options_(options) {
    if (secret.size() < 32) throw std::invalid_argument("SecurityCheck: the secret is too short");
    if (options_.difficulty == 0 || options_.iterations == 0)
        throw std::invalid_argument("SecurityCheck: difficulty and iterations must be positive");
}

std::string SecurityCheck::challenge_json(std::string_view context) const {
    Parameters p;
    const std::string nonce = random_bytes(random_length);
    const std::string salt = random_bytes(random_length);
    const std::uint32_t low = options_.difficulty / 2;
    const std::uint32_t counter = low + random_below(options_.difficulty - low + 1);
    const std::string derived =
        pbkdf2_sha256(nonce + counter_bytes(counter), salt, options_.iterations, key_length);
    p.cost = options_.iterations;
    p.expires_at = clock_.now() + options_.lifetime.count();
    p.key_length = key_length;
    p.key_prefix = to_hex(derived.substr(0, key_prefix_length));
    p.key_signature = to_hex(hmac_sha256(derived_key_key_, derived));
    p.nonce = to_hex(nonce);
    p.salt = to_hex(salt);
    const std::string parameters = canonical_json(p);
    return R"({"parameters":)" + parameters + R"(,"signature":")" +
           challenge_signature(signature_key_, parameters, context) + R"("})";
}

CheckResult SecurityCheck::verify_solution(std::string_view payload,
                                           std::string_view context) const {
    CheckResult result;
    if (payload.size() > max_payload_bytes) return result;
    const auto decoded = from_base64(payload);
    if (!decoded) return result;
    boost::system::error_code ec;
    const boost::json::value root = boost::json::parse(*decoded, ec);
    if (ec || !root.is_object()) return result;
    const auto* challenge = member(root.get_object(), "challenge");
    const auto* solution = member(root.get_object(), "solution");
    if (!challenge || !challenge->is_object() || !solution || !solution->is_object()) return result;
    const auto* parameters = member(challenge->get_object(), "parameters");
    const auto signature = hex_member(challenge->get_object(), "signature", 2 * key_length);
    if (!parameters || !parameters->is_object() || !signature) return result;
    const auto p = read_parameters(parameters->get_object());
    if (!p) return result;
    const std::string expected = challenge_signature(signature_key_, canonical_json(*p), context);
    if (!equal_in_constant_time(*signature, expected)) return result;
    // Genuine from here on: one of ours, unchanged.
    result.replay_key = "challenge:" + p->nonce;
    result.expires_at = p->expires_at;
    result.issued_at = p->expires_at - options_.lifetime.count();
    if (p->expires_at < clock_.now()) {
        result.outcome = CheckResult::Outcome::Expired;
        return result;
    }
    const auto key_hex = hex_member(solution->get_object(), "derivedKey", 2 * key_length);
    const auto key = key_hex ? from_hex(*key_hex) : std::nullopt;
    result.outcome = CheckResult::Outcome::Wrong;
    if (!key || key_hex->compare(0, p->key_prefix.size(), p->key_prefix) != 0) return result;
    if (equal_in_constant_time(to_hex(hmac_sha256(derived_key_key_, *key)), p->key_signature))
        result.outcome = CheckResult::Outcome::Passed;
    return result;
}

CheckQuestion SecurityCheck::question(std::string_view context) const {
    CheckQuestion q;
    q.first = 1 + static_cast<int>(random_below(9));
    q.second = 1 + static_cast<int>(random_below(9));
    const std::string nonce = to_hex(random_bytes(random_length));
    const UnixTime expires = clock_.now() + options_.lifetime.count();
    q.token = nonce + "." + std::to_string(expires) + "." +
              question_mac(question_key_, nonce, expires, q.first + q.second, context);
    return q;
}

CheckResult SecurityCheck::verify_answer(std::string_view token, std::string_view answer,
                                         std::string_view context) const {
    CheckResult result;
    const auto dot1 = token.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return result;
    const std::string_view nonce = token.substr(0, dot1);
    const std::string_view expires_text = token.substr(dot1 + 1, dot2 - dot1 - 1);
    const std::string_view mac = token.substr(dot2 + 1);
    const auto parsed = parse_time(expires_text);
    if (!is_hex(nonce, 2 * random_length) || !is_hex(mac, 2 * key_length) || !parsed) return result;
    const UnixTime expires = *parsed;
    const UnixTime now = clock_.now();
    // Checked before any arithmetic on it: the number is the client's.
    if (expires > now + options_.lifetime.count()) return result;  // never issued so
    if (expires < now) {
        result.outcome = CheckResult::Outcome::Expired;
        return result;
    }
    // Whether the token is genuine cannot be told apart from whether the answer is right (the
    // answer is inside the MAC), so a forged token and a wrong answer both burn the nonce.
    result.replay_key = "question:" + std::string(nonce);
    result.expires_at = expires;
    result.issued_at = expires - options_.lifetime.count();
    result.outcome = CheckResult::Outcome::Wrong;
    const auto value = read_answer(answer);
    if (value &&
        equal_in_constant_time(mac, question_mac(question_key_, nonce, expires, *value, context)))
        result.outcome = CheckResult::Outcome::Passed;
    return result;
}

std::string SecurityCheck::sign_started(UnixTime started_at, std::string_view context) const {
    const std::string time = std::to_string(started_at);
    return time + "." + to_hex(hmac_sha256(started_key_, time + "|" + std::string(context)));
}

std::optional<UnixTime> SecurityCheck::verify_started(std::string_view note,
                                                      std::string_view context) const {
    const auto dot = note.find('.');
    if (dot == std::string_view::npos || !is_hex(note.substr(dot + 1), 2 * key_length))
        return std::nullopt;
    const std::string_view time = note.substr(0, dot);
    const auto parsed = parse_time(time);
    if (!parsed) return std::nullopt;
    const UnixTime started = *parsed;
    const UnixTime now = clock_.now();
    if (started > now || started < now - options_.lifetime.count()) return std::nullopt;
    const std::string expected =
        to_hex(hmac_sha256(started_key_, std::string(time) + "|" + std::string(context)));
    if (!equal_in_constant_time(note.substr(dot + 1), expected)) return std::nullopt;
    return started;
}

}  // namespace dateline::app
