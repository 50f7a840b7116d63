#include "ingest/ninjs.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "ingest/item_files.hpp"
#include "ingest/ninjs_schema.hpp"
#include "ingest/nitf.hpp"
#include "sanitize/html_sanitizer.hpp"

namespace dateline::ingest {

namespace json = boost::json;
using domain::WireItem;

namespace {

std::string string_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v && v->is_string()) return std::string(v->get_string());
    return {};
}

// How each generation of ninjs spells the fields read here. 1.x has one field per text
// ("headline", "body_html"), 2.x arrays of texts ("headlines", "bodies") in lower case, 3.x the
// same arrays in camelCase ("firstCreated", "contentType").
struct Spelling {
    int generation;
    const char* by;
    const char* subjects;
    const char* info_sources;
    const char* copyright_holder;
    const char* first_created;
    const char* version_created;
    const char* embargo;
    const char* pub_status;
    const char* content_type;  // of a text (2.x, 3.x) or a rendition
};

constexpr Spelling spellings[] = {
    {1, "byline", "subject", "infosource", "copyrightholder", "firstcreated", "versioncreated",
     "embargoed", "pubstatus", "mimetype"},
    {2, "by", "subjects", "infosources", "copyrightholder", "firstcreated", "versioncreated",
     "embargoed", "pubstatus", "contenttype"},
    {3, "by", "subjects", "infoSources", "copyrightHolder", "firstCreated", "versionCreated",
     "embargoedUntil", "pubStatus", "contentType"},
};

// The version an item declares in "standard" (2.x, 3.x) or "$standard" (1.x), if any.
std::string declared_version(const json::object& o) {
    for (const char* key : {"standard", "$standard"})
        if (const auto* s = o.if_contains(key); s && s->is_object())
            if (const auto* v = s->get_object().if_contains("version"); v && v->is_string())
                return std::string(v->get_string());
    return {};
}

// Whether a name only 3.x spells so (camelCase) appears anywhere in the item: a picture's
// renditions ("contentType", "sizeInBytes") may be the only place that shows it.
bool spelled_as_3x(const json::value& v, int depth = 0) {
    static constexpr std::string_view camel_case[] = {
        "firstCreated",    "versionCreated",  "pubStatus",          "copyrightHolder",
        "copyrightNotice", "infoSources",     "embargoedUntil",     "altIds",
        "contentCreated",  "edNote",          "representationType", "usageTerms",
        "rightsInfo",      "trustIndicators", "contentType",        "sizeInBytes",
        "charCount",       "wordCount",       "eventDetails",       "digitalSourceType"};
    constexpr int deepest = 8;
    if (depth > deepest) return false;
    if (v.is_array()) {
        for (const auto& e : v.get_array())
            if (spelled_as_3x(e, depth + 1)) return true;
        return false;
    }
    if (!v.is_object()) return false;
    for (const auto& [key, value] : v.get_object()) {
        for (const auto name : camel_case)
            if (key == name) return true;
        if (spelled_as_3x(value, depth + 1)) return true;
    }
    return false;
}

// The generation an item's own field names show, for items that declare no version.
int generation_by_shape(const json::value& item) {
    if (spelled_as_3x(item)) return 3;
    const auto& o = item.get_object();
    for (const char* key :
         {"headlines", "bodies", "descriptions", "subjects", "infosources", "genres", "people",
          "places", "organisations", "trustindicators", "altids", "events", "objects"})
        if (o.contains(key)) return 2;
    return 1;
}

// One text the item carries (a headline, a description, a body) and what it is written in.
struct Text {
    enum class Kind { Plain, Nitf, Html };  // in order of richness
    std::string value;
    Kind kind = Kind::Plain;
    std::string role;
};

bool contains_word(std::string_view text, std::string_view word) {
    return contains_ignoring_ascii_case(text, word);
}

