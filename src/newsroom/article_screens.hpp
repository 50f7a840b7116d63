#pragma once

#include <variant>

#include "app/article_service.hpp"
#include "app/reader_service.hpp"
#include "app/user_service.hpp"
#include "app/wire_desk.hpp"
#include "http/router.hpp"
#include "newsroom/screens.hpp"
#include "render/date_formatter.hpp"

namespace dateline::newsroom {

/// The stories' screens below /newsroom/articles: the list with its filters, the editor (new
/// and existing stories, with a preview), the state actions, and the revisions (list, read,
/// restore). What an account may do is decided by app::ArticleService; these screens only
/// offer what it would allow and say, in the person's language, why it refused.
class ArticleScreens {
  public:
    ArticleScreens(const Screens& screens, app::ArticleService& articles,
                   app::ReaderService& reader, app::UserService& users, app::WireDesk& wires)
        : screens_(screens), articles_(articles), reader_(reader), users_(users), wires_(wires) {}

    void add_routes(http::Router<Visit>& routes);

  private:
    // The agency's embargo of a story made from the wires, and a version it sent since.
    void wire_notices(const Visit& v, render::Dictionary& dict, const domain::Site& site,
                      const domain::Article& a) const;
    void add_filters(render::Dictionary& dict, const domain::User& user,
                     const app::NetworkDirectory& sites, const std::string& section,
                     std::optional<domain::Id> author) const;
    struct Editing;
    // A story the account may read, with its site and the site's sections.
    struct Opened {
        domain::Article article;
        domain::Site site;
        std::vector<domain::Section> sections;
    };
    // A signed-in form's POST about a story the account may read, or the answer to give instead.
    struct StoryPost {
        SignedPost post;
        Opened story;
    };
    std::variant<StoryPost, http::Response> story_post(Visit& v, std::string_view id_text) const;
    static Editing editing(const app::ActiveSession& session, const Opened& opened);
    // What a story's form gets once the service has acted: 303 to the story saying `what` was
    // done, or the editor again with the problem (409, 422), or the refusal (403, 404).
    http::Response answer(Visit& v, const app::ActiveSession& session, const Opened& story,
                          const Result<domain::Article>& done, const std::string& what);
    // The story named by the address, or the answer to give instead (404, 403).
    std::variant<Opened, http::Response> open(Visit& v, const domain::User& user,
                                              std::string_view id_text) const;
    http::Response list(Visit& v);
    http::Response new_form(Visit& v);
    http::Response create(Visit& v);
    http::Response edit_form(Visit& v, std::string_view id);
    http::Response save(Visit& v, std::string_view id);
    http::Response act(Visit& v, std::string_view id);
    http::Response add_note(Visit& v, std::string_view id);
    http::Response picture(Visit& v, std::string_view id);
    http::Response translation(Visit& v, std::string_view id);
    http::Response revisions(Visit& v, std::string_view id);
    http::Response compare(Visit& v, std::string_view id);
    http::Response revision(Visit& v, std::string_view id, std::string_view number);
    http::Response restore(Visit& v, std::string_view id, std::string_view number);

    http::Response editor(Visit& v, int status, const Editing& editing) const;
    void add_notes(const Visit& v, render::Dictionary& dict, const Editing& editing,
                   const std::string& token) const;
    void add_translations(render::Dictionary& dict, const Editing& editing,
                          const std::string& token) const;
    http::Response refused(Visit& v, const Error& error) const;
    app::NetworkDirectory directory() const;
    std::string revision_line(const Visit& v, const storage::ArticleRevision& revision,
                              const render::DateFormatter& dates) const;

    const Screens& screens_;
    app::ArticleService& articles_;
    app::ReaderService& reader_;
    app::UserService& users_;
    app::WireDesk& wires_;
};

}  // namespace dateline::newsroom
