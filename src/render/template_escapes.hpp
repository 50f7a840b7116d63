#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline::render {

/// How a template variable's value is written: the modifiers ctemplate's auto-escaping picks by
/// context (and a template may name), each writing exactly the bytes ctemplate's own modifier
/// writes; `tests/unit/render/template_escapes_test.cpp` holds them to ctemplate's output.
enum class Escape {
    None,           // `:none`, for values the program sanitized
    Html,           // `:h`, text and quoted attributes; tabs and line breaks become spaces
    Pre,            // `:p` or `:H=pre`, as `Html` but keeping whitespace
    Attribute,      // `:H=attribute`, an unquoted attribute: anything but [A-Za-z0-9-._:] is _
    UrlHtml,        // `:U=html`, an address: `#` unless relative, http(s) or ftp, then as `Html`
    UrlJavascript,  // `:U=javascript`, the same check, then as `Javascript`
    Javascript,     // `:j`, inside a script's string
    Css,            // `:c`, a style value: only [A-Za-z0-9 _.,!#%-] kept
    UrlQuery,       // `:u`, a query parameter
    Json,           // `:o`, inside a JSON string
};

/// The escape a modifier names as ctemplate prints it in a template's dump ("h", "U=html"), or
/// nothing for one Dateline does not write.
std::optional<Escape> escape_named(std::string_view printed);

/// Appends `value` to `out` written as `escape` says.
void append_escaped(Escape escape, std::string_view value, std::string& out);

}  // namespace dateline::render
