#include "storage/like_pattern.hpp"

#include "core/ascii.hpp"

namespace dateline::storage {

std::string contains_pattern(std::string_view text) {
    std::string pattern = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += ascii_lower(c);
    }
    pattern += '%';
    return pattern;
}

}  // namespace dateline::storage
