#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "render/dictionary.hpp"

namespace dateline::render {

/// A theme's templates, read and checked once when the engine is created: a broken template
/// fails at start, never on a request. Google ctemplate parses each one and chooses, through its
/// AUTOESCAPE pragma, how each variable is escaped by its context; the engine keeps that parse,
/// immutable, and expands it itself: ctemplate's own expansion wrote escaped values a byte at a
/// time through virtual calls, hashed every name on every lookup and took locks for each
/// included template, a fifth of an article page's render. Any number of threads may expand at
/// once.
class TemplateEngine {
  public:
    /// Loads every `*.tpl` under `templates_dir` (recursively) and requires `required` among them.
    /// Every template must begin with `{{%AUTOESCAPE context="HTML"}}`, and only the variables in
    /// `raw_allowed` may carry the `:none` modifier. A variable that ctemplate escapes in a way
    /// the engine does not write (`render/template_escapes.hpp` lists what it writes) fails the
    /// load and is named.
    static Result<std::unique_ptr<TemplateEngine>> load(
        const std::filesystem::path& templates_dir, const std::vector<std::string>& required,
        const std::vector<std::string>& raw_allowed = {});
    ~TemplateEngine();
    TemplateEngine(const TemplateEngine&) = delete;
    TemplateEngine& operator=(const TemplateEngine&) = delete;

    /// Expands a loaded template (its path relative to the templates folder) with `dictionary`.
    /// Returns false for a template that was not loaded, or one that includes a template that
    /// was not loaded (its place is then left empty).
    bool expand(const std::string& name, const Dictionary& dictionary, std::string& out) const;

    /// Every name a loaded template reads (its variables, sections and includes), nothing for
    /// one not loaded: what its expansion can depend on besides its text.
    std::vector<Name> names_read(const std::string& name) const;

  private:
    struct Template;

    explicit TemplateEngine(std::vector<std::unique_ptr<Template>> templates);
    bool expand(const Template& what, std::size_t begin, std::size_t end,
                const Dictionary& dictionary, bool last, std::string& out) const;

    std::vector<std::unique_ptr<Template>> templates_;
    std::unordered_map<std::string_view, const Template*> by_name_;
};

}  // namespace dateline::render
