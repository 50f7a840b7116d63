#pragma once

// What a text is about, as terms: the words that tell one story from another, for finding
// related stories. The same analysis as the index's (analyzer.hpp), less the words every story
// has (the language's function words, "said") and numbers.

#include <string>
#include <string_view>
#include <vector>

namespace dateline::search {

/// The key terms of `text` in `language`, once each, in the order they come.
std::vector<std::string> key_terms(std::string_view text, std::string_view language);

}  // namespace dateline::search
