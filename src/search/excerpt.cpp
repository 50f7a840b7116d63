#include "search/excerpt.hpp"

#include <algorithm>
#include <set>

#include "core/utf8.hpp"
#include "search/analyzer.hpp"

namespace dateline::search {

namespace {

constexpr std::string_view ellipsis = "\xE2\x80\xA6";

bool is_marked(const Word& word, const std::vector<std::string>& terms) {
    return std::find(terms.begin(), terms.end(), word.term) != terms.end();
}

// Fragments of text[from, to), given its words (all of them, in order).
std::vector<Fragment> fragments(std::string_view text, const std::vector<Word>& words,
                                const std::vector<std::string>& terms, std::size_t from,
                                std::size_t to) {
    std::vector<Fragment> out;
    const auto plain = [&](std::size_t a, std::size_t b) {
        if (b <= a) return;
        if (!out.empty() && !out.back().marked)
            out.back().text.append(text.substr(a, b - a));
        else
            out.push_back({std::string(text.substr(a, b - a)), false});
    };
    std::size_t at = from;
    for (const auto& w : words) {
        if (w.offset < from || w.offset + w.length > to || !is_marked(w, terms)) continue;
        plain(at, w.offset);
        out.push_back({std::string(text.substr(w.offset, w.length)), true});
        at = w.offset + w.length;
    }
    plain(at, to);
    return out;
}

}  // namespace

std::vector<Fragment> highlight(std::string_view text, std::string_view language,
                                const std::vector<std::string>& terms) {
    return fragments(text, words(text, language), terms, 0, text.size());
}

std::vector<Fragment> excerpt(std::string_view text, std::string_view language,
                              const std::vector<std::string>& terms, std::size_t max_chars) {
    const auto all = words(text, language);
    if (all.empty() || count_code_points(text) <= max_chars)
        return fragments(text, all, terms, 0, text.size());
    // The passage starts at a word; it takes the words that fit. Of the starts at a marked word
    // (and the text's beginning), the one whose passage holds the most terms wins: the earliest
    // among equals.
    const auto passage_end = [&](std::size_t first) {
        std::size_t last = first;
        while (last + 1 < all.size() &&
               count_code_points(text.substr(
                   all[first].offset,
                   all[last + 1].offset + all[last + 1].length - all[first].offset)) <= max_chars)
            ++last;
        return last;
    };
    std::size_t best_first = 0;
    std::size_t best_last = passage_end(0);
    std::size_t best_count = 0;
    {
        std::set<std::string_view> seen;
        for (std::size_t i = 0; i <= best_last; ++i)
            if (is_marked(all[i], terms)) seen.insert(all[i].term);
        best_count = seen.size();
    }
    for (std::size_t first = 0; first < all.size(); ++first) {
        if (!is_marked(all[first], terms)) continue;
        // A few words before the first mark give it its context.
        const std::size_t start = first >= 3 ? first - 3 : 0;
        const std::size_t last = passage_end(start);
        std::set<std::string_view> seen;
        for (std::size_t i = start; i <= last; ++i)
            if (is_marked(all[i], terms)) seen.insert(all[i].term);
        if (seen.size() > best_count) {
            best_first = start;
            best_last = last;
            best_count = seen.size();
        }
        if (best_count == terms.size()) break;
    }
    const std::size_t from = best_first == 0 ? 0 : all[best_first].offset;
    const std::size_t to = all[best_last].offset + all[best_last].length;
    auto out = fragments(text, all, terms, from, to);
    if (from > 0) out.insert(out.begin(), Fragment{std::string(ellipsis) + " ", false});
    if (to < text.size() && text.find_first_not_of(" \t\r\n.", to) != std::string_view::npos)
        out.push_back({std::string(" ") + std::string(ellipsis), false});
    return out;
}

}  // namespace dateline::search
