#include "render/catalog.hpp"

#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <boost/json.hpp>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "render/date_formatter.hpp"

namespace dateline::render {

namespace json = boost::json;

namespace {

// Strings that count something are ICU MessageFormat patterns with a plural argument.
bool counts(std::string_view text) {
    return text.find(", plural,") != std::string_view::npos;
}

std::unique_ptr<icu::MessageFormat> message_format(std::string_view pattern,
                                                   const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    auto format = std::make_unique<icu::MessageFormat>(
        icu::UnicodeString::fromUTF8(
            icu::StringPiece(pattern.data(), static_cast<std::int32_t>(pattern.size()))),
        icu::Locale(locale.c_str()), status);
    if (U_FAILURE(status)) return nullptr;
    return format;
}

}  // namespace

struct Catalog::CountMemo {
    static constexpr std::size_t max_entries = 4096;
    std::mutex mutex;
    std::map<std::string, std::string, std::less<>> results;
};

Result<Catalog> Catalog::load(const std::filesystem::path& dir) {
    Catalog catalog;
    catalog.memo_ = std::make_shared<CountMemo>();
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
            if (counts(value.get_string()) &&
                !message_format(value.get_string(), entry.path().stem().string()))
                return Error::invalid(entry.path().string() + ": \"" + std::string(key) +
                                      "\" is not a valid ICU plural pattern.");
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
                return Error::invalid(std::string("The theme's ")
                                          .append(language)
                                          .append(" strings lack \"")
                                          .append(key)
                                          .append("\"."));
    for (const auto& [language, strings] : catalog.languages_) {
        auto& values = catalog.template_values_[language];
        for (const auto& [key, text] : strings) {
            std::string name = "T_";
            for (const char c : key)
                name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            values.set(Name::of(name), text);
        }
    }
    return catalog;
}

const Catalog::Strings& Catalog::strings(std::string_view language) const {
    auto it = languages_.find(language);
    if (it == languages_.end()) it = languages_.find(reference_language);
    return it->second;
}

const SharedValues& Catalog::template_values(std::string_view language) const {
    auto it = template_values_.find(language);
    if (it == template_values_.end()) it = template_values_.find(reference_language);
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

std::string Catalog::count(std::string_view language, std::string_view key, std::string_view name,
                           long long n, bool arabic_indic_digits) const {
    if (!memo_) return count_uncached(language, key, name, n, arabic_indic_digits);
    const std::string memo_key = std::string(language) + '\n' + std::string(key) + '\n' +
                                 std::string(name) + '\n' + std::to_string(n) +
                                 (arabic_indic_digits ? "\na" : "\nl");
    {
        std::lock_guard lock(memo_->mutex);
        if (const auto it = memo_->results.find(memo_key); it != memo_->results.end())
            return it->second;
    }
    std::string out = count_uncached(language, key, name, n, arabic_indic_digits);
    std::lock_guard lock(memo_->mutex);
    if (memo_->results.size() >= CountMemo::max_entries) memo_->results.clear();
    memo_->results.emplace(memo_key, out);
    return out;
}

std::string Catalog::count_uncached(std::string_view language, std::string_view key,
                                    std::string_view name, long long n,
                                    bool arabic_indic_digits) const {
    std::string pattern = text(language, key);
    if (!counts(pattern))
        return format(language, key, {{name, format_integer(n, arabic_indic_digits)}});
    const std::string locale =
        std::string(language) + (arabic_indic_digits ? "@numbers=arab" : "@numbers=latn");
    const auto message = message_format(pattern, locale);
    if (!message) return pattern;
    const icu::UnicodeString names[] = {icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())))};
    const icu::Formattable values[] = {icu::Formattable(static_cast<int64_t>(n))};
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString result;
    message->format(names, values, 1, result, status);
    if (U_FAILURE(status)) return pattern;
    std::string out;
    result.toUTF8String(out);
    return out;
}

std::vector<std::string> Catalog::languages() const {
    std::vector<std::string> out;
    out.reserve(languages_.size());
    for (const auto& [language, strings] : languages_) out.push_back(language);
    return out;
}

bool Catalog::has_language(std::string_view language) const {
    return languages_.contains(language);
}

}  // namespace dateline::render
