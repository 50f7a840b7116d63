#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace ctemplate {
class TemplateCache;
class TemplateDictionary;
}  // namespace ctemplate

namespace dateline::render {

/// A theme's templates (Google ctemplate, escaping by context through each template's
/// AUTOESCAPE pragma), parsed once when the engine is created and frozen: a broken template
/// fails at start, never on a request, and expansion takes no locks.
class TemplateEngine {
  public:
    /// Loads every `*.tpl` under `templates_dir` (recursively) and requires `required` among them.
    /// Every template must begin with `{{%AUTOESCAPE context="HTML"}}`, and only the variables in
    /// `raw_allowed` may carry the `:none` modifier.
    static Result<std::unique_ptr<TemplateEngine>> load(
        const std::filesystem::path& templates_dir, const std::vector<std::string>& required,
        const std::vector<std::string>& raw_allowed = {});
    ~TemplateEngine();

    /// Expands a loaded template (its path relative to the templates folder) with `dictionary`.
    /// Returns false only for a template that was not loaded.
    bool expand(const std::string& name, const ctemplate::TemplateDictionary& dictionary,
                std::string& out) const;

  private:
    TemplateEngine();
    std::unique_ptr<ctemplate::TemplateCache> cache_;
};

}  // namespace dateline::render
