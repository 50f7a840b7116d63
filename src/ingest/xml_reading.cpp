#include "ingest/xml_reading.hpp"

#include "core/utf8.hpp"
#include "ingest/item_files.hpp"
#include "sanitize/html_sanitizer.hpp"

namespace dateline::ingest::xml {

Status load(pugi::xml_document& doc, std::string_view text) {
    if (text.size() > max_item_bytes)
        return Error::invalid("larger than " + std::to_string(max_item_bytes / (1024 * 1024)) +
                              " MB");
    if (!is_valid_utf8(text)) return Error::invalid("not valid UTF-8");
    const auto parsed = doc.load_buffer(
        text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed)
        return Error::invalid("not well-formed XML (" + std::string(parsed.description()) +
                              " at byte " + std::to_string(parsed.offset) + ")");
    return success();
}

std::string attribute(const pugi::xml_node& node, const char* name) {
    return node.attribute(name).as_string();
}

std::string collapsed(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (const auto& c : node.children())
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (const auto& c : node.children())
        if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
    return out;
}

pugi::xml_node descendant(const pugi::xml_node& node, std::string_view name) {
    return node.find_node([name](const pugi::xml_node& n) {
        return n.type() == pugi::node_element && local_name(n) == name;
    });
}

std::vector<pugi::xml_node> descendants(const pugi::xml_node& node, std::string_view name) {
    struct Collector : pugi::xml_tree_walker {
        std::string_view name;
        std::vector<pugi::xml_node> found;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_element && local_name(n) == name) found.push_back(n);
            return true;
        }
    } collector;
    collector.name = name;
    pugi::xml_node start = node;
    start.traverse(collector);
    return std::move(collector.found);
}

namespace {

bool skipped(const pugi::xml_node& node, const std::vector<std::string_view>& skip) {
    for (const auto name : skip)
        if (local_name(node) == name) return true;
    return false;
}

}  // namespace

std::string text(const pugi::xml_node& node, const std::vector<std::string_view>& skip) {
    std::string raw;
    // Iterative, so that a deeply nested document cannot exhaust the stack.
    pugi::xml_node cur = node.first_child();
    while (cur && cur != node) {
        const bool element = cur.type() == pugi::node_element;
        if (cur.type() == pugi::node_pcdata || cur.type() == pugi::node_cdata) {
            raw += cur.value();
        } else if (element && !skipped(cur, skip) && cur.first_child()) {
            cur = cur.first_child();
            continue;
        }
        while (cur && cur != node && !cur.next_sibling()) cur = cur.parent();
        if (cur && cur != node) cur = cur.next_sibling();
    }
    return collapsed(raw);
}

namespace {

std::string_view without_prefix(std::string_view name) {
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

void write_html(const pugi::xml_node& node, std::string& out, int depth) {
    constexpr int deepest = 64;
    if (depth > deepest) return;
    for (const auto& c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += sanitize::escape_html(c.value());
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        const std::string_view name = local_name(c);
        out += '<';
        out += name;
        for (const auto& a : c.attributes()) {
            const std::string_view attr = a.name();
            if (attr == "xmlns" || attr.starts_with("xmlns:")) continue;
            out += ' ';
            out += without_prefix(attr);
            out += "=\"" + sanitize::escape_html(a.value()) + '"';
        }
        out += '>';
        // A void element has no end tag: HTML reads "</br>" as a second line break.
        if (name == "br" || name == "hr" || name == "img" || name == "wbr") continue;
        write_html(c, out, depth + 1);
        out += "</";
        out += name;
        out += '>';
    }
}

}  // namespace

std::string html_of_children(const pugi::xml_node& node) {
    std::string out;
    write_html(node, out, 0);
    return out;
}

std::string code_value(std::string_view code) {
    const auto cut = code.find_last_of(":/");
    return std::string(cut == std::string_view::npos ? code : code.substr(cut + 1));
}

}  // namespace dateline::ingest::xml
