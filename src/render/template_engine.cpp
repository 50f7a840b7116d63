#include "render/template_engine.hpp"

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace dateline::render {

TemplateEngine::TemplateEngine() : cache_(std::make_unique<ctemplate::TemplateCache>()) {}
TemplateEngine::~TemplateEngine() = default;

namespace {

constexpr std::string_view autoescape_pragma = "{{%AUTOESCAPE context=\"HTML\"}}";
constexpr std::string_view raw_modifier = ":none}}";

// Escaping is what keeps readers safe from what writers and agencies send: a template must turn
// on contextual escaping, and may switch it off only for the variables the program sanitized.
Status check_escaping(const std::filesystem::path& file,
                      const std::vector<std::string>& raw_allowed) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    if (text.rfind(autoescape_pragma, 0) != 0)
        return Error::invalid("The template " + file.string() + " must begin with " +
                              std::string(autoescape_pragma) + ".");
    for (auto at = text.find(raw_modifier); at != std::string::npos;
         at = text.find(raw_modifier, at + 1)) {
        const auto open = text.rfind("{{", at);
        const std::string variable = text.substr(open + 2, at - open - 2);
        if (std::find(raw_allowed.begin(), raw_allowed.end(), variable) == raw_allowed.end())
            return Error::invalid("The template " + file.string() + " turns escaping off for " +
                                  variable + "; only sanitized values may be emitted raw.");
    }
    return success();
}

}  // namespace

Result<std::unique_ptr<TemplateEngine>> TemplateEngine::load(
    const std::filesystem::path& dir, const std::vector<std::string>& required,
    const std::vector<std::string>& raw_allowed) {
    std::unique_ptr<TemplateEngine> engine(new TemplateEngine());
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return Error::invalid("The theme's templates folder " + dir.string() + " does not exist.");
    engine->cache_->SetTemplateRootDirectory(dir.string() + "/");
    std::vector<std::string> loaded;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".tpl") continue;
        const std::string name = entry.path().lexically_relative(dir).string();
        if (auto safe = check_escaping(entry.path(), raw_allowed); !safe) return safe.error();
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
