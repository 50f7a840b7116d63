#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "render/dictionary.hpp"

namespace ctemplate {
class TemplateCache;
}  // namespace ctemplate

namespace dateline::render {

/// A theme's templates (Google ctemplate, escaping by context through each template's
/// AUTOESCAPE pragma), read and checked once when the engine is created: a broken template fails
/// at start, never on a request. Each thread that expands parses its own frozen copy on first
/// use, because ctemplate takes its cache's locks for every included template it expands: with
/// one copy, the threads rendering pages queued for those locks (futex waits were a tenth of an
/// uncached page's time over HTTP).
class TemplateEngine {
  public:
    /// Loads every `*.tpl` under `templates_dir` (recursively) and requires `required` among them.
    /// Every template must begin with `{{%AUTOESCAPE context="HTML"}}`, and only the variables in
    /// `raw_allowed` may carry the `:none` modifier.
    static Result<std::unique_ptr<TemplateEngine>> load(
        const std::filesystem::path& templates_dir, const std::vector<std::string>& required,
        const std::vector<std::string>& raw_allowed = {});
    ~TemplateEngine();
    TemplateEngine(const TemplateEngine&) = delete;
    TemplateEngine& operator=(const TemplateEngine&) = delete;

    /// Expands a loaded template (its path relative to the templates folder) with `dictionary`.
    /// Returns false only for a template that was not loaded.
    bool expand(const std::string& name, const Dictionary& dictionary, std::string& out) const;

  private:
    /// Each template's name and text, as read and checked at load.
    using Texts = std::vector<std::pair<std::string, std::string>>;

    explicit TemplateEngine(Texts texts);
    /// A frozen cache of every template, parsed from the texts; nullptr when one does not parse.
    std::unique_ptr<ctemplate::TemplateCache> parse() const;
    const ctemplate::TemplateCache* cache_of_this_thread() const;

    Texts texts_;
    /// Alive as long as the engine: a thread's copy made for an engine since destroyed (perhaps
    /// at the same address as a new one) is known by it and dropped.
    std::shared_ptr<const int> alive_;
};

}  // namespace dateline::render
