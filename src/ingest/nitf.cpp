#include "ingest/nitf.hpp"

#include <pugixml.hpp>

#include <array>
#include <cstring>

#include "sanitize/html_sanitizer.hpp"

namespace dateline::ingest {

namespace {

// NITF elements that are HTML's own, kept under the same name (the sanitizer decides later what
// stays); `hl2` and `bq` have HTML counterparts of another name.
constexpr std::array kept = {"p",  "ul", "ol", "li",    "dl",    "dt",    "dd",      "table",
                             "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "pre",
                             "br", "em", "a",  "q",     "sub",   "sup",   "hr"};
// Left out with everything inside them.
constexpr std::array dropped = {"media", "nitf-table-metadata", "fn",
                                "note",  "body.head",           "body.end"};

const char* html_name(const char* nitf) {
    if (std::strcmp(nitf, "hl2") == 0) return "h2";
    if (std::strcmp(nitf, "bq") == 0) return "blockquote";
    for (const char* name : kept)
        if (std::strcmp(nitf, name) == 0) return name;
    return nullptr;  // unwrapped: its text stays, its element goes
}

bool is_dropped(const char* nitf) {
    for (const char* name : dropped)
        if (std::strcmp(nitf, name) == 0) return true;
    return false;
}

void write(const pugi::xml_node& node, std::string& html, int depth) {
    constexpr int deepest = 64;
    if (depth > deepest) return;
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            html += sanitize::escape_html(child.value());
            continue;
        }
        if (child.type() != pugi::node_element || is_dropped(child.name())) continue;
        const char* name = html_name(child.name());
        if (!name) {
            write(child, html, depth + 1);
            continue;
        }
        html += '<';
        html += name;
        if (std::strcmp(name, "a") == 0)
            if (const auto href = child.attribute("href"))
                html += " href=\"" + sanitize::escape_html(href.value()) + "\"";
        html += '>';
        if (std::strcmp(name, "br") == 0 || std::strcmp(name, "hr") == 0) continue;
        write(child, html, depth + 1);
        html += "</";
        html += name;
        html += '>';
    }
}

}  // namespace

Result<std::string> nitf_body_html(std::string_view xml) {
    pugi::xml_document doc;
    // The declaration is skipped (no parse_doctype), and pugixml expands no entity it declares.
    // Spaces between inline elements are words' boundaries: they are kept (parse_ws_pcdata).
    const auto parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed)
        return Error::invalid("its NITF body is not well-formed XML (" +
                              std::string(parsed.description()) + " at byte " +
                              std::to_string(parsed.offset) + ")");
    const auto content = doc.find_node([](const pugi::xml_node& n) {
        return n.type() == pugi::node_element && std::strcmp(n.name(), "body.content") == 0;
    });
    if (!content) return Error::invalid("its NITF body has no body.content");
    std::string html;
    write(content, html, 0);
    return html;
}

}  // namespace dateline::ingest
