#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <span>

#include "app/reader_service.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "http/static_files.hpp"
#include "render/catalog.hpp"
#include "render/date_formatter.hpp"
#include "render/template_engine.hpp"

namespace dateline::site {

/// The theme a reader site renders with: its templates, strings and assets folder.
struct Theme {
    std::unique_ptr<render::TemplateEngine> templates;
    render::Catalog catalog;
    std::filesystem::path assets_dir;
};

/// Loads and checks a theme folder (templates/, i18n/, assets/); every template the reader site
/// needs must be there and parse.
Result<Theme> load_theme(const std::filesystem::path& theme_dir);

/// The reader-facing sites of the network: home, section, tag and article pages per site,
/// matched by host and path prefix of each site's base URL, plus theme assets (/assets/),
/// stored images (/media/) and /healthz.
class ReaderSite {
  public:
    /// Fails when a site's time zone or language cannot be formatted.
    static Result<std::unique_ptr<ReaderSite>> create(app::ReaderService& reader,
                                                      app::NetworkDirectory directory, Theme theme,
                                                      const std::filesystem::path& media_dir);

    http::Response handle(const http::Request& request);

  private:
    ReaderSite(app::ReaderService& reader, app::NetworkDirectory directory, Theme theme,
               const std::filesystem::path& media_dir);

    struct PageContext;
    const domain::Site* match_site(const http::Request& request, std::size_t& consumed) const;
    http::Response route(const http::Request& request);
    http::Response site_page(const http::Request& request, const domain::Site& site,
                             std::span<const std::string> rest);
    http::Response home(const domain::Site& site);
    http::Response section(const domain::Site& site, const domain::Section& section, int page);
    http::Response tag(const domain::Site& site, const std::string& slug, int page);
    http::Response article(const domain::Site& site, const domain::Section* section,
                           const std::string& slug);
    http::Response listing(const domain::Site& site, const std::string& kind,
                           const std::string& title, const std::string& path,
                           std::string_view current_section, const app::ArticlePage& page);
    http::Response error_page(const domain::Site& site, int status);
    http::Response failure(const domain::Site& site, const Error& error);
    void setup(PageContext& page, std::string_view current_section);
    http::Response render(const PageContext& page, const std::string& template_name, int status);

    app::ReaderService& reader_;
    app::NetworkDirectory directory_;
    Theme theme_;
    http::StaticFiles assets_;
    http::StaticFiles media_;
    std::map<domain::Id, render::DateFormatter> formatters_;
};

}  // namespace dateline::site
