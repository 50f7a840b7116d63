#include "site/theme.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace dateline::site {

namespace {

const std::vector<std::string> required_templates = {"home.tpl",
                                                     "listing.tpl",
                                                     "article.tpl",
                                                     "error.tpl",
                                                     "partials/head.tpl",
                                                     "partials/header.tpl",
                                                     "partials/footer.tpl",
                                                     card_template,
                                                     "partials/pagination.tpl",
                                                     "partials/most-read.tpl",
                                                     "partials/comment-field.tpl",
                                                     story_heading_template,
                                                     story_meta_template,
                                                     story_figure_template,
                                                     story_footer_template,
                                                     "search.tpl"};

constexpr const char* logo_path = "img/logo.png";

// The size a PNG's header gives (its IHDR chunk, right after the signature); nothing for a file
// that is not a PNG.
std::optional<Logo> read_logo(const std::filesystem::path& assets) {
    std::ifstream in(assets / logo_path, std::ios::binary);
    unsigned char head[24] = {};
    if (!in.read(reinterpret_cast<char*>(head), sizeof head)) return std::nullopt;
    constexpr unsigned char signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (!std::equal(std::begin(signature), std::end(signature), head) ||
        std::string_view(reinterpret_cast<const char*>(head + 12), 4) != "IHDR")
        return std::nullopt;
    const auto big_endian = [&](int at) {
        return static_cast<int>((std::uint32_t{head[at]} << 24) |
                                (std::uint32_t{head[at + 1]} << 16) |
                                (std::uint32_t{head[at + 2]} << 8) | std::uint32_t{head[at + 3]});
    };
    const int width = big_endian(16);
    const int height = big_endian(20);
    if (width < 1 || height < 1) return std::nullopt;
    return Logo{logo_path, width, height};
}

// The site's template-global values (page_view.cpp's setup_page): the same on every page of a
// site, so what reads them alone may be kept.
const std::vector<render::Name> site_values = {"LANG",        "DIR",          "NUMBERING",
                                               "SITE_NAME",   "SITE_TAGLINE", "HOME_PATH",
                                               "ASSETS_PATH", "NETWORK_NAME"};

// Whether what `file` writes may be kept and given to other pages: it reads only `own` values
// and sections (those the program gives it), the site's and the theme's strings. The page's own
// (its title, canonical address, the year) would differ between the pages that show it.
bool can_be_kept(const render::TemplateEngine& templates, const render::Catalog& catalog,
                 const std::string& file, const std::vector<render::Name>& own) {
    const auto languages = catalog.languages();
    for (const render::Name name : templates.names_read(file)) {
        if (std::find(own.begin(), own.end(), name) != own.end()) continue;
        if (std::find(site_values.begin(), site_values.end(), name) != site_values.end()) continue;
        if (!languages.empty() && catalog.template_values(languages.front()).find(name)) continue;
        spdlog::info(
            "the theme's {} reads values of the page that shows it: it is written again on every "
            "page",
            file);
        return false;
    }
    return true;
}

bool card_can_be_kept(const render::TemplateEngine& templates, const render::Catalog& catalog) {
    return can_be_kept(templates, catalog, card_template,
                       {"URL",
                        "HEADLINE",
                        "DATE_ISO",
                        "DATE_SHORT",
                        "CLOCK",
                        "H2",
                        "H3",
                        "LEAD",
                        "SECTION",
                        "SECTION_URL",
                        "SECTION_NAME",
                        "STANDFIRST",
                        "STANDFIRST_TEXT",
                        "IMAGE",
                        "IMAGE_URL",
                        "IMAGE_SRCSET",
                        "WEBP",
                        "IMAGE_WEBP_SRCSET",
                        "IMAGE_SIZES",
                        "IMAGE_WIDTH",
                        "IMAGE_HEIGHT",
                        "IMAGE_LOADING",
                        "URGENT"});
}

// The values and sections pages/article.cpp gives each part of a story's page.
bool story_parts_can_be_kept(const render::TemplateEngine& templates,
                             const render::Catalog& catalog) {
    return can_be_kept(templates, catalog, story_heading_template,
                       {"SECTION", "SECTION_URL", "SECTION_NAME", "HEADLINE", "STANDFIRST",
                        "STANDFIRST_TEXT"}) &&
           can_be_kept(
               templates, catalog, story_meta_template,
               {"BYLINE", "AUTHOR", "AUTHOR_URL", "AUTHOR_NAME", "AUTHOR_SEPARATOR",
                "PUBLISHED_ISO", "PUBLISHED_WHEN", "UPDATED", "UPDATED_ISO", "UPDATED_WHEN"}) &&
           can_be_kept(templates, catalog, story_figure_template,
                       {"FIGURE", "WEBP", "IMAGE_WEBP_SRCSET", "IMAGE_SIZES", "IMAGE_URL",
                        "IMAGE_SRCSET", "IMAGE_WIDTH", "IMAGE_HEIGHT", "IMAGE_ALT", "CAPTION",
                        "CAPTION_TEXT", "CREDIT", "CREDIT_TEXT"}) &&
           can_be_kept(templates, catalog, story_footer_template,
                       {"NOTES", "NOTE", "NOTE_KIND", "NOTE_KIND_LABEL", "NOTE_ISO", "NOTE_DATE",
                        "NOTE_TEXT", "SOURCE", "SOURCE_TEXT", "TAGS", "TAG", "TAG_URL", "TAG_NAME",
                        "SHARE", "SHARE_LINK", "SHARE_URL", "SHARE_NETWORK", "SHARE_NAME"});
}

}  // namespace

Result<Theme> load_theme(const std::filesystem::path& dir) {
    // The article body is the only raw HTML (the sanitizer made it); structured data is JSON
    // written to be safe in its script element (structured_data.hpp); a share link is an
    // address made of percent-encoded parts with its ampersands escaped (pages/article.cpp),
    // raw because ctemplate turns any `mailto:` address into "#".
    auto templates = render::TemplateEngine::load(dir / "templates", required_templates,
                                                  {"BODY", "STRUCTURED_DATA_JSON", "SHARE_URL"});
    if (!templates) return templates.error();
    auto catalog = render::Catalog::load(dir / "i18n");
    if (!catalog) return catalog.error();
    // As many as app::KeptStories and app::StoryCards keep by default, and then some: the
    // stories they hold are found, the others are let go first.
    constexpr std::size_t kept_cards = 8192;
    constexpr std::size_t kept_story_parts = 1024;
    auto cards =
        card_can_be_kept(**templates, *catalog) ? std::make_unique<KeptCards>(kept_cards) : nullptr;
    auto stories = story_parts_can_be_kept(**templates, *catalog)
                       ? std::make_unique<KeptStoryParts>(kept_story_parts)
                       : nullptr;
    return Theme{std::move(*templates),     std::move(*catalog), dir / "assets",
                 read_logo(dir / "assets"), std::move(cards),    std::move(stories)};
}

}  // namespace dateline::site
