#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline {

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// `text` made safe to show back to the person who typed it: each malformed byte and each
/// control character other than tab and line breaks becomes U+FFFD.
std::string to_displayable_utf8(std::string_view text);

/// True when `text` holds an ASCII control character (C0, tab and line breaks included, or DEL):
/// what a one-line value (a name, an address, a password) may not hold.
bool has_ascii_control(std::string_view text);

/// Number of Unicode code points in well-formed UTF-8 `text`: what a reader counts as characters
/// for length limits.
std::size_t count_code_points(std::string_view text);

}  // namespace dateline
