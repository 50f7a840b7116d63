#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

/// Plain text as paragraphs, the way people type them: blank lines (spaces and tabs count as
/// blank) separate paragraphs, other line breaks (LF or CRLF) become spaces, and paragraphs that
/// are only blanks are dropped.
std::vector<std::string> split_paragraphs(std::string_view text);

}  // namespace dateline
