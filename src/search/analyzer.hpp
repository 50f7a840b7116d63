#pragma once

// How text becomes search terms: the same analysis when a story is indexed and when a reader's
// query is read, so that the words of both meet. Words are found by ICU's word boundaries,
// folded (Unicode NFKC with case folding), and reduced to a stem by their language's rules:
// English by Snowball's English stemmer; Arabic by normalising its spellings (no diacritics or
// tatweel, one alef, yaa for alef maqsura, haa for taa marbuta, bare hamza carriers, Western
// digits) and removing the attached conjunctions, prepositions, article and common suffixes as
// Larkey's light10 stemmer does. Knows languages, not news.

#include <string>
#include <string_view>
#include <vector>

namespace dateline::search {

/// One word of a text and where it lies in it (bytes of the text as given), for highlighting.
struct Word {
    std::string term;  ///< the word as the index keeps it
    std::size_t offset = 0;
    std::size_t length = 0;
};

/// Which analysis made the terms an index holds: raised whenever a change to this module gives
/// a word another term, so that stories indexed before are indexed again.
inline constexpr int analysis_version = 1;

/// Longer "words" (runs of letters without a space, pasted codes) are not words readers search
/// for; they are left out, in stories and queries alike.
inline constexpr std::size_t max_term_bytes = 100;

/// The words of `text` in order, each with its term. `language` is a BCP 47 tag ("en", "ar");
/// a language without rules of its own gets folding alone. Invalid UTF-8 is read as U+FFFD.
std::vector<Word> words(std::string_view text, std::string_view language);

/// The terms of `text`, in order (what the index stores).
std::vector<std::string> terms(std::string_view text, std::string_view language);

/// How Arabic words are reduced: kept selectable so that the test set can compare them.
enum class ArabicStemming { Light10, Snowball, Light10ThenSnowball };
std::string arabic_term(std::string_view folded_word, ArabicStemming stemming);

}  // namespace dateline::search
