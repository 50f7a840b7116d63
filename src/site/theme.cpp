#include "site/theme.hpp"

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
                                                     "partials/card.tpl",
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
    return Theme{std::move(*templates), std::move(*catalog), dir / "assets",
                 read_logo(dir / "assets")};
}

}  // namespace dateline::site