// What a text is written in, from its content type, else its role or 1.x field suffix ("html",
// "nitf"), else its first character.
Text::Kind kind_of(std::string_view content_type, std::string_view role, std::string_view value) {
    for (const std::string_view hint : {content_type, role}) {
        if (contains_word(hint, "nitf")) return Text::Kind::Nitf;
        if (contains_word(hint, "html")) return Text::Kind::Html;
        if (contains_word(hint, "text") || contains_word(hint, "plain")) return Text::Kind::Plain;
    }
    const auto first = value.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && value[first] == '<' ? Text::Kind::Html
                                                                  : Text::Kind::Plain;
}

// Every text of a kind ("headline", "description", "body"): 1.x's `<kind>` and `<kind>_<format>`
// fields, or the 2.x and 3.x `<kind>s` array.
std::vector<Text> texts_of(const json::object& o, const std::string& kind, const Spelling& names) {
    std::vector<Text> texts;
    if (names.generation == 1) {
        for (const auto& [key, value] : o) {
            if (!value.is_string() || value.get_string().empty()) continue;
            const std::string_view k = key;
            if (k != kind && k.rfind(kind + "_", 0) != 0) continue;
            const std::string_view suffix = k.size() > kind.size() ? k.substr(kind.size() + 1) : "";
            texts.push_back({std::string(value.get_string()),
                             kind_of(suffix, "", value.get_string()), std::string(suffix)});
        }
        return texts;
    }
    const auto* v = o.if_contains(kind == "body" ? std::string("bodies") : kind + "s");
    if (!v || !v->is_array()) return texts;
    for (const auto& entry : v->get_array()) {
        if (!entry.is_object()) continue;
        const auto& e = entry.get_object();
        std::string value = string_at(e, "value");
        if (value.empty()) continue;
        const std::string role = string_at(e, "role");
        const Text::Kind k = kind_of(string_at(e, names.content_type), role, value);
        texts.push_back({std::move(value), k, role});
    }
    return texts;
}

// The richest text (HTML, then NITF, then plain); among equals the "main" one, else the first.
const Text* richest(const std::vector<Text>& texts) {
    const Text* best = nullptr;
    for (const auto& t : texts)
        if (!best || t.kind > best->kind ||
            (t.kind == best->kind && t.role == "main" && best->role != "main"))
            best = &t;
    return best;
}

// A short text (headline, standfirst, caption): plain text preferred, the "main" one first.
std::string plainest(const std::vector<Text>& texts) {
    const Text* best = nullptr;
    for (const auto& t : texts)
        if (!best || t.kind < best->kind ||
            (t.kind == best->kind && t.role == "main" && best->role != "main"))
            best = &t;
    if (!best) return {};
    return best->kind == Text::Kind::Plain ? best->value
                                           : sanitize::sanitize_html(best->value).text;
}

std::string name_of(const json::value* v) {
    if (!v) return {};
    if (v->is_string()) return std::string(v->get_string());
    if (v->is_object()) return string_at(v->get_object(), "name");
    if (v->is_array()) {
        for (const auto& e : v->get_array()) {
            std::string n = name_of(&e);
            if (!n.empty()) return n;
        }
    }
    return {};
}

// A JSON number as a whole number; 0 for anything else (fractions, huge or negative values are
// not worth failing an import over: the width only ranks renditions).
std::int64_t whole_number(const json::value& v) {
    constexpr double largest = 1e9;
    if (v.is_int64()) return std::max<std::int64_t>(0, v.get_int64());
    if (v.is_uint64())
        return v.get_uint64() > static_cast<std::uint64_t>(largest)
                   ? 0
                   : static_cast<std::int64_t>(v.get_uint64());
    if (v.is_double() && v.get_double() > 0 && v.get_double() < largest)
        return static_cast<std::int64_t>(v.get_double());
    return 0;
}

void collect_rendition(const json::value& v, std::vector<Rendition>& out) {
    if (!v.is_object()) return;
    const auto& r = v.get_object();
    Rendition rendition{string_at(r, "href"), 0};
    if (const auto* w = r.if_contains("width")) rendition.width = whole_number(*w);
    if (!rendition.href.empty()) out.push_back(std::move(rendition));
}

