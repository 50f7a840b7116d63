#pragma once

#include "app/front_page_service.hpp"
#include "app/reader_service.hpp"
#include "http/router.hpp"
#include "newsroom/screens.hpp"

namespace dateline::newsroom {

/// The top stories of a site's home page at /newsroom/front?site=SLUG, for the people who
/// publish on it: the chosen stories in order (the lead first), each moved up or down or taken
/// off, and the site's latest stories, each put at the top with one press
/// (app::FrontPageService); and the site's breaking-news banner, put up for one of those stories
/// for some hours, or taken down. `refused` names the catalog's message for a refused change.
class FrontScreen {
  public:
    FrontScreen(const Screens& screens, app::FrontPageService& front, app::ReaderService& reader)
        : screens_(screens), front_(front), reader_(reader) {}

    void add_routes(http::Router<Visit>& routes);

    /// How many of the site's latest stories the screen offers to put at the top.
    static constexpr int offered = 20;

  private:
    http::Response show(Visit& v, const app::ActiveSession& session, std::string_view site_slug,
                        int status, const std::string& refused = {});
    // The site's banner, if up, and the form that puts one up.
    void add_banner(Visit& v, render::Dictionary& dict, const domain::Site& site,
                    const std::vector<app::Card>& latest);
    http::Response change(Visit& v, std::string_view site_slug);

    const Screens& screens_;
    app::FrontPageService& front_;
    app::ReaderService& reader_;
};

}  // namespace dateline::newsroom
