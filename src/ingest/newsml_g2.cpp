#include "ingest/newsml_g2.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/clock.hpp"
#include "ingest/item_files.hpp"
#include "ingest/nitf.hpp"
#include "ingest/xml_reading.hpp"

namespace dateline::ingest {

using domain::WireItem;

namespace {

std::string item_class(const pugi::xml_node& item) {
    return xml::code_value(
        xml::attribute(xml::child(xml::child(item, "itemMeta"), "itemClass"), "qcode"));
}

std::string language_of(const pugi::xml_node& node) {
    return xml::attribute(node, "xml:lang");
}

// Whether a text in `lang` suits an item in `wanted` ("en" suits "en-GB" and the other way).
bool same_language(std::string_view lang, std::string_view wanted) {
    if (lang.empty() || wanted.empty()) return false;
    const auto primary = [](std::string_view tag) { return tag.substr(0, tag.find('-')); };
    return primary(lang) == primary(wanted);
}

// Of several elements of one kind (headlines, descriptions, names), the one to read: of the
// wanted role when roles are given (no role counts as the main one), in the item's language
// when several are; the first among equals.
pugi::xml_node pick(const std::vector<pugi::xml_node>& nodes, std::string_view role,
                    std::string_view lang) {
    pugi::xml_node best;
    int best_score = -1;
    for (const auto& node : nodes) {
        const std::string given = xml::code_value(xml::attribute(node, "role"));
        const bool role_fits = given.empty() || given == role;
        const int score = (role_fits ? 2 : 0) + (same_language(language_of(node), lang) ? 1 : 0);
        if (score > best_score) {
            best = node;
            best_score = score;
        }
    }
    return best;
}

// A concept's name (a subject, a place, a person) in the item's language, else its first.
std::string name_of(const pugi::xml_node& node, std::string_view lang) {
    return xml::text(pick(xml::children(node, "name"), "", lang));
}

void add_tag(std::vector<std::string>& tags, std::string tag) {
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
        tags.push_back(std::move(tag));
}

// A G2 date-time; `firstCreated` may be truncated to a date, a month or a year.
Result<std::optional<UnixTime>> time_of(const pugi::xml_node& node, const char* field) {
    std::string text = xml::text(node);
    if (text.empty()) return std::optional<UnixTime>{};
    if (text.size() == 4) text += "-01";
    if (text.size() == 7) text += "-01";
    UnixTime t = 0;
    if (!parse_iso8601(text, t))
        return Error::invalid(std::string("its ") + field + " is not a date-time: " + text, field);
    return std::optional<UnixTime>{t};
}

// A body found in the content set, and how rich it is.
struct Body {
    enum class Kind { Plain, Html };
    Kind kind = Kind::Plain;
    std::string html;
    std::optional<WireItem> nitf;  // the inline NITF document, for what its head says
};

std::optional<Body> body_of(const pugi::xml_node& content, const std::filesystem::path& base_dir,
                            const std::vector<std::filesystem::path>& import_roots,
                            std::vector<std::string>& warnings) {
    const std::string type = xml::attribute(content, "contenttype");
    const std::string_view kind = xml::local_name(content);
    if (kind == "inlineXML") {
        pugi::xml_node root;
        for (const auto& c : content.children())
            if (c.type() == pugi::node_element) {
                root = c;
                break;
            }
        if (!root) return std::nullopt;  // an empty inlineXML (as in IPTC's first example)
        if (type.find("nitf") != std::string::npos || xml::local_name(root) == "nitf") {
            std::ostringstream out;
            root.print(out, "", pugi::format_raw);
            auto nitf = parse_nitf_document(out.str(), base_dir, import_roots);
            if (!nitf) {
                warnings.push_back("its NITF body cannot be read: " + nitf.error().message);
                return std::nullopt;
            }
            Body body{Body::Kind::Html, nitf->body_html, std::move(*nitf)};
            return body;
        }
        const std::string_view root_name = xml::local_name(root);
        if (type.find("html") == std::string::npos && root_name != "html" && root_name != "body" &&
            root_name != "div") {
            warnings.push_back("its inline content of type '" + type +
                               "' is neither NITF nor XHTML, and is not read");
            return std::nullopt;
        }
        const auto html_body = xml::descendant(root, "body");
        return Body{Body::Kind::Html, xml::html_of_children(html_body ? html_body : root), {}};
    }
    if (kind == "inlineData") {
        if (!xml::attribute(content, "encoding").empty()) {
            warnings.push_back("an encoded inlineData body (" +
                               xml::attribute(content, "encoding") + ") is not read");
            return std::nullopt;
        }
        std::string data;
        for (const auto& c : content.children())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) data += c.value();
        if (data.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
        if (type.find("html") != std::string::npos) return Body{Body::Kind::Html, data, {}};
        return Body{Body::Kind::Plain, paragraphs_from_plain_text(data), {}};
    }
    if (kind == "remoteContent")
        warnings.push_back("its text at '" + xml::attribute(content, "href") +
                           "' is remote and is not fetched");
    return std::nullopt;
}

// The picture a picture item carries, when one of its renditions is a file that may be read.
std::optional<domain::WireImage> picture_of(const pugi::xml_node& item, std::string_view lang,
                                            const std::filesystem::path& base_dir,
                                            const std::vector<std::filesystem::path>& import_roots,
                                            std::vector<std::string>& warnings) {
    std::vector<Rendition> renditions;
    for (const auto& remote : xml::children(xml::child(item, "contentSet"), "remoteContent"))
        renditions.push_back(
            {xml::attribute(remote, "href"), remote.attribute("width").as_llong(0)});
    const auto source = picture_source(renditions, base_dir, import_roots, warnings);
    if (!source) return std::nullopt;
    const auto meta = xml::child(item, "contentMeta");
    domain::WireImage image;
    image.location = source->file.string();
    image.url = source->url;
    image.caption = xml::text(pick(xml::children(meta, "description"), "caption", lang));
    if (image.caption.empty())
        image.caption = xml::text(pick(xml::children(meta, "headline"), "main", lang));
    image.credit = xml::text(xml::child(meta, "creditline"));
    if (image.credit.empty()) image.credit = name_of(xml::child(meta, "creator"), lang);
    if (image.credit.empty())
        image.credit = name_of(xml::child(xml::child(item, "rightsInfo"), "copyrightHolder"), lang);
    return image;
}

// What the message around an item gives it.
struct Context {
    std::optional<int> priority;  // the message header's, 1 (highest) to 9
};

Result<WireItem> text_item(const pugi::xml_node& node, const Context& context,
                           const std::filesystem::path& base_dir,
                           const std::vector<std::filesystem::path>& import_roots) {
    WireItem item;
    item.guid = xml::attribute(node, "guid");
    if (item.guid.empty()) return Error::invalid("no guid: every news item needs one", "guid");
    item.version = xml::attribute(node, "version");
    item.format = "NewsML-G2";
    if (const std::string v = xml::attribute(node, "standardversion"); !v.empty())
        item.format += " " + v;

    const auto meta = xml::child(node, "itemMeta");
    const auto content_meta = xml::child(node, "contentMeta");
    item.language = xml::attribute(xml::child(content_meta, "language"), "tag");
    if (item.language.empty()) item.language = language_of(node);
    const std::string& lang = item.language;

    item.headline = xml::text(pick(xml::children(content_meta, "headline"), "main", lang));
    item.standfirst = xml::text(pick(xml::children(content_meta, "description"), "summary", lang));
    item.byline = xml::text(xml::child(content_meta, "by"));
    if (item.byline.empty()) {
        for (const auto& creator : xml::children(content_meta, "creator")) {
            const std::string name = name_of(creator, lang);
            if (name.empty()) continue;
            if (!item.byline.empty()) item.byline += ", ";
            item.byline += name;
        }
    }
    item.dateline = xml::text(xml::child(content_meta, "dateline"));
    if (item.dateline.empty()) item.dateline = name_of(xml::child(content_meta, "located"), lang);

    item.source_credit = xml::text(xml::child(content_meta, "creditline"));
    for (const auto& source : xml::children(content_meta, "infoSource")) {
        if (!item.source_credit.empty()) break;
        item.source_credit = name_of(source, lang);
    }
    const auto provider = xml::child(meta, "provider");
    if (item.source_credit.empty()) item.source_credit = name_of(provider, lang);
    if (item.source_credit.empty())
        item.source_credit =
            name_of(xml::child(xml::child(node, "rightsInfo"), "copyrightHolder"), lang);
    if (item.source_credit.empty())
        item.source_credit = xml::code_value(xml::attribute(provider, "qcode"));

    for (const auto& subject : xml::children(content_meta, "subject"))
        add_tag(item.tags, name_of(subject, lang));
    for (const auto& keyword : xml::children(content_meta, "keyword"))
        add_tag(item.tags, xml::text(keyword));

    const int urgency = xml::child(content_meta, "urgency").text().as_int(0);
    if (urgency >= 1 && urgency <= 9)
        item.urgency = urgency;
    else if (context.priority)
        item.urgency = context.priority;

    auto version_created = time_of(xml::child(meta, "versionCreated"), "versionCreated");
    if (!version_created) return version_created.error();
    auto first = time_of(xml::child(meta, "firstCreated"), "firstCreated");
    if (!first) return first.error();
    auto embargo = time_of(xml::child(meta, "embargoed"), "embargoed");
    if (!embargo) return embargo.error();
    item.version_created = *version_created;
    item.first_created = *first ? *first : *version_created;
    item.embargoed_until = *embargo;
    const auto status = xml::code_value(xml::attribute(xml::child(meta, "pubStatus"), "qcode"));
    if (status == "withheld") item.status = domain::WireStatus::Withheld;
    if (status == "canceled") item.status = domain::WireStatus::Canceled;

    // The richest body: NITF or XHTML, else plain text; the first among equals.
    std::optional<Body> body;
    for (const auto& content : xml::child(node, "contentSet").children()) {
        if (content.type() != pugi::node_element) continue;
        auto found = body_of(content, base_dir, import_roots, item.warnings);
        if (found && (!body || found->kind > body->kind)) body = std::move(found);
    }
    if (body) {
        item.body_html = std::move(body->html);
        if (const auto& nitf = body->nitf) {
            // The NITF head fills what the item's metadata leaves out.
            const auto fill = [](std::string& field, const std::string& value) {
                if (field.empty()) field = value;
            };
            fill(item.headline, nitf->headline);
            fill(item.standfirst, nitf->standfirst);
            fill(item.byline, nitf->byline);
            fill(item.dateline, nitf->dateline);
            fill(item.source_credit, nitf->source_credit);
            if (!item.image && nitf->image) item.image = nitf->image;
        }
    }
    if (item.headline.empty()) return Error::invalid("no headline", "headline");
    if (item.body_html.empty() && !item.standfirst.empty()) {
        // A flash: its description is all the text there is.
        item.body_html = paragraphs_from_plain_text(item.standfirst);
        item.standfirst.clear();
    }
    if (item.body_html.empty()) return Error::invalid("no body and no description", "contentSet");
    return item;
}

// How a skipped item is named in the reasons: its guid, else its place in the file.
std::string named(const pugi::xml_node& node, std::size_t index) {
    const std::string guid = xml::attribute(node, "guid");
    return guid.empty() ? "item " + std::to_string(index + 1) : "item " + guid;
}

std::string not_a_story(std::string_view kind) {
    return "a " + std::string(kind) +
           " is not a story: only text news items, and the pictures packaged with them, are read";
}

}  // namespace

Result<WireDocument> parse_newsml_g2(std::string_view text, const std::filesystem::path& base_dir,
                                     const std::vector<std::filesystem::path>& import_roots) {
    pugi::xml_document doc;
    if (auto loaded = xml::load(doc, text); !loaded) return loaded.error();
    const auto root = doc.document_element();
    const std::string_view root_name = xml::local_name(root);

    std::vector<pugi::xml_node> news_items;
    std::vector<pugi::xml_node> packages;
    WireDocument out;
    Context context;
    if (root_name == "newsItem") {
        if (const auto c = item_class(root); !c.empty() && c != "text" && c != "composite")
            return Error::invalid(not_a_story(c + " item"));
        news_items.push_back(root);
    } else if (root_name == "newsMessage") {
        const int priority = xml::child(xml::child(root, "header"), "priority").text().as_int(0);
        if (priority >= 1 && priority <= 9) context.priority = priority;
        std::size_t index = 0;
        for (const auto& node : xml::child(root, "itemSet").children()) {
            if (node.type() != pugi::node_element) continue;
            const std::string_view kind = xml::local_name(node);
            if (kind == "newsItem")
                news_items.push_back(node);
            else if (kind == "packageItem")
                packages.push_back(node);
            else
                out.skipped.push_back(named(node, index) + ": " + not_a_story(kind));
            ++index;
        }
    } else if (root_name == "packageItem") {
        return Error::invalid(
            "a package (packageItem) names its items without carrying them: Dateline reads "
            "packages delivered with their items in a newsMessage");
    } else if (root_name == "knowledgeItem" || root_name == "conceptItem" ||
               root_name == "planningItem" || root_name == "catalogItem") {
        return Error::invalid(not_a_story(root_name));
    } else {
        return Error::invalid("not a NewsML-G2 document: its root element is <" +
                              std::string(root.name()) + ">");
    }
    out.format = "NewsML-G2";
    if (const std::string v =
            xml::attribute(news_items.empty() ? root : news_items.front(), "standardversion");
        !v.empty())
        out.format += " " + v;

    // Pictures by guid, and for each text item the picture a package or a link gives it.
    std::map<std::string, pugi::xml_node> pictures;
    for (const auto& node : news_items)
        if (const auto c = item_class(node); c == "picture" || c == "graphic")
            pictures.emplace(xml::attribute(node, "guid"), node);
    std::map<std::string, std::string> picture_for;
    for (const auto& package : packages) {
        std::vector<std::string> texts;
        std::string first_picture;
        for (const auto& ref : xml::descendants(xml::child(package, "groupSet"), "itemRef")) {
            const std::string id = xml::attribute(ref, "residref");
            if (pictures.count(id)) {
                if (first_picture.empty()) first_picture = id;
            } else {
                texts.push_back(id);
            }
        }
        for (const auto& t : texts)
            if (!first_picture.empty()) picture_for.emplace(t, first_picture);
    }
    std::set<std::string> used_pictures;
    for (std::size_t i = 0; i < news_items.size(); ++i) {
        const auto& node = news_items[i];
        const std::string c = item_class(node);
        if (c == "picture" || c == "graphic") continue;
        if (c != "text" && c != "composite" && !c.empty()) {
            out.skipped.push_back(named(node, i) + ": " + not_a_story(c + " item"));
            continue;
        }
        auto item = text_item(node, context, base_dir, import_roots);
        if (!item) {
            out.skipped.push_back(named(node, i) + ": " + item.error().message);
            continue;
        }
        std::string picture_id;
        if (const auto found = picture_for.find(item->guid); found != picture_for.end())
            picture_id = found->second;
        for (const auto& link : xml::children(xml::child(node, "itemMeta"), "link"))
            if (picture_id.empty() && pictures.count(xml::attribute(link, "residref")))
                picture_id = xml::attribute(link, "residref");
        if (!picture_id.empty()) {
            used_pictures.insert(picture_id);
            if (auto image = picture_of(pictures[picture_id], item->language, base_dir,
                                        import_roots, item->warnings))
                item->image = std::move(image);
        }
        out.items.push_back(std::move(*item));
    }
    for (const auto& [id, node] : pictures)
        if (!used_pictures.count(id))
            out.skipped.push_back("item " + id + ": " +
                                  not_a_story("picture that no text item of the file uses"));
    if (out.items.empty()) {
        if (news_items.size() == 1 && out.skipped.size() == 1) {
            // One item, refused: its reason is the file's.
            const auto& reason = out.skipped.front();
            return Error::invalid(reason.substr(reason.find(": ") + 2));
        }
        return Error::invalid(out.skipped.empty() ? "it holds no news item"
                                                  : "it holds no story Dateline can read (" +
                                                        out.skipped.front() + ")");
    }
    return out;
}

}  // namespace dateline::ingest
