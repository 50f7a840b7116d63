#include "sanitize/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace dateline::sanitize {

namespace {

std::string_view trim_start(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    return line;
}

bool blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool fence(std::string_view line) {
    const auto t = trim_start(line);
    return t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0;
}

// A line that carries Markdown structure of its own, or continues the line before it as
// Markdown means it to: a list item, a quote, a table row, a heading, indented code, a setext
// underline or a thematic break.
bool structural(std::string_view line) {
    if (line.starts_with("    ") || line.starts_with("\t")) return true;
    const auto t = trim_start(line);
    if (t.empty()) return false;
    const char c = t.front();
    if (c == '>' || c == '|' || c == '#') return true;
    if ((c == '-' || c == '*' || c == '+') && (t.size() == 1 || t[1] == ' ' || t[1] == c))
        return true;
    if (t.find_first_not_of("=- \r") == std::string_view::npos) return true;  // underline
    std::size_t digits = 0;
    while (digits < t.size() && digits < 9 && t[digits] >= '0' && t[digits] <= '9') ++digits;
    return digits > 0 && digits < t.size() && (t[digits] == '.' || t[digits] == ')');
}

// The source with a blank line between any two consecutive lines of prose (outside code).
std::string paragraph_per_line(std::string_view source) {
    std::string out;
    out.reserve(source.size() + source.size() / 16);
    bool in_code = false;
    bool previous_prose = false;
    while (!source.empty()) {
        const auto end = source.find('\n');
        const std::string_view line = source.substr(0, end);
        source = end == std::string_view::npos ? std::string_view() : source.substr(end + 1);
        const bool toggles = fence(line);
        const bool prose = !in_code && !toggles && !blank(line) && !structural(line);
        if (prose && previous_prose) out += '\n';
        out.append(line);
        out += '\n';
        if (toggles) in_code = !in_code;
        previous_prose = prose;
    }
    return out;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    const int options = CMARK_OPT_DEFAULT;  // raw HTML is omitted unless CMARK_OPT_UNSAFE
    const std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
        cmark_parser_new(options), &cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "autolink"})
        if (auto* extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    const std::string source = paragraph_per_line(markdown);
    cmark_parser_feed(parser.get(), source.data(), source.size());
    const std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
        cmark_parser_finish(parser.get()), &cmark_node_free);
    // cmark allocates the rendering with malloc; the caller frees it.
    const std::unique_ptr<char, decltype(&std::free)> html(
        cmark_render_html(document.get(), options,
                          cmark_parser_get_syntax_extensions(parser.get())),
        &std::free);
    return html ? std::string(html.get()) : std::string();
}

}  // namespace dateline::sanitize
