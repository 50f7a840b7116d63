#include "ingest/wire_document.hpp"

#include "ingest/item_files.hpp"
#include "ingest/newsml_g2.hpp"
#include "ingest/ninjs.hpp"
#include "ingest/nitf.hpp"
#include "ingest/syndication_feed.hpp"

namespace dateline::ingest {

namespace {

// The local name of an XML document's root element, found without parsing the document:
// the declaration, comments, processing instructions and the document type are passed over.
std::string_view root_element(std::string_view text) {
    std::size_t pos = 0;
    while ((pos = text.find('<', pos)) != std::string_view::npos) {
        const std::string_view rest = text.substr(pos + 1);
        if (rest.starts_with("?")) {
            pos = text.find("?>", pos);
        } else if (rest.starts_with("!--")) {
            pos = text.find("-->", pos);
        } else if (rest.starts_with("!")) {
            pos = text.find('>', pos);  // <!DOCTYPE ...>: an internal subset is not expected here
        } else {
            const auto end = rest.find_first_of(" \t\r\n/>");
            std::string_view name = rest.substr(0, end);
            if (const auto colon = name.find(':'); colon != std::string_view::npos)
                name.remove_prefix(colon + 1);
            return name;
        }
        if (pos == std::string_view::npos) break;
        ++pos;
    }
    return {};
}

Result<WireDocument> read_xml(std::string_view text, const std::filesystem::path& base_dir,
                              const std::vector<std::filesystem::path>& import_roots) {
    const std::string_view root = root_element(text);
    if (root == "newsItem" || root == "newsMessage" || root == "packageItem" ||
        root == "knowledgeItem" || root == "conceptItem" || root == "planningItem" ||
        root == "catalogItem")
        return parse_newsml_g2(text, base_dir, import_roots);
    if (root == "rss" || root == "feed" || root == "entry" || root == "RDF")
        return parse_syndication_feed(text, base_dir, import_roots);
    if (root == "nitf") {
        auto item = parse_nitf_document(text, base_dir, import_roots);
        if (!item) return item.error();
        if (item->guid.empty())
            return Error::invalid(
                "no doc-id: Dateline tells an NITF document's versions apart by its "
                "docdata/doc-id id-string");
        if (item->headline.empty()) return Error::invalid("no headline (hedline/hl1)");
        if (item->body_html.empty()) {
            if (item->standfirst.empty()) return Error::invalid("no body.content and no abstract");
            item->body_html = paragraphs_from_plain_text(item->standfirst);
            item->standfirst.clear();
        }
        WireDocument doc;
        doc.format = item->format;
        doc.items.push_back(std::move(*item));
        return doc;
    }
    if (root.empty())
        return Error::invalid("not an XML document Dateline can read: no root element");
    return Error::invalid("an XML document whose root element is <" + std::string(root) +
                          ">: Dateline reads NewsML-G2, NITF, RSS and Atom");
}

}  // namespace

Result<WireDocument> read_wire_document(std::string_view text,
                                        const std::filesystem::path& base_dir,
                                        const std::vector<std::filesystem::path>& import_roots) {
    std::string_view rest = text;
    if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // a byte order mark
    const auto first = rest.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return Error::invalid("empty");
    if (rest[first] == '{' || rest[first] == '[') {
        auto item = parse_ninjs(rest, base_dir, import_roots);
        if (!item) return item.error();
        WireDocument doc;
        doc.format = item->format;
        doc.items.push_back(std::move(*item));
        return doc;
    }
    if (rest[first] == '<') return read_xml(rest, base_dir, import_roots);
    return Error::invalid(
        "not a wire item Dateline reads: neither JSON (ninjs) nor XML "
        "(NewsML-G2, NITF, RSS, Atom)");
}

}  // namespace dateline::ingest
