#pragma once

#include "app/reader_service.hpp"
#include "app/wire_desk.hpp"
#include "http/router.hpp"
#include "newsroom/screens.hpp"

namespace dateline::newsroom {

/// The wire queue at /newsroom/wires, for the people who write: what the agencies sent, newest
/// first, filtered by source, language, urgency and words of the headline; each item as the
/// agency sent it (its body sanitized), its other versions, and "Use", which makes a draft of
/// it on a site the person writes for, or opens the story made from it before. For admins, the
/// sources at /newsroom/wires/sources: each with its schedule and health, added (a folder or an
/// address to pull) and removed.
class WireScreen {
  public:
    WireScreen(const Screens& screens, app::WireDesk& wires, app::ReaderService& reader)
        : screens_(screens), wires_(wires), reader_(reader) {}

    void add_routes(http::Router<Visit>& routes);

  private:
    http::Response list(Visit& v);
    http::Response show(Visit& v, std::string_view id_text);
    http::Response use(Visit& v, std::string_view id_text);
    // The sources' screen; `refused` is an add the desk refused, shown again with its problem.
    struct RefusedSource {
        Form sent;
        Error error;
    };
    http::Response sources(Visit& v, const app::ActiveSession& session, int status,
                           const RefusedSource* refused = nullptr);
    // The POST of an admin's form, or the answer to give instead (sign-in, expired form, 403).
    std::variant<SignedPost, http::Response> admin_post(Visit& v);
    http::Response add_source(Visit& v);
    http::Response remove_source(Visit& v, std::string_view name);

    const Screens& screens_;
    app::WireDesk& wires_;
    app::ReaderService& reader_;
};

}  // namespace dateline::newsroom
