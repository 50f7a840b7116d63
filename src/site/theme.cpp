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

// What a card may read for its HTML to be kept: its own values and sections, the site's
// template-global ones (page_view.cpp's setup_page) and the theme's strings. The page's own
// (its title, canonical address, the year) would differ between the pages that show it.
bool card_can_be_kept(const render::TemplateEngine& templates, const render::Catalog& catalog) {
    static const std::vector<render::Name> readable = {"URL",
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
                                                       "URGENT",
                                                       "LANG",
                                                       "DIR",
                                                       "NUMBERING",
                                                       "SITE_NAME",
                                                       "SITE_TAGLINE",
                                                       "HOME_PATH",
                                                       "ASSETS_PATH",
                                                       "NETWORK_NAME"};
    const auto languages = catalog.languages();
    for (const render::Name name : templates.names_read(card_template)) {
        if (std::find(readable.begin(), readable.end(), name) != readable.end()) continue;
        if (!languages.empty() && catalog.template_values(languages.front()).find(name)) continue;
        return false;
    }
    return true;
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
    auto cards = card_can_be_kept(**templates, *catalog) ? std::make_unique<KeptCards>() : nullptr;
    if (!cards)
        spdlog::info(
            "the theme's {} reads values of the page that shows it: cards are written "
            "again on every page",
            card_template);
    return Theme{std::move(*templates), std::move(*catalog), dir / "assets",
                 read_logo(dir / "assets"), std::move(cards)};
}

}  // namespace dateline::site
