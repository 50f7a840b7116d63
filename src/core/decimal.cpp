#include "core/decimal.hpp"

#include <charconv>

namespace dateline {

std::optional<std::int64_t> parse_decimal(std::string_view text) {
    // from_chars takes a leading '-', which no field here means.
    if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace dateline
