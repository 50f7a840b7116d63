#include "core/paragraphs.hpp"

namespace dateline {

std::vector<std::string> split_paragraphs(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (current.find_first_not_of(" \t\r") != std::string::npos) out.push_back(current);
        current.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            flush();
        } else {
            if (!current.empty()) current += ' ';
            current += line;
        }
        start = end + 1;
    }
    flush();
    return out;
}

}  // namespace dateline
