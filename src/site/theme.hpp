#pragma once

#include <filesystem>
#include <memory>

#include "core/result.hpp"
#include "render/catalog.hpp"
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

}  // namespace dateline::site
