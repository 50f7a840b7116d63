#pragma once

#include <string>
#include <string_view>

namespace dateline::sanitize {

/// Renders what an editor wrote as HTML: CommonMark with GitHub's tables, strikethrough and
/// autolinks (cmark-gfm). Raw HTML in the source is left out, and the result is untrusted all
/// the same: callers pass it through sanitize_html like any other body.
///
/// A line break between two lines of prose starts a new paragraph, as the Enter key does in the
/// editor and as pasted agency copy (one paragraph a line) expects; CommonMark alone would join
/// such lines into one paragraph. Lists, quotes, tables, headings, code and setext underlines
/// keep their Markdown meaning.
std::string markdown_to_html(std::string_view markdown);

}  // namespace dateline::sanitize
