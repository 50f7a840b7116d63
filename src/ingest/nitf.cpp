#include "ingest/nitf.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/clock.hpp"
#include "ingest/item_files.hpp"
#include "ingest/xml_reading.hpp"
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
    const auto content = xml::descendant(doc, "body.content");
    if (!content) return Error::invalid("its NITF body has no body.content");
    std::string html;
    write(content, html, 0);
    return html;
}

std::optional<UnixTime> parse_nitf_date(std::string_view text) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        if (text.size() < from + count) return false;
        for (std::size_t i = from; i < from + count; ++i)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    };
    std::string extended(text);
    // Basic form: YYYYMMDD, then THHMMSS (or THHMM) and a zone; rewritten in extended form.
    if (digits(0, 8) && (text.size() == 8 || text[8] == 'T')) {
        extended = std::string(text.substr(0, 4)) + '-' + std::string(text.substr(4, 2)) + '-' +
                   std::string(text.substr(6, 2));
        std::size_t pos = 8;
        if (pos < text.size()) {
            if (!digits(pos + 1, 4)) return std::nullopt;
            extended += 'T' + std::string(text.substr(pos + 1, 2)) + ':' +
                        std::string(text.substr(pos + 3, 2));
            pos += 5;
            if (digits(pos, 2)) {
                extended += ':' + std::string(text.substr(pos, 2));
                pos += 2;
            }
            extended += text.substr(pos);
        }
    }
    UnixTime t = 0;
    if (!parse_iso8601(extended, t)) return std::nullopt;
    return t;
}

namespace {

// A byline's names: its `person` elements, else its words without the title (`byttl`) and the
// "By" that agencies put before them.
std::string byline_of(const pugi::xml_node& byline) {
    std::string names;
    for (const auto& person : xml::children(byline, "person")) {
        const std::string name = xml::text(person);
        if (name.empty()) continue;
        if (!names.empty()) names += ", ";
        names += name;
    }
    if (!names.empty()) return names;
    std::string text = xml::text(byline, {"byttl"});
    for (const std::string_view by : {"By ", "BY ", "by "})
        if (text.rfind(by, 0) == 0) text.erase(0, by.size());
    while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ' '))
        text.pop_back();
    return text;
}

void add_tag(std::vector<std::string>& tags, std::string tag) {
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
        tags.push_back(std::move(tag));
}

}  // namespace

Result<domain::WireItem> parse_nitf_document(
    std::string_view text, const std::filesystem::path& base_dir,
    const std::vector<std::filesystem::path>& import_roots) {
    pugi::xml_document doc;
    if (auto loaded = xml::load(doc, text); !loaded) return loaded.error();
    const auto nitf = doc.document_element();
    if (xml::local_name(nitf) != "nitf")
        return Error::invalid("not an NITF document: its root element is <" +
                              std::string(nitf.name()) + ">");
    domain::WireItem item;
    // "-//IPTC//DTD NITF 3.6//EN" names the version.
    const std::string declared = xml::attribute(nitf, "version");
    const auto at = declared.find("NITF ");
    item.format = "NITF";
    if (at != std::string::npos)
        item.format += " " + declared.substr(at + 5, declared.find('/', at) - at - 5);

    const auto head = xml::child(nitf, "head");
    const auto docdata = xml::child(head, "docdata");
    item.guid = xml::attribute(xml::child(docdata, "doc-id"), "id-string");
    const auto du_key = xml::child(docdata, "du-key");
    if (item.guid.empty()) item.guid = xml::attribute(du_key, "key");
    item.version = xml::attribute(du_key, "version");

    const auto body = xml::child(nitf, "body");
    const auto body_head = xml::child(body, "body.head");
    item.headline = xml::text(xml::child(xml::child(body_head, "hedline"), "hl1"));
    if (item.headline.empty()) item.headline = xml::text(xml::child(head, "title"));
    item.standfirst = xml::text(xml::child(body_head, "abstract"));
    if (const auto content = xml::child(body, "body.content")) {
        write(content, item.body_html, 0);
        // Only white space between dropped elements is no body.
        if (xml::text(content, {"media", "nitf-table-metadata", "fn", "note"}).empty())
            item.body_html.clear();
    }
    item.byline = byline_of(xml::child(body_head, "byline"));
    item.dateline = xml::text(xml::child(body_head, "dateline"));

    item.source_credit = xml::text(xml::child(body_head, "distributor"));
    if (item.source_credit.empty())
        item.source_credit = xml::attribute(xml::child(docdata, "doc.rights"), "provider");
    if (item.source_credit.empty())
        item.source_credit = xml::attribute(xml::child(docdata, "doc.copyright"), "holder");

    for (const auto& tobject : xml::children(head, "tobject"))
        for (const auto& subject : xml::children(tobject, "tobject.subject"))
            add_tag(item.tags, xml::attribute(subject, "tobject.subject.matter"));
    for (const auto& keyword : xml::children(xml::child(docdata, "key-list"), "keyword"))
        add_tag(item.tags, xml::attribute(keyword, "key"));

    item.language = xml::attribute(nitf, "baselang");
    if (item.language.empty()) item.language = xml::attribute(nitf, "xml:lang");
    const int urgency = xml::child(docdata, "urgency").attribute("ed-urg").as_int(0);
    if (urgency >= 1 && urgency <= 9) item.urgency = urgency;

    const auto dated = [&](const char* element, const char* field, std::optional<UnixTime>& out) {
        const std::string norm = xml::attribute(xml::child(docdata, element), "norm");
        if (norm.empty()) return;
        out = parse_nitf_date(norm);
        if (!out)
            item.warnings.push_back(std::string("its ") + field + " (" + element + " '" + norm +
                                    "') is not a date Dateline can read; left out");
    };
    dated("date.issue", "date of issue", item.version_created);
    dated("date.release", "release date", item.embargoed_until);
    item.first_created = item.version_created;
    const std::string status = xml::attribute(docdata, "management-status");
    if (status == "withheld") item.status = domain::WireStatus::Withheld;
    if (status == "canceled" || status == "cancelled") item.status = domain::WireStatus::Canceled;

    for (const auto& media : xml::descendants(xml::child(body, "body.content"), "media")) {
        if (xml::attribute(media, "media-type") != "image") continue;
        std::vector<Rendition> renditions;
        for (const auto& reference : xml::children(media, "media-reference"))
            renditions.push_back(
                {xml::attribute(reference, "source"), reference.attribute("width").as_llong(0)});
        const auto source = picture_source(renditions, base_dir, import_roots, item.warnings);
        if (!source) continue;
        item.image =
            domain::WireImage{source->file.string(), xml::text(xml::child(media, "media-caption")),
                              xml::text(xml::child(media, "media-producer")), source->url};
        break;
    }
    return item;
}

}  // namespace dateline::ingest
