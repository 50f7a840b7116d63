#pragma once

// What every newsroom screen shares (internal to the newsroom module): the request as the
// newsroom sees it, the templates and strings, the session behind a request, and the answers.

#include "render/dictionary.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/session_service.hpp"
#include "http/browser_state.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"
#include "render/catalog.hpp"
#include "render/template_engine.hpp"

namespace dateline::newsroom {

/// One request as the newsroom sees it: who asks, in which language, over which origin.
struct Visit {
    const http::Request& http;
    std::string language;
    bool secure = false;
    std::vector<std::string> set_cookies;  ///< Set-Cookie values for the response

    http::CookieOptions cookie_options() const;
};

/// A form's fields, as sent (a name may come several times).
using Form = std::multimap<std::string, std::string>;
/// The first value of a field, or "".
std::string field(const Form& form, const std::string& name);

/// What a form sent: its text fields, and the files of a multipart/form-data form (views into
/// the request's body).
struct SentForm {
    Form fields;
    std::vector<http::FormPart> files;
};

/// A POST from a signed-in screen's form: its session, the session's token and the fields.
struct SignedPost {
    app::ActiveSession session;
    std::string token;
    Form form;
    std::vector<http::FormPart> files;
};

/// A whole positive number written in decimal (an id in an address or a form), or nothing.
std::optional<std::int64_t> positive_number(std::string_view text);

/// Options of a <select>: (value, label) pairs, `chosen` selected.
using Options = std::vector<std::pair<std::string, std::string>>;
void add_options(render::Dictionary& dict, render::Name section, const Options& options,
                 const std::string& chosen);

/// The name of the session cookie, shared with the sign-in screens.
inline constexpr const char* session_cookie = "dateline_session";

class Screens {
  public:
    Screens(app::SessionService& sessions, std::unique_ptr<render::TemplateEngine> templates,
            render::Catalog catalog)
        : sessions_(sessions), templates_(std::move(templates)), catalog_(std::move(catalog)) {}

    const render::Catalog& catalog() const { return catalog_; }
    /// The language's string for `key`.
    std::string text(const Visit& v, const std::string& key) const;

    /// A screen: the template with the language's strings, never stored by anyone.
    http::Response page(Visit& v, int status, const std::string& name, const std::string& title,
                        render::Dictionary& dict) const;
    /// A short page saying `text` under the title `title_key`.
    http::Response message(Visit& v, int status, const char* title_key,
                           const std::string& text) const;
    /// 303 to `to`, not stored.
    static http::Response redirect(const std::string& to);
    /// The 403 page of a POST without its form's token or from another site.
    http::Response expired_form(Visit& v) const;

    /// The session the request carries, if it is still good.
    std::optional<app::ActiveSession> signed_in(const Visit& v) const;
    /// The form token of the request's session, for the forms of a signed-in screen.
    static std::string form_token(const Visit& v);
    /// What a same-site POST's form sent, URL-encoded or multipart (a file upload); nothing for
    /// any other request or a malformed body.
    static std::optional<SentForm> form_of(const Visit& v);
    /// The POST, or the answer to give instead: sign-in without a session, the expired-form
    /// page without the session's form token or from another site.
    std::variant<SignedPost, http::Response> signed_post(Visit& v) const;

  private:
    app::SessionService& sessions_;
    std::unique_ptr<render::TemplateEngine> templates_;
    render::Catalog catalog_;
};

}  // namespace dateline::newsroom
