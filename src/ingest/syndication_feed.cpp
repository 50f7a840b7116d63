#include "ingest/syndication_feed.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/ascii.hpp"
#include "core/clock.hpp"
#include "ingest/item_files.hpp"
#include "ingest/xml_reading.hpp"
#include "sanitize/html_sanitizer.hpp"

namespace dateline::ingest {

using domain::WireItem;

namespace {

// A feed of more items than this is a mistake or an attack; the rest are named as skipped.
constexpr std::size_t max_items = 1000;
// How many ancestors are asked for an xml:lang.
constexpr int max_depth = 64;
// How many tags an item keeps: more are no use to an editor, and each new one is compared with
// those kept.
constexpr std::size_t max_tags = 100;
// How many renditions of its picture an item may list: each local one refused costs a look at
// the file system and a warning.
constexpr std::size_t max_renditions = 20;
// How many skipped items' reasons the error of a feed with no readable item quotes.
constexpr std::size_t max_reasons_quoted = 3;
// How long (in bytes) a guid, title or date may be where a skipped item or a warning quotes it.
constexpr std::size_t max_name_bytes = 80;
// How long (in bytes) what a feed gives each of its items (its title, authors, language) may be:
// copied into every item, a long one would multiply the memory a feed takes.
constexpr std::size_t max_feed_field_bytes = 1000;

namespace ns {
constexpr std::string_view none;
constexpr std::string_view atom = "http://www.w3.org/2005/Atom";
constexpr std::string_view content = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view dc = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
constexpr std::string_view media = "http://search.yahoo.com/mrss/";
constexpr std::string_view xml = "http://www.w3.org/XML/1998/namespace";
// What a prefix that is declared nowhere and is not one of the usual ones stands for.
constexpr std::string_view unknown = "urn:x-dateline:undeclared-prefix";
}  // namespace ns

// The namespace a URI names, with the spellings real feeds use folded into one: with or without
// the final slash, and Yahoo's older address of Media RSS.
std::string_view canonical_namespace(std::string_view uri) {
    std::string_view bare = uri;
    if (bare.ends_with('/')) bare.remove_suffix(1);
    for (const auto known : {ns::atom, ns::content, ns::dc, ns::dcterms, ns::media}) {
        std::string_view k = known;
        if (k.ends_with('/')) k.remove_suffix(1);
        if (bare == k) return known;
    }
    if (bare == "http://tools.search.yahoo.com/mrss") return ns::media;
    return uri;
}

// Feeds often use a module's prefix without declaring it; XML parsers that check would refuse
// them, readers do not.
std::string_view usual_namespace(std::string_view prefix) {
    if (prefix.empty()) return ns::none;
    if (prefix == "atom") return ns::atom;
    if (prefix == "content") return ns::content;
    if (prefix == "dc") return ns::dc;
    if (prefix == "dcterms") return ns::dcterms;
    if (prefix == "media") return ns::media;
    if (prefix == "xml") return ns::xml;
    return ns::unknown;
}

// The namespace prefixes declared on an element and around it. Scopes are made only for the few
// levels a feed is read at (root, channel, item, media group), each from its element's
// attributes once, so that resolving names stays linear in the document's size.
class Scope {
  public:
    Scope(const pugi::xml_node& node, const Scope* parent) : parent_(parent) {
        for (const auto& a : node.attributes()) {
            const std::string_view name = a.name();
            if (name == "xmlns")
                declared_.emplace(std::string_view(), a.value());
            else if (name.starts_with("xmlns:"))
                declared_.emplace(name.substr(6), a.value());
        }
    }

    std::string_view resolve(std::string_view prefix) const {
        for (const Scope* s = this; s != nullptr; s = s->parent_)
            if (const auto found = s->declared_.find(prefix); found != s->declared_.end())
                return canonical_namespace(found->second);
        return usual_namespace(prefix);
    }

