#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "render/dictionary.hpp"

namespace dateline::render {

/// Interface strings of a theme in every language it ships (`i18n/<language>.json`, a flat
/// object of key to text). English is the reference: every other language must have the same
/// keys, checked when the catalog loads.
class Catalog {
  public:
    using Strings = std::map<std::string, std::string, std::less<>>;

    static Result<Catalog> load(const std::filesystem::path& i18n_dir);

    /// The strings for a language, falling back to English for a language the theme lacks.
    const Strings& strings(std::string_view language) const;
    /// The strings for a language as templates see them: `T_` and the key in capitals
    /// ("read_more" is `{{T_READ_MORE}}`), made once; English for a language the theme lacks.
    const SharedValues& template_values(std::string_view language) const;
    /// One string; the key itself when missing, so a gap shows instead of breaking the page.
    std::string text(std::string_view language, std::string_view key) const;
    /// One string with its placeholders filled: {{"count", "3"}} turns "{count}" into "3".
    std::string format(
        std::string_view language, std::string_view key,
        std::initializer_list<std::pair<std::string_view, std::string>> values) const;
    /// A string that counts something, in the language's plural forms: the string is an ICU
    /// MessageFormat pattern with a plural argument `name` ("{limit, plural, one {...} other
    /// {...}}", checked when the catalog loads), or a plain string with a "{name}" placeholder.
    /// Numbers come in Arabic-Indic digits when asked.
    std::string count(std::string_view language, std::string_view key, std::string_view name,
                      long long n, bool arabic_indic_digits) const;
    bool has_language(std::string_view language) const;
    /// The languages the theme ships.
    std::vector<std::string> languages() const;

    /// English: every other language must have its keys, and it stands in for a missing one.
    static constexpr std::string_view reference_language = "en";

  private:
    /// count() results: an ICU MessageFormat costs ~10 us to build, every uncached article asks
    /// for the same few, and they depend only on their arguments. Shared by copies, locked.
    struct CountMemo;
    std::string count_uncached(std::string_view language, std::string_view key,
                               std::string_view name, long long n, bool arabic_indic_digits) const;

    std::map<std::string, Strings, std::less<>> languages_;
    std::map<std::string, SharedValues, std::less<>> template_values_;
    std::shared_ptr<CountMemo> memo_;
};

}  // namespace dateline::render
