#include "render/template_engine.hpp"

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

#include "render/template_escapes.hpp"

namespace dateline::render {

namespace {

constexpr std::string_view autoescape_pragma = "{{%AUTOESCAPE context=\"HTML\"}}";
// How ctemplate's dump of a parse closes a text node; a template holding it could not be read
// back unambiguously.
constexpr std::string_view text_end = "|<--\n";

// Escaping is what keeps readers safe from what writers and agencies send: a template must turn
// on contextual escaping (where it switches it off, `:none`, is checked in its parse, below).
Status check_escaping(const std::filesystem::path& file, const std::string& text) {
    if (text.rfind(autoescape_pragma, 0) != 0)
        return Error::invalid("The template " + file.string() + " must begin with " +
                              std::string(autoescape_pragma) + ".");
    return success();
}

// What the dump of a parse does not show: an include's modifiers (`{{>CARD:h}}`), which
// ctemplate applies to the included template's output, and markers in other delimiters
// (`{{=<% %>=}}`), which hide them from this check. The engine writes neither.
Status check_markers(const std::filesystem::path& file, const std::string& text) {
    if (text.find("{{=") != std::string::npos)
        return Error::invalid("The template " + file.string() +
                              " changes its delimiters ({{=...=}}), which Dateline's templates "
                              "do not do.");
    for (auto at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
        const auto close = text.find("}}", at);
        const std::string marker =
            text.substr(at, close == std::string::npos ? 40 : close - at + 2);
        if (marker.find(':') != std::string::npos)
            return Error::invalid("The template " + file.string() + " gives the include " + marker +
                                  " a modifier; an included template escapes its own values.");
    }
    return success();
}

Result<std::string> read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) return Error::invalid("The template " + file.string() + " cannot be read.");
    return buffer.str();
}

// A node of a template as ctemplate parsed it; a section's nodes follow it up to its `end`.
struct Node {
    enum class Kind : std::uint8_t { Text, Variable, Section, Include };
    Kind kind = Kind::Text;
    // A section named for the one around it with "_separator": expanded once more with each of
    // that section's dictionaries but the last, as ctemplate does.
    bool separator = false;
    std::uint32_t end = 0;
    Name name = Name::of("");
    std::string text;
    std::vector<Escape> escapes;
};

// Reads ctemplate's dump of a parse (`Template::DumpToString`), one node a line, into nodes:
// the parse as ctemplate made it, blank lines stripped and every variable's escaping chosen by
// its context.
class DumpReader {
  public:
    DumpReader(std::string_view dump, std::string file, const std::vector<std::string>& raw_allowed)
        : dump_(dump), file_(std::move(file)), raw_allowed_(raw_allowed) {}

    /// The nodes, or why the dump could not be read or holds what the engine does not write.
    Status read(std::vector<Node>& nodes) {
        using Kind = Node::Kind;
        std::vector<std::size_t> open;  // the sections being read, by index
        std::vector<std::string> open_names;
        // Each open section's separator so far: ctemplate's is the last "_separator" child.
        std::vector<std::optional<std::size_t>> separators;
        bool main_seen = false;
        while (at_ < dump_.size()) {
            skip_spaces();
            if (take("------------")) {
                skip_line();
            } else if (take("Section Start: ")) {
                const std::string name(line());
                if (!main_seen && name == "__{{MAIN}}__") {
                    main_seen = true;
                    continue;
                }
                auto& node = nodes.emplace_back();
                node.kind = Kind::Section;
                node.name = Name::of(name);
                if (!open_names.empty() && name == open_names.back() + "_separator") {
                    if (separators.back()) nodes[*separators.back()].separator = false;
                    node.separator = true;
                    separators.back() = nodes.size() - 1;
                }
                open.push_back(nodes.size() - 1);
                open_names.push_back(name);
                separators.emplace_back();
            } else if (take("Section End: ")) {
                const std::string_view name = line();
                if (open.empty()) {
                    if (name != "__{{MAIN}}__") return unreadable("an unopened section's end");
                    continue;
                }
                if (name != open_names.back()) return unreadable("a section's end");
                nodes[open.back()].end = static_cast<std::uint32_t>(nodes.size());
                open.pop_back();
                open_names.pop_back();
                separators.pop_back();
            } else if (take("Pragma Node: -->|")) {
                if (!text()) return unreadable("a pragma");
            } else if (take("Text Node: -->|")) {
                const auto bytes = text();
                if (!bytes) return unreadable("a text");
                auto& node = nodes.emplace_back();
                node.kind = Kind::Text;
                node.text = std::string(*bytes);
            } else if (take("Variable Node: ")) {
                auto& node = nodes.emplace_back();
                node.kind = Kind::Variable;
                if (auto s = name_and_escapes(line(), node); !s) return s;
            } else if (take("Template Node: ")) {
                const std::string_view spelled = line();
                // ctemplate indents every line of an include that follows spaces at the start of
                // its line, which its dump does not show.
                if (!nodes.empty() && nodes.back().kind == Kind::Text) {
                    const std::string& before = nodes.back().text;
                    const auto line_start = before.rfind('\n');
                    const std::string_view indent =
                        line_start == std::string::npos
                            ? (nodes.size() == 1 ? std::string_view(before) : std::string_view())
                            : std::string_view(before).substr(line_start + 1);
                    if (!indent.empty() &&
                        indent.find_first_not_of(" \t") == std::string_view::npos)
                        return Error::invalid("The template " + file_ + " indents the include " +
                                              std::string(spelled) +
                                              "; put it at the start of its line.");
                }
                auto& node = nodes.emplace_back();
                node.kind = Kind::Include;
                node.name = Name::of(spelled);
            } else {
                return unreadable("a node");
            }
        }
        if (!open.empty() || !main_seen) return unreadable("its sections");
        return success();
    }