std::optional<domain::WireImage> picture(const json::object& item, const Spelling& names,
                                         const std::filesystem::path& base,
                                         const std::vector<std::filesystem::path>& import_roots,
                                         std::vector<std::string>& warnings) {
    const auto* assoc = item.if_contains("associations");
    if (!assoc) return std::nullopt;
    // 2.x: an object keyed by association name; 3.x: an array of objects with a "name".
    std::vector<const json::object*> candidates;
    if (assoc->is_object()) {
        for (const auto& [key, value] : assoc->get_object())
            if (value.is_object()) candidates.push_back(&value.get_object());
    } else if (assoc->is_array()) {
        for (const auto& value : assoc->get_array())
            if (value.is_object()) candidates.push_back(&value.get_object());
    }
    for (const auto* a : candidates) {
        const std::string type = string_at(*a, "type");
        if (type != "picture" && type != "image") continue;
        std::vector<Rendition> renditions;
        if (const auto* r = a->if_contains("renditions")) {
            if (r->is_object())
                for (const auto& [key, value] : r->get_object())
                    collect_rendition(value, renditions);
            else if (r->is_array())
                for (const auto& value : r->get_array()) collect_rendition(value, renditions);
        }
        const auto source = picture_source(renditions, base, import_roots, warnings);
        if (!source) continue;
        domain::WireImage image;
        image.location = source->file.string();
        image.url = source->url;
        image.caption = plainest(texts_of(*a, "description", names));
        if (image.caption.empty()) image.caption = plainest(texts_of(*a, "headline", names));
        image.credit = string_at(*a, names.by);
        if (image.credit.empty()) image.credit = string_at(*a, names.copyright_holder);
        if (image.credit.empty()) image.credit = name_of(a->if_contains(names.info_sources));
        return image;
    }
    return std::nullopt;
}

Result<std::optional<UnixTime>> time_at(const json::object& o, std::string_view key) {
    const std::string text = string_at(o, key);
    if (text.empty()) return std::optional<UnixTime>{};
    UnixTime t = 0;
    if (!parse_iso8601(text, t))
        return Error::invalid("'" + std::string(key) + "' is not an ISO 8601 date-time: " + text,
                              std::string(key));
    return std::optional<UnixTime>{t};
}

void add_tags_from(const json::value* v, std::vector<std::string>& tags) {
    if (!v || !v->is_array()) return;
    for (const auto& e : v->get_array()) {
        std::string name = e.is_string() ? std::string(e.get_string())
                                         : (e.is_object() ? string_at(e.get_object(), "name") : "");
        if (name.empty() || std::find(tags.begin(), tags.end(), name) != tags.end()) continue;
        tags.push_back(std::move(name));
    }
}

// Byte offset to "line L, column C" for error messages.
std::string position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

