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
#include "site/template_names.hpp"

namespace dateline::site {

/// A catalog string as every page hands it to the templates: `T_` and its key in capitals.
struct TemplateString {
    TemplateName name;
    std::string text;
};

/// The publisher's logo a theme offers (`assets/img/logo.png`), for search engines.
struct Logo {
    std::string path;  ///< below the assets' address: "img/logo.png"
    int width = 0;
    int height = 0;
};

/// The theme a reader site renders with: its templates, strings and assets folder.
struct Theme {
    std::unique_ptr<render::TemplateEngine> templates;
    render::Catalog catalog;
    std::filesystem::path assets_dir;
    std::optional<Logo> logo;
    /// The catalog's strings per language (English for a language the theme lacks), named once.
    std::map<std::string, std::vector<TemplateString>, std::less<>> template_strings;

    const std::vector<TemplateString>& strings_for(std::string_view language) const;
};

/// Loads and checks a theme folder (templates/, i18n/, assets/); every template the reader site
/// needs must be there and parse.
Result<Theme> load_theme(const std::filesystem::path& theme_dir);

}  // namespace dateline::site
