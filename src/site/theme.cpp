#include "site/theme.hpp"

#include <cctype>
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

std::string upper_key(std::string_view key) {
    std::string out = "T_";
    for (const char c : key) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

Result<Theme> load_theme(const std::filesystem::path& dir) {
    // The article body is the only raw value: the sanitizer made it.
    auto templates = render::TemplateEngine::load(dir / "templates", required_templates, {"BODY"});
    if (!templates) return templates.error();
    auto catalog = render::Catalog::load(dir / "i18n");
    if (!catalog) return catalog.error();
    Theme theme{std::move(*templates), std::move(*catalog), dir / "assets", {}};
    for (const auto& language : theme.catalog.languages()) {
        auto& strings = theme.template_strings[language];
        for (const auto& [key, text] : theme.catalog.strings(language))
            strings.push_back({TemplateName(upper_key(key)), text});
    }
    return theme;
}

const std::vector<TemplateString>& Theme::strings_for(std::string_view language) const {
    auto it = template_strings.find(language);
    if (it == template_strings.end())
        it = template_strings.find(render::Catalog::reference_language);
    return it->second;
}

}  // namespace dateline::site
