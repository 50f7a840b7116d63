#pragma once

#include <string>

namespace dateline::render {

/// A number in words in a language ("seven", "سبعة"), from ICU's spell-out rules; digits when
/// the language has none.
std::string spell_out(long number, const std::string& language);

}  // namespace dateline::render
