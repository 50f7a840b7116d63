#include "ingest/ninjs_schema.hpp"

#include <boost/json.hpp>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace dateline::ingest {

namespace json = boost::json;

namespace {

constexpr std::string_view defs_prefix = "#/$defs/";

bool is_2020_12(const json::object& schema) {
    const auto* s = schema.if_contains("$schema");
    return s && s->is_string() &&
           std::string_view(s->get_string()).find("2020-12") != std::string_view::npos;
}

// The schema's own address without its fragment
// ("http://www.iptc.org/std/ninjs/ninjs-schema_1.0.json").
std::string own_address(const json::object& schema) {
    for (const char* key : {"$id", "id"})
        if (const auto* id = schema.if_contains(key); id && id->is_string()) {
            std::string address(id->get_string());
            if (const auto hash = address.find('#'); hash != std::string::npos)
                address.resize(hash);
            return address;
        }
    return {};
}

// Rewrites what valijson (drafts 3, 4 and 7) cannot read as its authors meant it:
// - references to the schema itself by its absolute address become "#", and references to other
//   documents (GeoJSON for places) accept anything: nothing is fetched while importing;
// - from 2020-12: "$defs" become "definitions"; an object that is a referenced type plus its own
//   properties, closed by `unevaluatedProperties: false` (ninjs' root and its associations),
//   becomes a reference to a new definition listing both sets of properties, closed by
//   `additionalProperties: false`, which is what 2020-12 means by it when the referenced type is
//   a plain list of properties (as in every ninjs schema). Associations are ninjs items
//   themselves, so such a definition refers to itself. Any other reference beside other keywords
//   goes into an `allOf`, where draft 7 would ignore the keywords beside it.
class Translator {
  public:
    Translator(const json::object& definitions, std::string self, bool from_2020_12)
        : definitions_(definitions), self_(std::move(self)), from_2020_12_(from_2020_12) {}

    void translate(json::value& node) {
        if (node.is_array()) {
            for (auto& v : node.get_array()) translate(v);
            return;
        }
        if (!node.is_object()) return;
        auto& o = node.get_object();
        if (const auto* properties = o.if_contains("properties");
            properties && properties->is_object())
            for (const auto& [name, property] : properties->get_object())
                if (is_checked_by_regex(property)) date_keys_.insert(std::string(name));
        if (auto* ref = o.if_contains("$ref"); ref && ref->is_string()) {
            std::string target(ref->get_string());
            if (!self_.empty() && target.rfind(self_, 0) == 0)
                target = "#" + target.substr(self_.size());
            if (target == "##") target = "#";
            if (target.empty() || target.front() != '#') {
                node = json::object{};  // another document: not checked
                return;
            }
            if (from_2020_12_ && target.rfind(defs_prefix, 0) == 0)
                target = "#/definitions/" + target.substr(defs_prefix.size());
            *ref = json::string(target);
            if (auto closed = closed_type(o, target)) target = *closed;
            o.erase("$ref");
            if (o.empty() || (o.size() == 1 && o.contains("type"))) {
                o["$ref"] = target;
                return;
            }
            o["allOf"] = json::array{json::object{{"$ref", target}}};
        }
        for (auto& [key, value] : o) translate(value);
    }

    // The definitions made for closed types, to add to the schema's own.
    json::object& made() { return made_; }

    // The names of the properties whose values valijson matches with std::regex (dates: their
    // formats and patterns), wherever they appear.
    const std::set<std::string>& date_keys() const { return date_keys_; }

  private:
    // Whether valijson would check a value against this schema with a regular expression:
    // "format": "date", "time" or "date-time", or a "pattern", here or in the definition named.
    bool is_checked_by_regex(const json::value& schema, int depth = 0) const {
        if (!schema.is_object() || depth > 2) return false;
        const auto& o = schema.get_object();
        if (o.contains("pattern")) return true;
        if (const auto* f = o.if_contains("format"); f && f->is_string()) {
            const std::string_view format = f->get_string();
            if (format == "date" || format == "time" || format == "date-time") return true;
        }
        if (const auto* ref = o.if_contains("$ref"); ref && ref->is_string()) {
            std::string_view target = ref->get_string();
            for (const std::string_view prefix : {defs_prefix, std::string_view("#/definitions/")})
                if (target.rfind(prefix, 0) == 0)
                    if (const auto* d = definitions_.if_contains(target.substr(prefix.size())))
                        return is_checked_by_regex(*d, depth + 1);
        }
        return false;
    }

