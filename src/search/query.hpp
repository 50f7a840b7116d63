#pragma once

// A reader's search as the index reads it: the words and quoted phrases every story found must
// hold, and those it must not, each reduced to terms by the same analysis as the stories
// (analyzer.hpp), so that "المكتبة" typed in a box finds "والمكتبة" in a story.

#include <string>
#include <string_view>
#include <vector>

namespace dateline::search {

/// A run of terms that must follow one another in a story; a phrase of one term is a word.
using Phrase = std::vector<std::string>;

struct Query {
    std::vector<Phrase> required;  ///< every story found holds each of them
    std::vector<Phrase> excluded;  ///< no story found holds any of them

    /// Nothing to look for: no word, or only words to leave out.
    bool empty() const { return required.empty(); }
    /// The terms of the required phrases, once each: what a result marks.
    std::vector<std::string> marked_terms() const;
};

/// What a query may hold: beyond them the rest is not read (search engines cut long queries
/// likewise), so that a query's cost stays bounded.
inline constexpr std::size_t max_query_bytes = 256;
inline constexpr std::size_t max_query_parts = 12;

/// Reads `text` in `language`: words separated by spaces; phrases in quotation marks (`"…"`,
/// `“…”`, `„…“`, `«…»`); a word or phrase written right after `-` is excluded. A word that the
/// analysis splits ("covid-19") is a phrase of its parts. Repeated parts count once.
Query parse_query(std::string_view text, std::string_view language);

}  // namespace dateline::search