  private:
    bool take(std::string_view prefix) {
        if (dump_.substr(at_, prefix.size()) != prefix) return false;
        at_ += prefix.size();
        return true;
    }
    void skip_spaces() {
        while (at_ < dump_.size() && dump_[at_] == ' ') ++at_;
    }
    std::string_view line() {
        const auto end = dump_.find('\n', at_);
        const auto stop = end == std::string_view::npos ? dump_.size() : end;
        const std::string_view found = dump_.substr(at_, stop - at_);
        at_ = end == std::string_view::npos ? dump_.size() : end + 1;
        return found;
    }
    void skip_line() { line(); }
    std::optional<std::string_view> text() {
        const auto end = dump_.find(text_end, at_);
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view found = dump_.substr(at_, end - at_);
        at_ = end + text_end.size();
        return found;
    }
    Status name_and_escapes(std::string_view spelled, Node& node) {
        const auto colon = spelled.find(':');
        const std::string name(spelled.substr(0, colon));
        node.name = Name::of(name);
        // Under the pragma ctemplate gives every variable its escaping.
        if (colon == std::string_view::npos)
            return Error::invalid("The template " + file_ + " writes " + name +
                                  " without escaping it.");
        for (std::size_t from = colon; from != std::string_view::npos;) {
            const auto next = spelled.find(':', from + 1);
            const std::string_view modifier =
                spelled.substr(from + 1, next == std::string_view::npos ? std::string_view::npos
                                                                        : next - from - 1);
            const auto escape = escape_named(modifier);
            if (!escape)
                return Error::invalid(
                    "The template " + file_ + " writes " + std::string(spelled) +
                    ", and Dateline does not write the :" + std::string(modifier) + " modifier.");
            // Escaping is off only where the program sanitized the value, whatever else the
            // marker says (`{{X:none:h}}` inside a script would be written as mere text).
            if (*escape == Escape::None &&
                std::find(raw_allowed_.begin(), raw_allowed_.end(), name) == raw_allowed_.end())
                return Error::invalid("The template " + file_ + " turns escaping off for " + name +
                                      "; only sanitized values may be emitted raw.");
            node.escapes.push_back(*escape);
            from = next;
        }
        return success();
    }
    Status unreadable(const std::string& what) const {
        return Error::invalid("The parse of the template " + file_ + " could not be read (" + what +
                              ").");
    }

    std::string_view dump_;
    std::string file_;
    const std::vector<std::string>& raw_allowed_;
    std::size_t at_ = 0;
};

}  // namespace

struct TemplateEngine::Template {
    std::string name;  // its path below the templates folder
    std::vector<Node> nodes;
    // The size of the last page expanded from it, for the next page's buffer to be reserved at
    // once rather than grown by doubling, each time a copy of all written so far.
    mutable std::atomic<std::size_t> last_size{0};
};

TemplateEngine::TemplateEngine(std::vector<std::unique_ptr<Template>> templates)
    : templates_(std::move(templates)) {
    for (const auto& t : templates_) by_name_.emplace(t->name, t.get());
}

TemplateEngine::~TemplateEngine() = default;