    // The definition standing for `o` (a reference to a plain list of properties, its own
    // properties, closed by unevaluatedProperties), made on first use; nothing for other nodes.
    std::optional<std::string> closed_type(json::object& o, const std::string& target) {
        const auto* closed = o.if_contains("unevaluatedProperties");
        if (!from_2020_12_ || !closed || !closed->is_bool() || closed->get_bool()) return {};
        constexpr std::string_view prefix = "#/definitions/";
        if (target.rfind(prefix, 0) != 0) return {};
        const auto* type = definitions_.if_contains(target.substr(prefix.size()));
        if (!type || !type->is_object() || !type->get_object().contains("properties")) return {};
        const json::object own = o.contains("properties") && o.at("properties").is_object()
                                     ? o.at("properties").as_object()
                                     : json::object{};
        const std::string key = target + json::serialize(own);
        if (const auto found = names_.find(key); found != names_.end()) {
            o.erase("properties");
            o.erase("unevaluatedProperties");
            return found->second;
        }
        const std::string name = "closed_" + std::to_string(names_.size());
        names_[key] = std::string(prefix) + name;
        json::object properties = type->get_object().at("properties").as_object();
        for (const auto& [k, v] : own) properties[k] = v;
        json::value made = json::object{{"type", "object"},
                                        {"properties", std::move(properties)},
                                        {"additionalProperties", false}};
        translate(made);
        made_[name] = std::move(made);
        o.erase("properties");
        o.erase("unevaluatedProperties");
        return names_[key];
    }

    const json::object& definitions_;
    std::string self_;
    bool from_2020_12_;
    std::map<std::string, std::string> names_;
    json::object made_;
    std::set<std::string> date_keys_;
};

struct LoadedSchema {
    valijson::Schema schema;
    std::set<std::string> date_keys;
};

Result<std::unique_ptr<LoadedSchema>> load(const BundledSchema& bundled) {
    json::value doc = json::parse(bundled.text);
    auto& root = doc.as_object();
    const bool from_2020_12 = is_2020_12(root);
    const std::string self = own_address(root);
    valijson::SchemaParser::Version draft = valijson::SchemaParser::kDraft7;
    const std::string_view declared =
        root.contains("$schema") ? std::string_view(root.at("$schema").as_string()) : "";
    if (declared.find("draft-03") != std::string_view::npos)
        draft = valijson::SchemaParser::kDraft3;
    if (declared.find("draft-04") != std::string_view::npos)
        draft = valijson::SchemaParser::kDraft4;
    root.erase("$id");
    root.erase("id");
    if (from_2020_12) {
        if (auto* defs = root.if_contains("$defs")) {
            root["definitions"] = std::move(*defs);
            root.erase("$defs");
        }
        root["$schema"] = "http://json-schema.org/draft-07/schema#";
    }
    const json::object definitions =
        root.contains("definitions") && root.at("definitions").is_object()
            ? root.at("definitions").as_object()
            : json::object{};
    // Definitions are translated with the rest; the copy above serves lookups of what a reference
    // names, untranslated, which is what a closed type's new definition starts from.
    Translator translator(definitions, self, from_2020_12);
    translator.translate(doc);
    if (!translator.made().empty()) {
        auto& all = root["definitions"];
        if (!all.is_object()) all = json::object{};
        for (auto& [name, made] : translator.made()) all.as_object()[name] = std::move(made);
    }
    auto loaded = std::make_unique<LoadedSchema>();
    loaded->date_keys = translator.date_keys();
    try {
        valijson::SchemaParser parser(draft);
        valijson::adapters::BoostJsonAdapter adapter(doc);
        parser.populateSchema(adapter, loaded->schema);
    } catch (const std::exception& e) {
        return Error::internal("the bundled ninjs " + std::string(bundled.version) +
                               " schema cannot be read: " + e.what());
    }
    return loaded;
}

// Each schema read once, on first use; the map only grows, under the lock, and a loaded schema is
// never changed again, so validating against it needs none.
const LoadedSchema* schema_of(const std::string& version, Error& error) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<LoadedSchema>> loaded;
    const std::lock_guard lock(mutex);
    if (const auto found = loaded.find(version); found != loaded.end()) return found->second.get();
    for (const auto& bundled : bundled_ninjs_schemas()) {
        if (bundled.version != version) continue;
        auto schema = load(bundled);
        if (!schema) {
            error = schema.error();
            return nullptr;
        }
        return (loaded[version] = std::move(*schema)).get();
    }
    error = Error::internal("no bundled ninjs schema for version " + version);
    return nullptr;
}

