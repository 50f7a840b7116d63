#include "ingest/ninjs.hpp"

#include <boost/json.hpp>
#include <boost/url/pct_string_view.hpp>

#include <algorithm>
#include <fstream>

#include "core/paragraphs.hpp"
#include "core/utf8.hpp"
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

// ninjs 3.x keeps several texts per kind in arrays of {value, role, contenttype}; the "main"
// role wins, else the first with a value.
const json::object* pick_text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_array()) return nullptr;
    const json::object* first = nullptr;
    for (const auto& entry : v->get_array()) {
        if (!entry.is_object()) continue;
        const auto& e = entry.get_object();
        if (string_at(e, "value").empty()) continue;
        if (string_at(e, "role") == "main" || string_at(e, "role").empty()) return &e;
        if (!first) first = &e;
    }
    return first;
}

std::string paragraphs_from_text(std::string_view text) {
    std::string html;
    for (const auto& paragraph : split_paragraphs(text))
        html += "<p>" + sanitize::escape_html(paragraph) + "</p>";
    return html;
}

bool is_html(std::string_view contenttype) {
    return contenttype.find("html") != std::string::npos;
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

// The decoded text of a percent-encoded path. An escape that is not '%' and two hex digits is
// refused rather than guessed at ("100%.jpg" is not a name a URL can hold). Only escapes are
// checked: spaces and non-ASCII letters pass as written, as wires often send them.
Result<std::string> percent_decoded(const std::string& encoded) {
    const auto checked = boost::urls::make_pct_string_view(encoded);
    if (!checked)
        return Error::invalid(
            "it holds a malformed percent-escape (a '%' not followed by two hex digits)");
    return checked->decode();
}

// What a rendition's href names: a path relative to the item's folder, a file: URL (RFC 8089),
// or a remote file, which is not fetched here.
struct Href {
    enum class Kind { Relative, FileUrl, Remote };
    Kind kind = Kind::Remote;
    std::string path;     // percent-decoded
    std::string problem;  // why a local href cannot be used, when it cannot
};

Href classify(const std::string& href) {
    const auto decoded = [](Href::Kind kind, const std::string& encoded) {
        auto path = percent_decoded(encoded);
        if (!path) return Href{kind, {}, path.error().message};
        return Href{kind, std::move(*path), {}};
    };
    if (href.rfind("file:", 0) == 0) {
        std::string_view rest = std::string_view(href).substr(5);
        if (rest.rfind("//", 0) == 0) {
            rest.remove_prefix(2);
            const auto slash = rest.find('/');
            const std::string_view host = rest.substr(0, slash);
            if (!host.empty() && host != "localhost")
                return {Href::Kind::FileUrl, {}, "a file: URL on another host"};
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
        }
        Href url = decoded(Href::Kind::FileUrl, std::string(rest));
        if (url.problem.empty() && (url.path.empty() || url.path.front() != '/'))
            return {Href::Kind::FileUrl, {}, "a file: URL must hold an absolute path"};
        return url;
    }
    if (href.find("://") != std::string::npos) return {};
    return decoded(Href::Kind::Relative, href);
}

// Inside `folder`, not the folder itself; both absolute and free of symbolic links.
bool within(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const auto relative = path.lexically_relative(folder);
    return !relative.empty() && relative != "." && *relative.begin() != "..";
}

// Where a local rendition's file really is, symbolic links followed, once it is known to be
// allowed: a relative href inside the item's folder, a file: URL there or below an import root,
// and never anything but a regular file (a FIFO would hang the import, a device never ends).
// A file that does not exist passes here; reading it will say so.
Result<std::filesystem::path> confine(const Href& href, const std::filesystem::path& base_dir,
                                      const std::vector<std::filesystem::path>& import_roots) {
    namespace fs = std::filesystem;
    if (!href.problem.empty()) return Error::invalid(href.problem);
    if (href.path.find('\0') != std::string::npos)
        return Error::invalid("its path holds a NUL character");
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(base_dir, ec), ec);
    if (ec) return Error::invalid("the item's folder cannot be resolved (" + ec.message() + ")");
    // An absolute path given as a relative href replaces the folder here, and is refused below.
    const fs::path wanted =
        href.kind == Href::Kind::Relative ? folder / href.path : fs::path(href.path);
    const fs::path real = fs::weakly_canonical(wanted, ec);
    if (ec) return Error::invalid("it cannot be resolved (" + ec.message() + ")");
    bool allowed = within(real, folder);
    if (!allowed && href.kind == Href::Kind::FileUrl)
        for (const auto& root : import_roots) {
            const fs::path real_root = fs::weakly_canonical(root, ec);
            if (!ec && within(real, real_root)) allowed = true;
        }
    if (!allowed) {
        const std::string where = href.kind == Href::Kind::Relative
                                      ? "it is outside the item's folder"
                                      : "it is outside the item's folder and the import roots";
        return Error::invalid(where + " (it leads to " + real.string() + ")");
    }
    const auto status = fs::status(real, ec);
    if (fs::exists(status) && !fs::is_regular_file(status))
        return Error::invalid("it is not a regular file (" + real.string() + ")");
    return real;
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

struct Rendition {
    std::string href;
    std::int64_t width = 0;
    std::string type;
};

void collect_rendition(const json::value& v, std::vector<Rendition>& out) {
    if (!v.is_object()) return;
    const auto& r = v.get_object();
    Rendition rendition{string_at(r, "href"), 0,
                        string_at(r, "contenttype").empty() ? string_at(r, "mimetype")
                                                            : string_at(r, "contenttype")};
    if (const auto* w = r.if_contains("width")) rendition.width = whole_number(*w);
    if (!rendition.href.empty()) out.push_back(std::move(rendition));
}

std::optional<domain::WireImage> picture(const json::object& item,
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
        // The widest local rendition that may be read; each one refused gives way to the next.
        std::vector<const Rendition*> local;
        for (const auto& r : renditions)
            if (classify(r.href).kind != Href::Kind::Remote) local.push_back(&r);
        std::stable_sort(local.begin(), local.end(), [](const Rendition* x, const Rendition* y) {
            return x->width > y->width;
        });
        std::optional<std::filesystem::path> location;
        for (const auto* r : local) {
            auto confined = confine(classify(r->href), base, import_roots);
            if (confined) {
                location = std::move(*confined);
                break;
            }
            warnings.push_back("the picture rendition '" + r->href +
                               "' is refused: " + confined.error().message);
        }
        if (!location) {
            if (local.empty() && !renditions.empty())
                warnings.push_back("the picture has only remote renditions; imported without it");
            continue;
        }
        domain::WireImage image;
        image.location = location->string();
        image.caption = string_at(*a, "description_text");
        if (image.caption.empty())
            if (const auto* d = pick_text(*a, "descriptions"))
                image.caption = string_at(*d, "value");
        if (image.caption.empty()) image.caption = string_at(*a, "headline");
        if (image.caption.empty())
            if (const auto* h = pick_text(*a, "headlines")) image.caption = string_at(*h, "value");
        image.credit = string_at(*a, "by");
        if (image.credit.empty()) image.credit = string_at(*a, "byline");
        if (image.credit.empty()) image.credit = name_of(a->if_contains("copyrightholder"));
        if (image.credit.empty()) image.credit = string_at(*a, "creditline");
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
    if (text.size() > max_ninjs_bytes)
        return Error::invalid("larger than " + std::to_string(max_ninjs_bytes / (1024 * 1024)) +
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
    if (!doc.is_object()) return Error::invalid("not a ninjs item: the top level is not an object");
    const auto& o = doc.as_object();

    WireItem item;
    item.guid = string_at(o, "uri");
    if (item.guid.empty()) return Error::invalid("no 'uri': every ninjs item needs one", "uri");
    const std::string type = string_at(o, "type");
    if (!type.empty() && type != "text" && type != "composite")
        return Error::invalid(
            "an item of type '" + type + "' is not a story; only text items import", "type");

    item.headline = string_at(o, "headline");
    if (item.headline.empty())
        if (const auto* h = pick_text(o, "headlines")) item.headline = string_at(*h, "value");
    if (item.headline.empty()) return Error::invalid("no headline", "headline");

    item.standfirst = string_at(o, "description_text");
    if (item.standfirst.empty())
        if (const auto* d = pick_text(o, "descriptions");
            d && !is_html(string_at(*d, "contenttype")))
            item.standfirst = string_at(*d, "value");
    if (item.standfirst.empty() && !string_at(o, "description_html").empty())
        item.standfirst = sanitize::sanitize_html(string_at(o, "description_html")).text;

    item.body_html = string_at(o, "body_html");
    if (item.body_html.empty()) {
        if (const auto* b = pick_text(o, "bodies")) {
            const std::string value = string_at(*b, "value");
            item.body_html =
                is_html(string_at(*b, "contenttype")) || string_at(*b, "contenttype").empty()
                    ? value
                    : paragraphs_from_text(value);
        }
    }
    if (item.body_html.empty()) item.body_html = paragraphs_from_text(string_at(o, "body_text"));
    if (item.body_html.empty()) return Error::invalid("no body", "body");

    item.byline = string_at(o, "by");
    if (item.byline.empty()) item.byline = string_at(o, "byline");
    item.dateline = name_of(o.if_contains("located"));
    item.source_credit = name_of(o.if_contains("infosources"));
    if (item.source_credit.empty()) item.source_credit = name_of(o.if_contains("infosource"));
    if (item.source_credit.empty()) item.source_credit = name_of(o.if_contains("copyrightholder"));
    if (item.source_credit.empty()) item.source_credit = name_of(o.if_contains("provider"));
    item.language = string_at(o, "language");

    add_tags_from(o.if_contains("subject"), item.tags);
    add_tags_from(o.if_contains("subjects"), item.tags);
    add_tags_from(o.if_contains("keywords"), item.tags);

    auto first = time_at(o, "firstcreated");
    if (!first) return first.error();
    auto version = time_at(o, "versioncreated");
    if (!version) return version.error();
    item.first_created = *first;
    item.version_created = *version;

    item.image = picture(o, base_dir, import_roots, item.warnings);
    return item;
}

Result<WireItem> read_ninjs_file(const std::filesystem::path& file,
                                 const std::vector<std::filesystem::path>& import_roots) {
    auto fail = [&](const Error& e) {
        Error out = e;
        out.message = file.string() + ": " + e.message;
        return out;
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return fail(Error::invalid("cannot be read (" + ec.message() + ")"));
    if (size > max_ninjs_bytes)
        return fail(Error::invalid("larger than " +
                                   std::to_string(max_ninjs_bytes / (1024 * 1024)) + " MB"));
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(Error::invalid("cannot be opened"));
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (!in) return fail(Error::invalid("cannot be read"));
    auto item = parse_ninjs(text, file.parent_path(), import_roots);
    if (!item) return fail(item.error());
    return item;
}

}  // namespace dateline::ingest
