#include "http/field_list.hpp"

#include <algorithm>
#include <cctype>

namespace dateline::http {

std::vector<std::string_view> list_elements(std::string_view value) {
    std::vector<std::string_view> out;
    while (true) {
        const auto comma = value.find(',');
        const std::string_view element = trim_whitespace(value.substr(0, comma));
        if (!element.empty()) out.push_back(element);
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
    }
    return out;
}

std::string_view trim_whitespace(std::string_view value) {
    const auto first = value.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return value.substr(first, value.find_last_not_of(" \t") - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace dateline::http
