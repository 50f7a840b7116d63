#pragma once

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/site.hpp"

namespace dateline::app {

/// Two-step sign-in's codes, shared by signing in (SessionService) and by turning it on and off
/// (UserService): RFC 6238 codes from the account's key, each good once.

/// Checks `code` against the account's key in use and records its time step as taken, in the
/// caller's transaction: true when the code is right and neither it nor a later one was taken
/// before (on any node: the step is recorded by one conditional UPDATE). False for a wrong,
/// reused or malformed code, and when the account has no key.
Result<bool> take_two_step_code(db::Connection& c, domain::Id user_id, std::string_view code,
                                UnixTime now);

/// What an authenticator app is given to set up an account: the key as text (base32, in groups
/// of four for typing) and as an otpauth:// URI (Google Authenticator's Key Uri Format), which the
/// setup screen shows as a QR code.
struct TwoStepSetup {
    std::string key_text;
    std::string uri;
};
/// The setup of a key (raw bytes) for `email`, labelled `issuer` in the app.
TwoStepSetup two_step_setup(std::string_view key, std::string_view issuer, std::string_view email);

}  // namespace dateline::app
