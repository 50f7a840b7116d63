#include "app/two_step.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "crypto/crypto.hpp"
#include "crypto/totp.hpp"
#include "storage/user_store.hpp"

namespace dateline::app {

Result<bool> take_two_step_code(db::Connection& c, domain::Id user_id, std::string_view code,
                                UnixTime now) {
    storage::UserStore users(c);
    auto keys = users.two_step_keys(user_id);
    if (!keys) return keys.error();
    if (!keys->key) return false;
    const auto key = crypto::from_hex(*keys->key);
    if (!key) return false;
    const auto step = crypto::totp_match(*key, code, now, keys->last_step);
    if (!step) return false;
    return users.use_two_step(user_id, *step);
}

TwoStepSetup two_step_setup(std::string_view key, std::string_view issuer, std::string_view email) {
    const std::string base32 = crypto::to_base32(key);
    TwoStepSetup setup;
    for (std::size_t i = 0; i < base32.size(); i += 4) {
        if (i > 0) setup.key_text += ' ';
        setup.key_text += base32.substr(i, 4);
    }
    const auto encode = [](std::string_view s) {
        return boost::urls::encode(s, boost::urls::unreserved_chars);
    };
    setup.uri = "otpauth://totp/" + encode(issuer) + ":" + encode(email) + "?secret=" + base32 +
                "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
    return setup;
}

}  // namespace dateline::app
