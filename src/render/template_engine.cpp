#include "render/template_engine.hpp"

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace dateline::render {

namespace {

constexpr std::string_view autoescape_pragma = "{{%AUTOESCAPE context=\"HTML\"}}";
constexpr std::string_view raw_modifier = ":none}}";

// Escaping is what keeps readers safe from what writers and agencies send: a template must turn
// on contextual escaping, and may switch it off only for the variables the program sanitized.
Status check_escaping(const std::filesystem::path& file, const std::string& text,
                      const std::vector<std::string>& raw_allowed) {
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

Result<std::string> read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) return Error::invalid("The template " + file.string() + " cannot be read.");
    return buffer.str();
}

// One engine's copy on one thread.
struct ThreadCopy {
    const TemplateEngine* engine;
    std::weak_ptr<const int> alive;
    std::unique_ptr<ctemplate::TemplateCache> cache;
};

}  // namespace

TemplateEngine::TemplateEngine(Texts texts)
    : texts_(std::move(texts)), alive_(std::make_shared<const int>(0)) {}
TemplateEngine::~TemplateEngine() = default;

std::unique_ptr<ctemplate::TemplateCache> TemplateEngine::parse() const {
    auto cache = std::make_unique<ctemplate::TemplateCache>();
    for (const auto& [name, text] : texts_)
        if (!cache->StringToTemplateCache(name, text, ctemplate::STRIP_BLANK_LINES)) return nullptr;
    cache->Freeze();
    return cache;
}

Result<std::unique_ptr<TemplateEngine>> TemplateEngine::load(
    const std::filesystem::path& dir, const std::vector<std::string>& required,
    const std::vector<std::string>& raw_allowed) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return Error::invalid("The theme's templates folder " + dir.string() + " does not exist.");
    Texts texts;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".tpl") continue;
        auto text = read_file(entry.path());
        if (!text) return text.error();
        if (auto safe = check_escaping(entry.path(), *text, raw_allowed); !safe)
            return safe.error();
        // Parsed alone first, so that a syntax error names its file.
        ctemplate::TemplateCache check;
        if (!check.StringToTemplateCache(entry.path().lexically_relative(dir).string(), *text,
                                         ctemplate::STRIP_BLANK_LINES))
            return Error::invalid("The template " + entry.path().string() +
                                  " has a syntax error (see the log above).");
        texts.emplace_back(entry.path().lexically_relative(dir).string(), std::move(*text));
    }
    for (const auto& name : required)
        if (std::none_of(texts.begin(), texts.end(),
                         [&](const auto& loaded) { return loaded.first == name; }))
            return Error::invalid("The theme lacks the template " + name + ".");
    return std::unique_ptr<TemplateEngine>(new TemplateEngine(std::move(texts)));
}

const ctemplate::TemplateCache* TemplateEngine::cache_of_this_thread() const {
    thread_local std::vector<ThreadCopy> copies;
    for (const auto& copy : copies)
        if (copy.engine == this && !copy.alive.expired()) return copy.cache.get();
    std::erase_if(copies, [](const ThreadCopy& copy) { return copy.alive.expired(); });
    // Every text parsed at load, so this parses too.
    copies.push_back({this, alive_, parse()});
    return copies.back().cache.get();
}

bool TemplateEngine::expand(const std::string& name, const Dictionary& dictionary,
                            std::string& out) const {
    const auto* cache = cache_of_this_thread();
    return cache &&
           cache->ExpandNoLoad(name, ctemplate::STRIP_BLANK_LINES, &dictionary, nullptr, &out);
}

}  // namespace dateline::render
