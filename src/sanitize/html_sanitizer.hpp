#pragma once

#include <string>
#include <string_view>

namespace dateline::sanitize {

/// Sanitized body markup and its plain text.
struct SanitizedHtml {
    std::string html;  ///< only allowlisted elements and attributes; safe to emit unescaped
    std::string text;  ///< the readable text, paragraphs separated by blank lines
};

/// Parses untrusted HTML the way a browser would (gumbo, HTML5 parsing rules) and keeps only an
/// allowlist fit for a news story body: paragraphs, subheads (h1 becomes h2: the page owns h1),
/// quotes, lists, tables, emphasis, line breaks, and links whose target is http, https or mailto.
/// Script-like elements (script, style, iframe, object, svg, template, ...) are dropped with
/// their content; any other unknown element is unwrapped, keeping its text. Only `href` on links
/// and `dir`/`lang` anywhere survive among attributes. Text outside block elements is wrapped in
/// paragraphs. Nesting deeper than a fixed limit is flattened; input with more than 10,000 tags is
/// not parsed at all but kept as one escaped paragraph of text. Invalid UTF-8 bytes become U+FFFD.
SanitizedHtml sanitize_html(std::string_view untrusted);

/// Escapes text for an HTML text node or a double-quoted attribute value.
std::string escape_html(std::string_view text);

}  // namespace dateline::sanitize
