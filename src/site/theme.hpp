#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "render/catalog.hpp"
#include "render/template_engine.hpp"
#include "site/kept_cards.hpp"

namespace dateline::site {

/// The publisher's logo a theme offers (`assets/img/logo.png`), for search engines.
struct Logo {
    std::string path;  ///< below the assets' address: "img/logo.png"
    int width = 0;
    int height = 0;
};

/// A story card's template, which every theme has (page_view.hpp's add_card).
inline constexpr const char* card_template = "partials/card.tpl";

/// The theme a reader site renders with: its templates, strings and assets folder.
struct Theme {
    std::unique_ptr<render::TemplateEngine> templates;
    render::Catalog catalog;
    std::filesystem::path assets_dir;
    std::optional<Logo> logo;
    /// Story cards as these templates wrote them (KeptCards); none when the theme's card reads
    /// a value that differs between the pages that show it (the page's title, the year), so
    /// that its HTML cannot be kept.
    std::unique_ptr<KeptCards> cards;
};

/// Loads and checks a theme folder (templates/, i18n/, assets/); every template the reader site
/// needs must be there and parse.
Result<Theme> load_theme(const std::filesystem::path& theme_dir);

}  // namespace dateline::site