Result<WireItem> parse_ninjs(std::string_view text, const std::filesystem::path& base_dir,
                             const std::vector<std::filesystem::path>& import_roots) {
    if (text.size() > max_item_bytes)
        return Error::invalid("larger than " + std::to_string(max_item_bytes / (1024 * 1024)) +
                              " MB");
    if (!is_valid_utf8(text)) return Error::invalid("not valid UTF-8");
    json::parse_options options;
    options.max_depth = 64;
    json::stream_parser parser({}, options);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec)
        return Error::invalid("not valid JSON (" + ec.message() + " at " +
                              position(text, consumed) + ")");
    const json::value doc = parser.release();
    if (doc.is_array())
        return Error::invalid("a list of " + std::to_string(doc.get_array().size()) +
                              " items (a collection): Dateline reads one ninjs item a file");
    if (!doc.is_object()) return Error::invalid("not a ninjs item: the top level is not an object");
    const auto& o = doc.as_object();

    WireItem item;
    item.guid = string_at(o, "uri");
    if (item.guid.empty()) return Error::invalid("no 'uri': every ninjs item needs one", "uri");

    // The schema of the version the item declares, else of the newest version of the generation
    // its field names show.
    const std::string declared = declared_version(o);
    const std::string version =
        schema_version_for(declared.empty() ? std::to_string(generation_by_shape(doc)) : declared);
    if (version.empty())
        return Error::invalid("it declares ninjs " + declared +
                              ", a version Dateline does not know (it reads 1.0 to 3.1)");
    if (!declared.empty() && declared != version && declared.rfind(version + ".", 0) != 0)
        item.warnings.push_back("it declares ninjs " + declared +
                                ", which is newer than Dateline knows; read as ninjs " + version);
    if (auto valid = check_ninjs_schema(doc, version); !valid) return valid.error();
    const Spelling& names = spellings[version.front() - '1'];
    item.format = "ninjs " + version;
    item.version = string_at(o, "version");

    const std::string type = string_at(o, "type");
    if (o.contains("eventDetails") || type == "event" || type == "planning")
        return Error::invalid(
            "an event or a planning item (it announces coverage, with its "
            "dates and places) is not a story: only text items, and "
            "composite items that carry text, become articles",
            "type");
    if (!type.empty() && type != "text" && type != "composite")
        return Error::invalid("an item of type '" + type +
                                  "' is not a story: only text items, and composite items "
                                  "that carry text, become articles",
                              "type");

    item.headline = plainest(texts_of(o, "headline", names));
    if (item.headline.empty()) return Error::invalid("no headline", "headline");

    item.standfirst = plainest(texts_of(o, "description", names));
    const auto bodies = texts_of(o, "body", names);
    if (const Text* body = richest(bodies)) {
        if (body->kind == Text::Kind::Html) {
            item.body_html = body->value;
        } else if (body->kind == Text::Kind::Nitf) {
            auto html = nitf_body_html(body->value);
            if (html) {
                item.body_html = std::move(*html);
            } else {
                // A broken NITF body gives way to the item's plain one, if it has one.
                item.warnings.push_back(html.error().message);
                for (const auto& t : bodies)
                    if (t.kind == Text::Kind::Plain)
                        item.body_html = paragraphs_from_plain_text(t.value);
            }
        } else {
            item.body_html = paragraphs_from_plain_text(body->value);
        }
    }
    if (item.body_html.empty() && !item.standfirst.empty()) {
        // A flash or a brief: its description is all the text there is.
        item.body_html = paragraphs_from_plain_text(item.standfirst);
        item.standfirst.clear();
    }
    if (item.body_html.empty()) return Error::invalid("no body and no description", "body");

    item.byline = string_at(o, names.by);
    item.dateline = name_of(o.if_contains("located"));
    item.source_credit = name_of(o.if_contains(names.info_sources));
    if (item.source_credit.empty()) item.source_credit = string_at(o, names.copyright_holder);
    item.language = string_at(o, "language");
    add_tags_from(o.if_contains(names.subjects), item.tags);

    auto first = time_at(o, names.first_created);
    if (!first) return first.error();
    auto version_created = time_at(o, names.version_created);
    if (!version_created) return version_created.error();
    auto embargo = time_at(o, names.embargo);
    if (!embargo) return embargo.error();
    item.version_created = *version_created;
    item.first_created = *first ? *first : *version_created;
    item.embargoed_until = *embargo;
    if (const auto* u = o.if_contains("urgency"))
        if (const auto level = whole_number(*u); level >= 1 && level <= 9)
            item.urgency = static_cast<int>(level);
    item.status = domain::parse_wire_status(string_at(o, names.pub_status))
                      .value_or(domain::WireStatus::Usable);

    item.image = picture(o, names, base_dir, import_roots, item.warnings);
    return item;
}

Result<WireItem> read_ninjs_file(const std::filesystem::path& file,
                                 const std::vector<std::filesystem::path>& import_roots) {
    auto fail = [&](const Error& e) {
        Error out = e;
        out.message = file.string() + ": " + e.message;
        return out;
    };
    auto text = read_item_text(file);
    if (!text) return fail(text.error());
    auto item = parse_ninjs(*text, file.parent_path(), import_roots);
    if (!item) return fail(item.error());
    return item;
}

}  // namespace dateline::ingest
