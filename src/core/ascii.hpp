#pragma once

#include <string>
#include <string_view>

namespace dateline {

// ASCII case, as protocols and formats spell their words (field names, schemes, media types,
// language tags, e-mail addresses): only A-Z and a-z change or compare as one, whatever the
// locale, and every other byte (UTF-8 included) stays as it is.

/// `c` lowercased if it is A-Z.
constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `text` with A-Z made a-z.
std::string ascii_lowercase(std::string_view text);
/// `out` becomes `text` with A-Z made a-z, in the room it has.
void assign_lowercase(std::string& out, std::string_view text);

/// True when `a` and `b` are the same but for ASCII case.
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

/// True when `text` begins with `prefix`, but for ASCII case.
bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix);

/// True when `text` holds `word`, but for ASCII case.
bool contains_ignoring_ascii_case(std::string_view text, std::string_view word);

}  // namespace dateline
