#pragma once

#include "app/reader_service.hpp"
#include "app/site_service.hpp"
#include "http/router.hpp"
#include "newsroom/screens.hpp"

namespace dateline::newsroom {

/// The sites' settings at /newsroom/sites, for admins: each site's comments (open or not,
/// closing after days, the fields' limits), changed with a form per site (app::SiteService).
class SiteScreen {
  public:
    SiteScreen(const Screens& screens, app::SiteService& sites, app::ReaderService& reader)
        : screens_(screens), sites_(sites), reader_(reader) {}

    void add_routes(http::Router<Visit>& routes);

  private:
    // A site's form that was refused: its slug, what it sent, and why.
    struct Refused {
        std::string slug;
        Form sent;
        Error error;
    };
    http::Response show(Visit& v, const app::ActiveSession& session, int status,
                        const Refused* refused = nullptr);
    http::Response save(Visit& v, std::string_view slug);

    const Screens& screens_;
    app::SiteService& sites_;
    app::ReaderService& reader_;
};

}  // namespace dateline::newsroom
