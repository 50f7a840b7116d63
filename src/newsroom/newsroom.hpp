#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/article_service.hpp"
#include "app/audit_service.hpp"
#include "app/comment_service.hpp"
#include "app/front_page_service.hpp"
#include "app/reader_service.hpp"
#include "app/session_service.hpp"
#include "app/site_service.hpp"
#include "app/token_service.hpp"
#include "app/user_service.hpp"
#include "app/wire_desk.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace dateline::newsroom {

/// Where a request for the newsroom may be served, and how: the origin of the network's site on
/// the request's host ("https://news.example"), or nothing when no site of the network has that
/// host (the request is then misdirected). Cookies are marked Secure for an https origin.
using OriginOf = std::function<std::optional<std::string>(const http::Request&)>;

/// What the newsroom works with.
struct Services {
    app::SessionService& sessions;
    app::CommentService& comments;
    app::ReaderService& reader;  ///< the network's sites, for filters and public addresses
    app::ArticleService& articles;
    app::AuditService& audit;
    app::UserService& users;       ///< the person's own account (two-step sign-in)
    app::TokenService& tokens;     ///< their API tokens
    app::SiteService& sites;       ///< the sites' settings, for admins
    app::WireDesk& wires;          ///< the agencies' queue, for the people who write
    app::FrontPageService& front;  ///< the home pages' top stories, for the people who publish
};

/// The newsroom surface at /newsroom/ on the network's hosts: sign-in (with a code from an
/// authenticator app for accounts that turned two-step sign-in on), the desk, the person's
/// account, sign-out, stories, the agencies' wire queue, the moderation queue of readers'
/// comments, and for admins the
/// audit log and the sites' settings. Its
/// screens come in English or Arabic (right to left), as the person asks (`?lang=`, remembered in
/// a cookie) or their browser prefers. Nothing it answers is cached or shared: every response is
/// `no-store`. Sessions ride in an HttpOnly, SameSite=Strict cookie scoped to /newsroom; every
/// form carries a token against cross-site forgery (app::SessionService).
class Newsroom {
  public:
    /// Loads the screens' templates, strings and styles from `dir` (the share folder's
    /// `newsroom/`); a broken template fails here, not on a request.
    static Result<std::unique_ptr<Newsroom>> create(Services services,
                                                    const std::filesystem::path& dir,
                                                    OriginOf origin_of,
                                                    std::vector<std::string> trusted_proxies);
    ~Newsroom();

    /// Whether the request is the newsroom's: its path is /newsroom or below.
    static bool owns(const http::Request& request);
    /// Whether a request may carry a picture upload's body (far larger than a form's): a POST
    /// of a story's picture form, /newsroom/articles/ID/picture, with a cookie shaped like a
    /// session's (it is checked when the request is answered, after its body is read).
    static bool takes_upload(const http::RequestHead& head);
    /// Answers a request owns() is true of.
    http::Response handle(const http::Request& request);

  private:
    struct Impl;
    explicit Newsroom(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace dateline::newsroom
