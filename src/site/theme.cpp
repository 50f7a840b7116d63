#include "site/theme.hpp"

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
                                                     "partials/comment-field.tpl"};

}  // namespace

Result<Theme> load_theme(const std::filesystem::path& dir) {
    // The article body is the only raw value: the sanitizer made it.
    auto templates = render::TemplateEngine::load(dir / "templates", required_templates, {"BODY"});
    if (!templates) return templates.error();
    auto catalog = render::Catalog::load(dir / "i18n");
    if (!catalog) return catalog.error();
    return Theme{std::move(*templates), std::move(*catalog), dir / "assets"};
}

}  // namespace dateline::site
