#pragma once

// What a search result shows of a story: its text with the words a reader searched for marked,
// and, from a long text, the passage that holds most of them. Plain text in, plain text out: the
// caller escapes the pieces and marks them in its own markup.

#include <string>
#include <string_view>
#include <vector>

namespace dateline::search {

/// A piece of text, marked when it is a word whose term was searched for.
struct Fragment {
    std::string text;
    bool marked = false;
};

/// `text` in fragments, the words whose terms are among `terms` (as Query::marked_terms gives
/// them) marked.
std::vector<Fragment> highlight(std::string_view text, std::string_view language,
                                const std::vector<std::string>& terms);

/// At most `max_chars` characters of `text` (cut between words), where the most of the terms
/// searched for are, highlighted; "…" where the passage cuts the text. A text holding none of
/// them gives its beginning.
std::vector<Fragment> excerpt(std::string_view text, std::string_view language,
                              const std::vector<std::string>& terms, std::size_t max_chars);

}  // namespace dateline::search