Result<std::unique_ptr<TemplateEngine>> TemplateEngine::load(
    const std::filesystem::path& dir, const std::vector<std::string>& required,
    const std::vector<std::string>& raw_allowed) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return Error::invalid("The theme's templates folder " + dir.string() + " does not exist.");
    std::vector<std::unique_ptr<Template>> templates;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".tpl") continue;
        auto text = read_file(entry.path());
        if (!text) return text.error();
        if (auto safe = check_escaping(entry.path(), *text); !safe) return safe.error();
        if (auto markers = check_markers(entry.path(), *text); !markers) return markers.error();
        if (text->find(text_end.substr(0, 4)) != std::string::npos)
            return Error::invalid("The template " + entry.path().string() + " contains \"" +
                                  std::string(text_end.substr(0, 4)) +
                                  "\", which the engine cannot read back; write it as "
                                  "\"|&lt;--\".");
        const std::unique_ptr<ctemplate::Template> parsed(
            ctemplate::Template::StringToTemplate(*text, ctemplate::STRIP_BLANK_LINES));
        if (!parsed)
            return Error::invalid("The template " + entry.path().string() +
                                  " has a syntax error (see the log above).");
        auto compiled = std::make_unique<Template>();
        compiled->name = entry.path().lexically_relative(dir).string();
        std::string dump;
        // Named "t" in the dump's first line: a file's own name could hold a line break.
        parsed->DumpToString("t", &dump);
        if (auto read = DumpReader(dump, entry.path().string(), raw_allowed).read(compiled->nodes);
            !read)
            return read.error();
        templates.push_back(std::move(compiled));
    }
    for (const auto& name : required)
        if (std::none_of(templates.begin(), templates.end(),
                         [&](const auto& loaded) { return loaded->name == name; }))
            return Error::invalid("The theme lacks the template " + name + ".");
    return std::unique_ptr<TemplateEngine>(new TemplateEngine(std::move(templates)));
}

bool TemplateEngine::expand(const std::string& name, const Dictionary& dictionary,
                            std::string& out) const {
    const auto found = by_name_.find(name);
    if (found == by_name_.end()) return false;
    const Template& what = *found->second;
    const std::size_t start = out.size();
    // Capped, so that one very long page does not have every later one ask for as much.
    constexpr std::size_t most_reserved = 256 * 1024;
    const std::size_t expected =
        std::min(what.last_size.load(std::memory_order_relaxed), most_reserved);
    out.reserve(start + expected + expected / 8);
    const bool complete = expand(what, 0, what.nodes.size(), dictionary, true, out);
    what.last_size.store(out.size() - start, std::memory_order_relaxed);
    return complete;
}

std::vector<Name> TemplateEngine::names_read(const std::string& name) const {
    std::vector<Name> names;
    const auto found = by_name_.find(name);
    if (found == by_name_.end()) return names;
    for (const Node& node : found->second->nodes)
        if (node.kind != Node::Kind::Text) names.push_back(node.name);
    return names;
}

// Expands `what`'s nodes from `begin` to `end` with `dictionary`, the `last` of its section's.
bool TemplateEngine::expand(const Template& what, std::size_t begin, std::size_t end,
                            const Dictionary& dictionary, bool last, std::string& out) const {
    using Kind = Node::Kind;
    bool complete = true;
    for (std::size_t i = begin; i < end; ++i) {
        const Node& node = what.nodes[i];
        switch (node.kind) {
            case Kind::Text:
                out.append(node.text);
                break;
            case Kind::Variable: {
                const std::string_view value = dictionary.value(node.name);
                if (node.escapes.size() == 1) {
                    append_escaped(node.escapes.front(), value, out);
                } else if (node.escapes.empty()) {
                    out.append(value);
                } else {  // each modifier writes what the one before it wrote
                    std::string written(value);
                    for (const Escape escape : node.escapes) {
                        std::string next;
                        append_escaped(escape, written, next);
                        written = std::move(next);
                    }
                    out.append(written);
                }
                break;
            }
            case Kind::Section: {
                const auto dictionaries = dictionary.section_dictionaries(node.name);
                for (std::size_t k = 0; k < dictionaries.size(); ++k)
                    complete &= expand(what, i + 1, node.end, *dictionaries[k],
                                       k + 1 == dictionaries.size(), out);
                if (node.separator && !last)
                    complete &= expand(what, i + 1, node.end, dictionary, true, out);
                i = node.end - 1;
                break;
            }
            case Kind::Include:
                for (const Dictionary* included : dictionary.include_dictionaries(node.name)) {
                    if (const auto& given = included->expansion()) {
                        out.append(*given);
                        continue;
                    }
                    const auto found = by_name_.find(included->include_file());
                    if (found == by_name_.end()) {
                        complete = false;
                        continue;
                    }
                    const Template& inner = *found->second;
                    complete &= expand(inner, 0, inner.nodes.size(), *included, true, out);
                }
                break;
        }
    }
    return complete;
}

}  // namespace dateline::render
