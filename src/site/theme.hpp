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
#include "site/kept_by_story.hpp"

namespace dateline::site {

/// The publisher's logo a theme offers (`assets/img/logo.png`), for search engines.
struct Logo {
    std::string path;  ///< below the assets' address: "img/logo.png"
    int width = 0;
    int height = 0;
};

/// A story card's template, which every theme has (page_view.hpp's add_card).
inline constexpr const char* card_template = "partials/card.tpl";

/// A story page's own parts, which every theme has (pages/article.cpp): what the page shows of
/// the story alone around its body, which the kept story holds already. Its translations,
/// comments and related news sit between and after them.
inline constexpr const char* story_heading_template = "partials/story-heading.tpl";
inline constexpr const char* story_meta_template = "partials/story-meta.tpl";
inline constexpr const char* story_figure_template = "partials/story-figure.tpl";
inline constexpr const char* story_footer_template = "partials/story-footer.tpl";

/// Story cards' HTML, by the card it was written from (page_view.hpp's add_card).
using KeptCards = KeptByStory<std::string>;

/// What a story page wrote of the story alone: its parts' HTML and its structured data.
struct StoryParts {
    std::string heading;                       ///< story_heading_template's
    std::string meta;                          ///< story_meta_template's
    std::string figure;                        ///< story_figure_template's
    std::string footer;                        ///< story_footer_template's
    std::vector<std::string> structured_data;  ///< JSON-LD, in the page's order
};
/// Story pages' parts, by the story (app::KeptStory) they were written from.
using KeptStoryParts = KeptByStory<std::shared_ptr<const StoryParts>>;

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
    /// Story pages' parts as these templates wrote them; none when a part reads a value of the
    /// page rather than of its story and site, as for cards.
    std::unique_ptr<KeptStoryParts> stories;
};

/// Loads and checks a theme folder (templates/, i18n/, assets/); every template the reader site
/// needs must be there and parse.
Result<Theme> load_theme(const std::filesystem::path& theme_dir);

}  // namespace dateline::site
