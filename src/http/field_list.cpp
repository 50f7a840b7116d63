#include "http/field_list.hpp"

#include <algorithm>
#include <optional>

#include "core/ascii.hpp"

namespace dateline::http {

namespace {

// A weight "q=0.5" in thousandths; 1000 when absent, nothing when malformed.
std::optional<int> weight(std::string_view params) {
    int q = 1000;
    while (!params.empty()) {
        const auto semicolon = params.find(';');
        auto param = params.substr(0, semicolon);
        param.remove_prefix(std::min(param.size(), param.find_first_not_of(" \t")));
        param = param.substr(0, param.find_last_not_of(" \t") + 1);
        params = semicolon == std::string_view::npos ? "" : params.substr(semicolon + 1);
        if (!starts_with_ignoring_ascii_case(param, "q=")) continue;
        const auto value = param.substr(2);
        // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
        if (value.empty() || (value[0] != '0' && value[0] != '1')) return std::nullopt;
        int thousandths = (value[0] - '0') * 1000;
        if (value.size() > 1) {
            if (value[1] != '.' || value.size() > 5) return std::nullopt;
            int scale = 100;
            for (const char c : value.substr(2)) {
                if (c < '0' || c > '9') return std::nullopt;
                thousandths += (c - '0') * scale;
                scale /= 10;
            }
        }
        if (thousandths > 1000) return std::nullopt;
        q = thousandths;
    }
    return q;
}

}  // namespace

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

std::vector<WeightedElement> weighted_elements(std::string_view value) {
    std::vector<WeightedElement> out;
    for (const auto item : list_elements(value)) {
        const auto semicolon = item.find(';');
        const auto name = trim_whitespace(item.substr(0, semicolon));
        const auto q =
            weight(semicolon == std::string_view::npos ? "" : item.substr(semicolon + 1));
        if (q && !name.empty()) out.push_back({name, *q});
    }
    return out;
}

std::string_view trim_whitespace(std::string_view value) {
    const auto first = value.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return value.substr(first, value.find_last_not_of(" \t") - first + 1);
}

}  // namespace dateline::http
