#include "search/query.hpp"

#include <algorithm>
#include <array>

#include "search/analyzer.hpp"

namespace dateline::search {

namespace {

constexpr std::array<std::string_view, 6> quotation_marks = {
    "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB"};
constexpr std::array<std::string_view, 2> minus_signs = {"-", "\xE2\x88\x92"};

// The mark of `marks` that `text` starts with, if any: its length in bytes.
template <std::size_t N>
std::size_t starts_with_one_of(std::string_view text,
                               const std::array<std::string_view, N>& marks) {
    for (const auto mark : marks)
        if (text.substr(0, mark.size()) == mark) return mark.size();
    return 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `text` cut to at most `bytes`, between words where it has a space to cut at (a word cut in
// two would be a word of its own that the reader never typed), else at a character's start.
std::string_view cut(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    for (std::size_t at = bytes; at > 0; --at)
        if (is_space(text[at])) return text.substr(0, at);
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return text.substr(0, bytes);
}

}  // namespace

std::vector<std::string> Query::marked_terms() const {
    std::vector<std::string> out;
    for (const auto& phrase : required)
        for (const auto& term : phrase)
            if (std::find(out.begin(), out.end(), term) == out.end()) out.push_back(term);
    return out;
}

Query parse_query(std::string_view whole, std::string_view language) {
    Query query;
    const std::string_view text = cut(whole, max_query_bytes);
    const auto add = [&](std::string_view part, bool excluded) {
        Phrase phrase = terms(part, language);
        if (phrase.empty()) return;
        auto& into = excluded ? query.excluded : query.required;
        if (query.required.size() + query.excluded.size() >= max_query_parts) return;
        if (std::find(into.begin(), into.end(), phrase) == into.end())
            into.push_back(std::move(phrase));
    };
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        bool excluded = false;
        if (const auto minus = starts_with_one_of(text.substr(i), minus_signs);
            minus > 0 && i + minus < text.size() && !is_space(text[i + minus])) {
            excluded = true;
            i += minus;
        }
        if (const auto open = starts_with_one_of(text.substr(i), quotation_marks); open > 0) {
            // A phrase runs to the next quotation mark of any kind, or to the end.
            const std::size_t start = i + open;
            std::size_t end = start;
            std::size_t close = 0;
            while (end < text.size() &&
                   (close = starts_with_one_of(text.substr(end), quotation_marks)) == 0)
                ++end;
            add(text.substr(start, end - start), excluded);
            i = end + close;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_space(text[end]) &&
               starts_with_one_of(text.substr(end), quotation_marks) == 0)
            ++end;
        add(text.substr(i, end - i), excluded);
        i = end;
    }
    return query;
}

}  // namespace dateline::search
