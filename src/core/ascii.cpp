#include "core/ascii.hpp"

#include <algorithm>

namespace dateline {

namespace {
bool same_ignoring_case(char a, char b) {
    return ascii_lower(a) == ascii_lower(b);
}
}  // namespace

std::string ascii_lowercase(std::string_view text) {
    std::string out;
    assign_lowercase(out, text);
    return out;
}

void assign_lowercase(std::string& out, std::string_view text) {
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(), ascii_lower);
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), same_ignoring_case);
}

bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           equals_ignoring_ascii_case(text.substr(0, prefix.size()), prefix);
}

bool contains_ignoring_ascii_case(std::string_view text, std::string_view word) {
    return std::search(text.begin(), text.end(), word.begin(), word.end(), same_ignoring_case) !=
           text.end();
}

}  // namespace dateline