int major_of(std::string_view version) {
    int major = 0;
    std::size_t i = 0;
    for (; i < version.size() && version[i] >= '0' && version[i] <= '9' && i < 3; ++i)
        major = major * 10 + (version[i] - '0');
    return i == 0 ? -1 : major;
}

}  // namespace

std::string schema_version_for(std::string_view declared) {
    const int major = major_of(declared);
    std::string newest;
    for (const auto& bundled : bundled_ninjs_schemas()) {
        const std::string_view version = bundled.version;
        if (major_of(version) != major) continue;
        // "2.1.1" is checked by 2.1: a patch level changes no field.
        if (declared == version ||
            (declared.rfind(version, 0) == 0 && declared.size() > version.size() &&
             declared[version.size()] == '.'))
            return std::string(version);
        newest = version;  // the list runs oldest first
    }
    return newest;
}

namespace {

// valijson matches dates with std::regex, whose matching recurses once per character: a date of
// a few hundred thousand digits would overflow the stack. No date is longer than this; longer
// values of those properties are refused before valijson sees them.
constexpr std::size_t longest_date = 64;

std::optional<std::string> overlong_date(const json::value& v, const std::set<std::string>& keys,
                                         const std::string& pointer, int depth = 0) {
    constexpr int deepest = 64;
    if (depth > deepest) return std::nullopt;
    if (v.is_array()) {
        std::size_t i = 0;
        for (const auto& e : v.get_array())
            if (auto found = overlong_date(e, keys, pointer + "/" + std::to_string(i++), depth + 1))
                return found;
    } else if (v.is_object()) {
        for (const auto& [key, value] : v.get_object()) {
            const std::string here = pointer + "/" + std::string(key);
            if (value.is_string() && value.get_string().size() > longest_date &&
                keys.contains(std::string(key)))
                return here;
            if (auto found = overlong_date(value, keys, here, depth + 1)) return found;
        }
    }
    return std::nullopt;
}

}  // namespace

Status check_ninjs_schema(const json::value& item, const std::string& version) {
    Error error;
    const LoadedSchema* schema = schema_of(version, error);
    if (!schema) return error;
    if (const auto where = overlong_date(item, schema->date_keys, ""))
        return Error::invalid("not valid ninjs " + version + ": " + *where + ": longer than " +
                              std::to_string(longest_date) + " characters, which no date is");
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::BoostJsonAdapter target(item);
    if (validator.validate(schema->schema, target, &results)) return success();
    // valijson reports each failing node and then every enclosing one ("Failed to validate
    // against schema associated with property name ..."); the deepest say what is wrong.
    std::vector<std::pair<std::string, std::string>> problems;
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
        std::string pointer;
        for (const auto& part : e.context)
            if (part != "<root>")
                pointer +=
                    "/" + (part.size() > 2 && part.front() == '[' ? part.substr(1, part.size() - 2)
                                                                  : part);
        if (pointer.empty()) pointer = "/";
        bool enclosing = false;
        for (const auto& [other, text] : problems)
            if (other.rfind(pointer, 0) == 0) enclosing = true;
        if (!enclosing) problems.emplace_back(pointer, e.description);
    }
    std::string message = "not valid ninjs " + version + " (checked against its published schema):";
    const std::size_t shown = std::min<std::size_t>(problems.size(), 3);
    for (std::size_t i = 0; i < shown; ++i)
        message += (i ? "; " : " ") + problems[i].first + ": " + problems[i].second;
    if (problems.size() > shown)
        message += "; and " + std::to_string(problems.size() - shown) + " more";
    return Error::invalid(message);
}

}  // namespace dateline::ingest
