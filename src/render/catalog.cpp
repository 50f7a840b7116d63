#include "render/catalog.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

namespace dateline::render {

namespace json = boost::json;

namespace {
constexpr std::string_view reference_language = "en";
}

Result<Catalog> Catalog::load(const std::filesystem::path& dir) {
    Catalog catalog;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        boost::system::error_code parse_error;
        const json::value v = json::parse(buffer.str(), parse_error);
        if (parse_error || !v.is_object())
            return Error::invalid(entry.path().string() + " is not a JSON object of strings.");
        Strings strings;
        for (const auto& [key, value] : v.get_object()) {
            if (!value.is_string())
                return Error::invalid(entry.path().string() + ": \"" + std::string(key) +
                                      "\" is not a string.");
            strings.emplace(std::string(key), std::string(value.get_string()));
        }
        catalog.languages_.emplace(entry.path().stem().string(), std::move(strings));
    }
    if (ec) return Error::invalid("The theme's i18n folder " + dir.string() + " cannot be read.");
    const auto reference = catalog.languages_.find(reference_language);
    if (reference == catalog.languages_.end())
        return Error::invalid("The theme has no English strings (" + dir.string() + "/en.json).");
    for (const auto& [language, strings] : catalog.languages_)
        for (const auto& [key, text] : reference->second)
            if (!strings.contains(key))
                return Error::invalid("The theme's " + language + " strings lack \"" + key + "\".");
    return catalog;
}

const Catalog::Strings& Catalog::strings(std::string_view language) const {
    auto it = languages_.find(language);
    if (it == languages_.end()) it = languages_.find(reference_language);
    return it->second;
}

std::string Catalog::text(std::string_view language, std::string_view key) const {
    const auto& s = strings(language);
    const auto it = s.find(key);
    return it != s.end() ? it->second : std::string(key);
}

std::string Catalog::format(
    std::string_view language, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
    std::string out = text(language, key);
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (auto at = out.find(placeholder); at != std::string::npos;
             at = out.find(placeholder, at + value.size()))
            out.replace(at, placeholder.size(), value);
    }
    return out;
}

bool Catalog::has_language(std::string_view language) const {
    return languages_.contains(language);
}

}  // namespace dateline::render
