#pragma once

#include "app/reader_service.hpp"
#include "app/token_service.hpp"
#include "app/user_service.hpp"
#include "http/router.hpp"
#include "newsroom/screens.hpp"

namespace dateline::newsroom {

/// The signed-in person's own account at /newsroom/account: who they are, and their two-step
/// sign-in, set up by scanning a QR code (or typing its key) into an authenticator app and
/// confirming with a code, and turned off with a code; and their API tokens, made (the secret
/// shown once, on the answer to the form) and revoked here.
class AccountScreen {
  public:
    AccountScreen(const Screens& screens, app::UserService& users, app::TokenService& tokens,
                  app::ReaderService& reader)
        : screens_(screens), users_(users), tokens_(tokens), reader_(reader) {}

    void add_routes(http::Router<Visit>& routes);

  private:
    http::Response show(Visit& v, const app::ActiveSession& session, int status,
                        const std::string& error = {}, const std::string& new_token = {});
    http::Response start(Visit& v);
    http::Response confirm(Visit& v, bool turning_on);
    http::Response qr_code(Visit& v);
    http::Response make_token(Visit& v);
    http::Response revoke_token(Visit& v);
    std::string issuer() const;

    const Screens& screens_;
    app::UserService& users_;
    app::TokenService& tokens_;
    app::ReaderService& reader_;
};

}  // namespace dateline::newsroom
