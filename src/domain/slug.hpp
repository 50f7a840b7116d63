#pragma once

#include <string>
#include <string_view>

namespace dateline::domain {

/// A URL slug from a headline or a name, in any script: lowercased, accents and Arabic diacritics
/// (harakat, tatweel) and apostrophes removed, letters and digits kept (Arabic stays Arabic), every
/// other run of characters turned into one '-', at most `max_chars` characters cut at a word
/// boundary. Returns an empty string when nothing usable remains.
std::string slugify(std::string_view text, std::size_t max_chars = 80);

/// True when `slug` is what slugify would leave unchanged (non-empty, no leading, trailing or
/// doubled '-', only lowercase letters, digits and '-').
bool is_valid_slug(std::string_view slug);

}  // namespace dateline::domain
