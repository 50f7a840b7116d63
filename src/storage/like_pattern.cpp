#include "storage/like_pattern.hpp"

namespace dateline::storage {

std::string contains_pattern(std::string_view text) {
    std::string pattern = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    pattern += '%';
    return pattern;
}

}  // namespace dateline::storage