  private:
    const Scope* parent_;
    std::map<std::string_view, std::string_view, std::less<>> declared_;
};

// An element's expanded name: its namespace and local name.
struct Name {
    std::string_view ns;
    std::string_view local;
};

std::string_view prefix_of(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

// The name of `node`, a child of the element whose scope is `parent`; a declaration on the
// element itself counts.
Name name_of(const pugi::xml_node& node, const Scope& parent) {
    const std::string_view prefix = prefix_of(node);
    const std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    const auto own = node.attribute(declaration.c_str());
    return {own ? canonical_namespace(own.value()) : parent.resolve(prefix), xml::local_name(node)};
}

std::vector<pugi::xml_node> element_children(const pugi::xml_node& node) {
    std::vector<pugi::xml_node> out;
    for (const auto& c : node.children())
        if (c.type() == pugi::node_element) out.push_back(c);
    return out;
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Whether text holds an HTML tag ("<b>", "</p>", "<!--"), which plain text rarely does.
bool has_tag(std::string_view text) {
    for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1))
        if (i + 1 < text.size() &&
            (is_alpha(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!'))
            return true;
    return false;
}

// Whether text holds an HTML character reference ("&eacute;", "&#233;", "&#xE9;"): what is left
// of HTML escaped twice.
bool has_character_reference(std::string_view text) {
    for (std::size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
        std::size_t j = i + 1;
        if (j < text.size() && text[j] == '#') {
            ++j;
            const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
            if (hex) ++j;
            const std::size_t digits = j;
            while (j < text.size() && (hex ? is_hex(text[j]) : is_digit(text[j]))) ++j;
            if (j > digits && j < text.size() && text[j] == ';') return true;
        } else {
            const std::size_t letters = j;
            while (j < text.size() && (is_alpha(text[j]) || is_digit(text[j]))) ++j;
            if (j > letters && is_alpha(text[letters]) && j < text.size() && text[j] == ';')
                return true;
        }
    }
    return false;
}

bool has_markup(std::string_view text) {
    return has_tag(text) || has_character_reference(text);
}

// The text a reader sees of some HTML, on one line.
std::string plain_from_html(std::string_view html) {
    return xml::collapsed(sanitize::sanitize_html(html).text);
}

// A one-line text that may be HTML (RSS leaves it to each feed): made plain when it looks so.
std::string plain(std::string_view text) {
    return has_markup(text) ? plain_from_html(text) : xml::collapsed(text);
}

// The text of an element meant to hold (escaped) text, as written: line breaks kept. A feed that
// wrote its HTML unescaped, as elements, gets that markup back.
std::string content_of(const pugi::xml_node& node) {
    std::string out;
    bool elements = false;
    for (const auto& c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        if (c.type() == pugi::node_element) elements = true;
    }
    return elements ? xml::html_of_children(node) : out;
}

// At most `max_bytes` of `text`, cut between characters, with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t max_bytes = max_name_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

// --- Dates -----------------------------------------------------------------------------------

// Reads an RFC 822 date as feeds write it ("Tue, 3 Jun 2025 08:05:00 GMT"), tolerantly: the
// weekday is optional and not checked, days have one or two digits, months may be spelt out,
// years have two digits (RFC 2822: 00-49 are 2000-2049) or four, seconds and the zone are
// optional (no zone is UTC), and a comment in parentheses may follow.
std::optional<UnixTime> parse_rfc822(std::string_view s) {
    std::size_t pos = 0;
    const auto skip = [&](std::string_view chars) {
        while (pos < s.size() && chars.find(s[pos]) != std::string_view::npos) ++pos;
    };
    const auto word = [&] {
        const std::size_t start = pos;
        while (pos < s.size() && is_alpha(s[pos])) ++pos;
        return s.substr(start, pos - start);
    };
    const auto number = [&](std::size_t min_digits, std::size_t max_digits, int& out) {
        const std::size_t start = pos;
        out = 0;
        while (pos < s.size() && is_digit(s[pos]) && pos - start < max_digits)
            out = out * 10 + (s[pos++] - '0');
        return pos - start >= min_digits && (pos >= s.size() || !is_digit(s[pos]));
    };
    static constexpr std::array<std::string_view, 7> weekdays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    static constexpr std::array<std::string_view, 12> months = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};

    skip(" \t\r\n");
    if (pos < s.size() && is_alpha(s[pos])) {
        const std::string_view day_name = word();
        const bool weekday = std::any_of(weekdays.begin(), weekdays.end(), [&](auto full) {
            return equals_ignoring_ascii_case(day_name, full.substr(0, 3)) ||
                   equals_ignoring_ascii_case(day_name, full);
        });
        if (!weekday) return std::nullopt;
        skip(" \t,");
    }
    int day = 0;
    if (!number(1, 2, day)) return std::nullopt;
    skip(" \t-");
    const std::string_view month_name = word();
    int month = 0;
    for (std::size_t m = 0; m < months.size(); ++m) {
        const std::string_view full = months[m];
        if (equals_ignoring_ascii_case(month_name, full.substr(0, 3)) ||
            equals_ignoring_ascii_case(month_name, full) ||
            (m == 8 && equals_ignoring_ascii_case(month_name, "sept")))
            month = static_cast<int>(m) + 1;
    }
    if (month == 0) return std::nullopt;
    if (pos < s.size() && s[pos] == '.') ++pos;  // "Jun."
    skip(" \t-");
    int year = 0;
    const std::size_t year_start = pos;
    if (!number(2, 4, year) || pos - year_start == 3) return std::nullopt;
    if (pos - year_start == 2) year += year < 50 ? 2000 : 1900;
    skip(" \t");

    int hour = 0;
    int minute = 0;
    int second = 0;
    if (pos < s.size() && is_digit(s[pos])) {
        if (!number(1, 2, hour) || pos >= s.size() || s[pos] != ':') return std::nullopt;
        ++pos;
        if (!number(2, 2, minute)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!number(2, 2, second)) return std::nullopt;
        }
        skip(" \t");
    }

    long offset = 0;  // seconds east of UTC
    const auto numeric_zone = [&] {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        // "+hhmm", or "+hh:mm" as ISO 8601 writes it.
        const std::size_t start = pos;
        int hh = 0;
        int mm = 0;
        if (!number(2, 4, hh)) return false;
        if (pos - start == 4) {
            mm = hh % 100;
            hh /= 100;
        } else if (pos - start != 2 || pos >= s.size() || s[pos] != ':') {
            return false;
        } else {
            ++pos;
            if (!number(2, 2, mm)) return false;
        }
        if (hh > 23 || mm > 59) return false;
        offset = sign * (hh * 3600L + mm * 60L);
        return true;
    };
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        if (!numeric_zone()) return std::nullopt;
    } else if (pos < s.size() && is_alpha(s[pos])) {
        const std::string_view zone = word();
        struct Zone {
            std::string_view name;
            int hours;
        };
        static constexpr std::array<Zone, 12> zones = {{{"GMT", 0},
                                                        {"UT", 0},
                                                        {"UTC", 0},
                                                        {"Z", 0},
                                                        {"EST", -5},
                                                        {"EDT", -4},
                                                        {"CST", -6},
                                                        {"CDT", -5},
                                                        {"MST", -7},
                                                        {"MDT", -6},
                                                        {"PST", -8},
                                                        {"PDT", -7}}};
        const auto* known = std::find_if(zones.begin(), zones.end(), [&](const Zone& z) {
            return equals_ignoring_ascii_case(zone, z.name);
        });
        if (known != zones.end()) {
            offset = known->hours * 3600L;
            // "GMT+0100", as some feeds write it.
            if (known->hours == 0 && pos < s.size() && (s[pos] == '+' || s[pos] == '-') &&
                !numeric_zone())
                return std::nullopt;
        } else if (zone.size() != 1 || equals_ignoring_ascii_case(zone, "j")) {
            return std::nullopt;
        }
        // Any other letter is a military zone: RFC 822 gave them offsets of the wrong sign, so
        // RFC 2822 reads them as UTC, the offset being unknown.
    }
    skip(" \t\r\n");
    if (pos < s.size() && s[pos] == '(') {
        const auto close = s.find(')', pos);
        if (close == std::string_view::npos) return std::nullopt;
        pos = close + 1;
        skip(" \t\r\n");
    }
    if (pos != s.size()) return std::nullopt;

    namespace chrono = std::chrono;
    const chrono::year_month_day date{chrono::year{year}, chrono::month{unsigned(month)},
                                      chrono::day{unsigned(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    const auto t = chrono::sys_days{date} + chrono::hours{hour} + chrono::minutes{minute} +
                   chrono::seconds{second};
    return t.time_since_epoch().count() - offset;
}

// A date as a feed gives it: RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core), whichever it is.
// An unreadable date is a warning on the item, not a reason to refuse it.
std::optional<UnixTime> feed_date(const std::string& text, std::string_view element,
                                  std::vector<std::string>& warnings) {
    if (text.empty()) return std::nullopt;
    if (auto t = parse_rfc822(text)) return t;
    if (UnixTime t = 0; parse_iso8601(text, t)) return t;
    warnings.push_back("its " + std::string(element) + " '" + shortened(text) +
                       "' is not a date Dateline can read; left out");
    return std::nullopt;
}

// --- Items -----------------------------------------------------------------------------------

void add_tag(std::vector<std::string>& tags, std::string tag) {
    if (!tag.empty() && tags.size() < max_tags &&
        std::find(tags.begin(), tags.end(), tag) == tags.end())
        tags.push_back(std::move(tag));
}

void add_name(std::string& names, const std::string& name) {
    if (name.empty()) return;
    if (!names.empty()) names += ", ";
    names += name;
}

// The name in an RSS author, an e-mail address often followed by the name
// ("desk@example.com (Rana Idris)"), or preceded by it ("Rana Idris <desk@example.com>").
std::string author_name(const std::string& author) {
    const auto open = author.find('(');
    const auto close = author.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1)
        return xml::collapsed(std::string_view(author).substr(open + 1, close - open - 1));
    const auto angle = author.find('<');
    if (angle != std::string::npos && angle > 0)
        return xml::collapsed(std::string_view(author).substr(0, angle));
    return author;
}

bool looks_like_image(std::string_view url) {
    const auto end = url.find_first_of("?#");
    const std::string_view path = url.substr(0, end);
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return false;
    const std::string_view ext = path.substr(dot + 1);
    for (const std::string_view known : {"jpg", "jpeg", "png", "gif", "webp", "avif"})
        if (equals_ignoring_ascii_case(ext, known)) return true;
    return false;
}

// An enclosure or media object is a picture when its type or medium says so, or, saying
// nothing, when its file name does.
bool is_picture(const std::string& type, const std::string& medium, const std::string& url) {
    if (!medium.empty()) return medium == "image";
    if (!type.empty()) return starts_with_ignoring_ascii_case(type, "image/");
    return looks_like_image(url);
}

// The picture an item carries: its renditions, caption and credit, first found first.
struct Picture {
    std::vector<Rendition> renditions;
    std::string description;
    std::string title;
    std::string credit;

    // A Media RSS element (media:content, media:thumbnail, media:group, ...), with the ones it
    // holds.
    void add_media(const pugi::xml_node& node, const Scope& parent, int depth = 0) {
        const Name name = name_of(node, parent);
        if (name.ns != ns::media) return;
        const auto keep = [](std::string& field, const pugi::xml_node& text_node) {
            if (field.empty()) field = plain(xml::text(text_node));
        };
        if (name.local == "content" || name.local == "thumbnail") {
            const std::string url = xml::attribute(node, "url");
            const bool picture =
                name.local == "thumbnail" ||
                is_picture(xml::attribute(node, "type"), xml::attribute(node, "medium"), url);
            if (!picture) return;
            if (!url.empty() && renditions.size() < max_renditions)
                renditions.push_back(
                    {url, std::max<std::int64_t>(0, node.attribute("width").as_llong(0))});
        } else if (name.local == "description") {
            keep(description, node);
            return;
        } else if (name.local == "title") {
            keep(title, node);
            return;
        } else if (name.local == "credit") {
            keep(credit, node);
            return;
        } else if (name.local != "group") {
            return;
        }
        // A group holds its contents, and a content its description, title and credit.
        if (depth > 1) return;
        const Scope scope(node, &parent);
        for (const auto& c : element_children(node)) add_media(c, scope, depth + 1);
    }

    void add_enclosure(const std::string& url, const std::string& type) {
        if (!url.empty() && renditions.size() < max_renditions && is_picture(type, {}, url))
            renditions.push_back({url, 0});
    }

    std::optional<domain::WireImage> image(const std::filesystem::path& base_dir,
                                           const std::vector<std::filesystem::path>& import_roots,
                                           std::vector<std::string>& warnings) const {
        const auto source = picture_source(renditions, base_dir, import_roots, warnings);
        if (!source) return std::nullopt;
        return domain::WireImage{source->file.string(), description.empty() ? title : description,
                                 credit, source->url};
    }
};

// What a feed gives all its items.
struct FeedContext {
    std::string format;
    std::string_view core;  // the namespace of the format's own elements
    std::string title;      // plain
    std::string key;        // the channel's link or the feed's id
    std::string language;
    std::string authors;  // Atom: the feed's authors, for entries without any
};

// An item read, or why not; `label` names it where it is skipped.
struct ReadItem {
    std::optional<WireItem> item;
    std::string reason;
    std::string label;
};

// Fills guid, when the item gives none, from its feed and title; fails without a title and body
// (`no_text` says which elements were looked for).
void finish(ReadItem& read, const FeedContext& feed, std::string_view no_text) {
    WireItem& item = *read.item;
    read.label = shortened(item.guid.empty() ? item.headline : item.guid);
    if (item.headline.empty()) {
        read.reason = "no title";
    } else if (blank(item.body_html)) {
        read.reason = "no text (" + std::string(no_text) + ")";
    }
    if (!read.reason.empty()) {
        read.item.reset();
        return;
    }
    if (item.guid.empty()) {
        item.guid = feed.key.empty() ? item.headline : feed.key + "#" + item.headline;
        item.warnings.emplace_back(
            "it has no guid or link: it is known by its title, so a new title makes it a new item");
    }
    item.format = feed.format;
}

ReadItem rss_item(const pugi::xml_node& node, const Scope& channel, const FeedContext& feed,
                  const std::filesystem::path& base_dir,
                  const std::vector<std::filesystem::path>& import_roots) {
    ReadItem read;
    WireItem& item = read.item.emplace();
    const Scope scope(node, &channel);
    std::string link;
    std::string title;
    std::string description;
    std::string content;
    std::string creators;
    std::string author;
    std::string source;
    std::string pub_date;
    std::string dc_date;
    std::string language;
    Picture picture;
    const auto first = [](std::string& field, std::string value) {
        if (field.empty()) field = std::move(value);
    };
    for (const auto& c : element_children(node)) {
        const Name name = name_of(c, scope);
        if (name.ns == feed.core) {
            if (name.local == "guid") first(item.guid, xml::text(c));
            if (name.local == "link") first(link, xml::text(c));
            if (name.local == "title") first(title, xml::text(c));
            if (name.local == "description" && blank(description)) description = content_of(c);
            if (name.local == "author") first(author, xml::text(c));
            if (name.local == "category") add_tag(item.tags, plain(xml::text(c)));
            if (name.local == "pubDate") first(pub_date, xml::text(c));
            if (name.local == "source") first(source, plain(xml::text(c)));
            if (name.local == "enclosure")
                picture.add_enclosure(xml::attribute(c, "url"), xml::attribute(c, "type"));
        } else if (name.ns == ns::content && name.local == "encoded") {
            if (blank(content)) content = content_of(c);
        } else if (name.ns == ns::dc || name.ns == ns::dcterms) {
            if (name.local == "creator") add_name(creators, plain(xml::text(c)));
            if (name.local == "date" || name.local == "created") first(dc_date, xml::text(c));
            if (name.local == "subject") add_tag(item.tags, plain(xml::text(c)));
            if (name.local == "language") first(language, xml::text(c));
        } else if (name.ns == ns::media) {
            picture.add_media(c, scope);
        }
    }
    item.guid = item.guid.empty() ? link : item.guid;
    item.headline = plain(title);
    if (!blank(content)) {
        item.body_html = std::move(content);
        item.standfirst = plain(description);
    } else if (!blank(description)) {
        item.body_html =
            has_markup(description) ? description : paragraphs_from_plain_text(description);
    }
    item.byline = !creators.empty() ? creators : plain(author_name(author));
    if (!pub_date.empty())
        item.first_created = feed_date(pub_date, "pubDate", item.warnings);
    else
        item.first_created = feed_date(dc_date, "dc:date", item.warnings);
    item.version_created = item.first_created;
    if (language.empty()) language = xml::attribute(node, "xml:lang");
    item.language = language.empty() ? feed.language : language;
    item.source_credit = source.empty() ? feed.title : source;
    finish(read, feed, "no description or content:encoded");
    if (read.item) read.item->image = picture.image(base_dir, import_roots, read.item->warnings);
    return read;
}

// An Atom text construct (title, summary, rights, content): its HTML and its plain text.
struct AtomText {
    bool present = false;
    std::string html;
    std::string plain;
};

AtomText atom_text(const pugi::xml_node& node) {
    if (!node) return {};
    const std::string type = xml::attribute(node, "type");
    AtomText out{true, {}, {}};
    if (type == "xhtml" || type.ends_with("+xml") || type.ends_with("/xml")) {
        pugi::xml_node div;
        for (const auto& c : element_children(node)) {
            if (xml::local_name(c) == "div") div = c;
            break;
        }
        out.html = xml::html_of_children(div ? div : node);
        out.plain = xml::text(div ? div : node);
    } else if (type == "html" || type == "text/html") {
        out.html = content_of(node);
        out.plain = plain_from_html(out.html);
    } else {
        const std::string text = content_of(node);
        out.html = paragraphs_from_plain_text(text);
        out.plain = xml::collapsed(text);
    }
    if (blank(out.plain) && blank(out.html)) out.present = false;
    return out;
}

// The names of the authors an Atom element (entry, feed, source) lists, joined.
std::string atom_authors(const pugi::xml_node& node, const Scope& scope, std::string_view core) {
    std::string names;
    for (const auto& c : element_children(node)) {
        const Name name = name_of(c, scope);
        if (name.ns != core || name.local != "author") continue;
        const Scope author(c, &scope);
        for (const auto& part : element_children(c))
            if (const Name n = name_of(part, author); n.ns == core && n.local == "name")
                add_name(names, plain(xml::text(part)));
    }
    return names;
}

// The language an element says it is in, or its nearest ancestor does.
std::string xml_lang(pugi::xml_node node) {
    for (int depth = 0; node && depth < max_depth; node = node.parent(), ++depth)
        if (const auto lang = node.attribute("xml:lang")) return lang.value();
    return {};
}

ReadItem atom_entry(const pugi::xml_node& node, const Scope& feed_scope, const FeedContext& feed,
                    const std::filesystem::path& base_dir,
                    const std::vector<std::filesystem::path>& import_roots) {
    ReadItem read;
    WireItem& item = read.item.emplace();
    const Scope scope(node, &feed_scope);
    std::string alternate;
    pugi::xml_node title;
    pugi::xml_node summary;
    pugi::xml_node content;
    std::string published;
    std::string updated;
    std::string source;
    Picture picture;
    for (const auto& c : element_children(node)) {
        const Name name = name_of(c, scope);
        if (name.ns == ns::media) {
            picture.add_media(c, scope);
            continue;
        }
        if (name.ns != feed.core) continue;
        if (name.local == "id" && item.guid.empty()) item.guid = xml::text(c);
        if (name.local == "title" && !title) title = c;
        if (name.local == "summary" && !summary) summary = c;
        if (name.local == "content" && !content) content = c;
        if (name.local == "published" && published.empty()) published = xml::text(c);
        if (name.local == "updated" && updated.empty()) updated = xml::text(c);
        if (name.local == "category") {
            const std::string label = xml::attribute(c, "label");
            add_tag(item.tags, plain(label.empty() ? xml::attribute(c, "term") : label));
        }
        if (name.local == "link") {
            const std::string rel = xml::attribute(c, "rel");
            if ((rel.empty() || rel == "alternate") && alternate.empty())
                alternate = xml::attribute(c, "href");
            if (rel == "enclosure")
                picture.add_enclosure(xml::attribute(c, "href"), xml::attribute(c, "type"));
        }
        if (name.local == "source" && source.empty()) {
            const Scope source_scope(c, &scope);
            for (const auto& part : element_children(c))
                if (const Name n = name_of(part, source_scope);
                    n.ns == feed.core && n.local == "title")
                    source = atom_text(part).plain;
        }
    }
    if (item.guid.empty()) item.guid = alternate;
    item.headline = atom_text(title).plain;
    const AtomText about = atom_text(summary);
    AtomText body;
    if (content) {
        const std::string type = xml::attribute(content, "type");
        const bool textual = type.empty() || type == "text" || type == "html" || type == "xhtml" ||
                             type.starts_with("text/") || type.ends_with("+xml") ||
                             type.ends_with("/xml");
        if (!xml::attribute(content, "src").empty())
            item.warnings.push_back("its content at '" + shortened(xml::attribute(content, "src")) +
                                    "' is out of line and is not fetched; its summary is its text");
        else if (!textual)
            item.warnings.push_back("its content of type " + type +
                                    " is not text; its summary is its text");
        else
            body = atom_text(content);
    }
    if (body.present) {
        item.body_html = std::move(body.html);
        item.standfirst = about.plain;
    } else if (about.present) {
        item.body_html = about.html;  // a flash: the summary is all the text there is
    }
    item.byline = atom_authors(node, scope, feed.core);
    if (item.byline.empty()) item.byline = feed.authors;
    const auto published_at = feed_date(published, "published date", item.warnings);
    const auto updated_at = feed_date(updated, "updated date", item.warnings);
    item.first_created = published_at ? published_at : updated_at;
    item.version_created = updated_at ? updated_at : published_at;
    item.version = updated;
    const std::string lang = xml_lang(node);
    item.language = lang.empty() ? feed.language : lang;
    item.source_credit = source.empty() ? feed.title : source;
    finish(read, feed, "no content or summary");
    if (read.item) read.item->image = picture.image(base_dir, import_roots, read.item->warnings);
    return read;
}

// --- Documents -------------------------------------------------------------------------------

using ItemReader = ReadItem (*)(const pugi::xml_node&, const Scope&, const FeedContext&,
                                const std::filesystem::path&,
                                const std::vector<std::filesystem::path>&);

Result<WireDocument> read_items(const std::vector<pugi::xml_node>& nodes, const Scope& scope,
                                FeedContext feed, ItemReader reader,
                                const std::filesystem::path& base_dir,
                                const std::vector<std::filesystem::path>& import_roots) {
    if (nodes.empty()) return Error::invalid("the feed has no items");
    for (auto* field : {&feed.title, &feed.key, &feed.language, &feed.authors})
        *field = shortened(*field, max_feed_field_bytes);
    WireDocument out;
    out.format = feed.format;
    const std::size_t count = std::min(nodes.size(), max_items);
    for (std::size_t i = 0; i < count; ++i) {
        ReadItem read = reader(nodes[i], scope, feed, base_dir, import_roots);
        if (read.item) {
            out.items.push_back(std::move(*read.item));
            continue;
        }
        std::string line = "item " + std::to_string(i + 1);
        if (!read.label.empty()) line += " (\"" + read.label + "\")";
        out.skipped.push_back(line + ": " + read.reason);
    }
    if (nodes.size() > max_items)
        out.skipped.push_back("items " + std::to_string(max_items + 1) + " to " +
                              std::to_string(nodes.size()) +
                              ": not read: Dateline reads the first " + std::to_string(max_items) +
                              " items of a feed");
    if (out.items.empty()) {
        std::string reasons;
        for (std::size_t i = 0; i < out.skipped.size() && i < max_reasons_quoted; ++i)
            reasons += (i ? "; " : "") + out.skipped[i];
        if (out.skipped.size() > max_reasons_quoted)
            reasons += "; and " + std::to_string(out.skipped.size() - max_reasons_quoted) + " more";
        return Error::invalid("the feed has no item Dateline can read: " + reasons);
    }
    return out;
}

Result<WireDocument> read_rss(const pugi::xml_node& root, std::string_view core,
                              const Scope& root_scope, const std::filesystem::path& base_dir,
                              const std::vector<std::filesystem::path>& import_roots) {
    FeedContext feed;
    // The version as RSS numbers them ("2.0", "0.91"); anything else is not repeated.
    const std::string version = xml::collapsed(xml::attribute(root, "version"));
    const bool numbered = !version.empty() && version.size() <= 8 &&
                          version.find_first_not_of("0123456789.") == std::string::npos;
    feed.format = numbered ? "RSS " + version : "RSS";
    feed.core = core;
    pugi::xml_node channel;
    for (const auto& c : element_children(root))
        if (const Name n = name_of(c, root_scope); n.ns == core && n.local == "channel") {
            channel = c;
            break;
        }
    if (!channel) return Error::invalid("an RSS document without a channel");
    const Scope scope(channel, &root_scope);
    std::string dc_language;
    std::vector<pugi::xml_node> items;
    for (const auto& c : element_children(channel)) {
        const Name name = name_of(c, scope);
        if (name.ns == core) {
            if (name.local == "item") items.push_back(c);
            if (name.local == "title" && feed.title.empty()) feed.title = plain(xml::text(c));
            if (name.local == "link" && feed.key.empty()) feed.key = xml::text(c);
            if (name.local == "language" && feed.language.empty()) feed.language = xml::text(c);
        } else if (name.ns == ns::dc && name.local == "language" && dc_language.empty()) {
            dc_language = xml::text(c);
        }
    }
    if (feed.language.empty()) feed.language = dc_language;
    if (feed.language.empty()) feed.language = xml_lang(channel);
    return read_items(items, scope, feed, rss_item, base_dir, import_roots);
}

Result<WireDocument> read_atom(const pugi::xml_node& root, std::string_view core,
                               const Scope& root_scope, const std::filesystem::path& base_dir,
                               const std::vector<std::filesystem::path>& import_roots) {
    FeedContext feed;
    feed.format = "Atom 1.0";
    feed.core = core;
    feed.language = xml_lang(root);
    std::vector<pugi::xml_node> entries;
    if (xml::local_name(root) == "entry") {
        entries.push_back(root);
        // The entry's own scope is the root's: its declarations are read again, harmlessly.
        return read_items(entries, root_scope, feed, atom_entry, base_dir, import_roots);
    }
    std::string alternate;
    for (const auto& c : element_children(root)) {
        const Name name = name_of(c, root_scope);
        if (name.ns != core) continue;
        if (name.local == "entry") entries.push_back(c);
        if (name.local == "title" && feed.title.empty()) feed.title = atom_text(c).plain;
        if (name.local == "id" && feed.key.empty()) feed.key = xml::text(c);
        if (name.local == "link" && alternate.empty()) {
            const std::string rel = xml::attribute(c, "rel");
            if (rel.empty() || rel == "alternate") alternate = xml::attribute(c, "href");
        }
    }
    if (feed.key.empty()) feed.key = alternate;
    feed.authors = atom_authors(root, root_scope, core);
    return read_items(entries, root_scope, feed, atom_entry, base_dir, import_roots);
}

}  // namespace

Result<WireDocument> parse_syndication_feed(
    std::string_view text, const std::filesystem::path& base_dir,
    const std::vector<std::filesystem::path>& import_roots) {
    pugi::xml_document doc;
    if (auto loaded = xml::load(doc, text); !loaded) return loaded.error();
    const auto root = doc.document_element();
    const Scope root_scope(root, nullptr);
    const Name name = name_of(root, root_scope);
    if (name.local == "rss") return read_rss(root, name.ns, root_scope, base_dir, import_roots);
    if (name.local == "feed" || name.local == "entry") {
        // A feed that forgot its namespace is still read as Atom 1.0; one in another namespace
        // (Atom 0.3's http://purl.org/atom/ns#) is not.
        if (name.ns != ns::atom && !name.ns.empty()) {
            const std::string where =
                name.ns == ns::unknown ? "has a prefix bound to no namespace"
                                       : "is in the namespace " + shortened(std::string(name.ns));
            return Error::invalid("not an Atom 1.0 feed: its root element <" +
                                  shortened(root.name()) + "> " + where + ", not " +
                                  std::string(ns::atom));
        }
        return read_atom(root, name.ns, root_scope, base_dir, import_roots);
    }
    if (name.local == "RDF")
        return Error::invalid(
            "an RSS 1.0 (RDF) feed: Dateline reads RSS 0.91 to 2.0 and Atom 1.0 feeds");
    return Error::invalid("not an RSS or Atom feed: its root element is <" +
                          shortened(root.name()) + ">");
}

}  // namespace dateline::ingest
