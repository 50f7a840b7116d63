#include "render/template_engine.hpp"

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <algorithm>

namespace dateline::render {

TemplateEngine::TemplateEngine() : cache_(std::make_unique<ctemplate::TemplateCache>()) {}
TemplateEngine::~TemplateEngine() = default;

Result<std::unique_ptr<TemplateEngine>> TemplateEngine::load(
    const std::filesystem::path& dir, const std::vector<std::string>& required) {
    std::unique_ptr<TemplateEngine> engine(new TemplateEngine());
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return Error::invalid("The theme's templates folder " + dir.string() + " does not exist.");
    engine->cache_->SetTemplateRootDirectory(dir.string() + "/");
    std::vector<std::string> loaded;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".tpl") continue;
        const std::string name = entry.path().lexically_relative(dir).string();
        if (!engine->cache_->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES))
            return Error::invalid("The template " + entry.path().string() +
                                  " has a syntax error (see the log above).");
        loaded.push_back(name);
    }
    for (const auto& name : required)
        if (std::find(loaded.begin(), loaded.end(), name) == loaded.end())
            return Error::invalid("The theme lacks the template " + name + ".");
    engine->cache_->Freeze();
    return engine;
}

bool TemplateEngine::expand(const std::string& name,
                            const ctemplate::TemplateDictionary& dictionary,
                            std::string& out) const {
    return cache_->ExpandNoLoad(name, ctemplate::STRIP_BLANK_LINES, &dictionary, nullptr, &out);
}

}  // namespace dateline::render
