#pragma once

#include "app/audit_service.hpp"
#include "app/reader_service.hpp"
#include "http/router.hpp"
#include "newsroom/screens.hpp"

namespace dateline::newsroom {

/// The audit log's screen at /newsroom/audit, for admins: who did what, to what, when, newest
/// first, a page at a time, filtered by site.
class AuditScreen {
  public:
    AuditScreen(const Screens& screens, app::AuditService& audit, app::ReaderService& reader)
        : screens_(screens), audit_(audit), reader_(reader) {}

    void add_routes(http::Router<Visit>& routes);

  private:
    http::Response show(Visit& v);

    const Screens& screens_;
    app::AuditService& audit_;
    app::ReaderService& reader_;
};

}  // namespace dateline::newsroom
