#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dateline::render {

/// A template variable, section or include name ("DATE_ISO"), reduced to a 64-bit key: at
/// compile time for a string literal, once for a name made at run time (`Name::of`). Templates'
/// names are looked up by the same key. Two of a theme's few hundred names sharing a key
/// (FNV-1a, 64 bits) is as likely as a random collision among them, about 1 in 10^14.
class Name {
  public:
    template <std::size_t N>
    consteval Name(const char (&literal)[N])  // NOLINT(google-explicit-constructor): a literal
        : key_(hash({literal, N - 1})) {}
    static constexpr Name of(std::string_view text) { return Name(hash(text)); }

    constexpr std::uint64_t key() const { return key_; }
    friend constexpr bool operator==(Name, Name) = default;

    static constexpr std::uint64_t hash(std::string_view text) {
        std::uint64_t h = 14695981039346656037ULL;
        for (const char c : text) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        return h | 1;  // never 0, the mark of an empty slot
    }

  private:
    explicit constexpr Name(std::uint64_t key) : key_(key) {}
    std::uint64_t key_;
};

/// Values every page of one kind sees (a theme's strings in one language): made once, read by
/// any number of pages at once, consulted after a dictionary's own values and its tree's
/// template-global ones.
class SharedValues {
  public:
    void set(Name name, std::string value);
    /// The value, or nullptr.
    const std::string* find(Name name) const;

  private:
    std::unordered_map<std::uint64_t, std::string> values_;
};

/// What a page's templates are expanded with: values, sections (shown or repeated, each with its
/// own values that fall back to their parents') and included templates (which see only their
/// own values, the tree's template-global ones and the shared ones), as ctemplate's
/// `TemplateDictionary` has them.
/// `TemplateEngine` reads it. Unlike ctemplate's dictionary, it keeps everything of one page in
/// one arena freed at once, names nothing for debugging, and looks names up in flat hash tables:
/// building the dictionary was a third of an article page's render.
///
/// A root dictionary owns its tree; the dictionaries `add_section` and `add_include` return live
/// as long as the root. Values are copied. Not for use by two threads at once.
class Dictionary {
  public:
    Dictionary();
    ~Dictionary();
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    /// Values looked up after the tree's own (the root's only); `values` must outlive the tree.
    void share(const SharedValues& values);

    void set_value(Name name, std::string_view value);
    void set_int_value(Name name, long long value);
    /// Sets `name` in a new `section` dictionary; nothing when `value` is empty.
    void set_value_and_show_section(Name name, std::string_view value, Name section);
    /// Shows `section` once (with this dictionary's values), unless it already has dictionaries.
    void show_section(Name section);
    /// One more expansion of `section`, with the returned dictionary's values.
    Dictionary* add_section(Name section);
    /// One more expansion of the include `name` with the template `file` (its path below the
    /// templates folder) and the returned dictionary's values.
    Dictionary* add_include(Name name, std::string_view file);
    /// A value every template of the tree sees (includes too).
    void set_template_global_value(Name name, std::string_view value);
    /// A section shown in every template of the tree.
    void show_template_global_section(Name section);

    // What the templates read.
    /// The value of `name`: this dictionary's, a parent's, the tree's template-global one or the
    /// shared one, in that order; empty when none has it.
    std::string_view value(Name name) const;
    /// The dictionaries `section` is expanded with, once each; none when it is hidden.
    std::span<const Dictionary* const> section_dictionaries(Name section) const;
    /// The dictionaries the include `name` is expanded with, once each.
    std::span<const Dictionary* const> include_dictionaries(Name name) const;
    /// An include dictionary's template file.
    std::string_view include_file() const { return file_; }
    /// Gives an include dictionary its template's expansion, written before (a kept story card):
    /// the engine writes `html` in the include's place instead of expanding the template.
    void set_expansion(std::string_view html);
    /// The expansion set_expansion gave, if any.
    const std::optional<std::string_view>& expansion() const { return expansion_; }

  private:
    struct Tree;
    struct Children {
        Dictionary** items = nullptr;
        std::uint32_t size = 0;
        std::uint32_t capacity = 0;
    };
    /// Open addressing over keys that are hashes already; grows at half full, in the arena.
    template <class T>
    struct Table {
        struct Slot {
            std::uint64_t key;
            T value;
        };
        Slot* slots = nullptr;
        std::uint32_t capacity = 0;
        std::uint32_t size = 0;

        T* find(std::uint64_t key) const;
        T& find_or_add(std::uint64_t key, Tree& tree);
    };
    Dictionary(Tree& tree, const Dictionary* parent);
    Dictionary* make_child(const Dictionary* parent);
    Dictionary& globals();
    std::string_view copy(std::string_view text);
    Dictionary* append(Children& list, const Dictionary* parent);
    const Children* section(std::uint64_t key) const;
    const Children* include(std::uint64_t key) const;

    std::unique_ptr<Tree> owned_;  // the root's only
    Tree* tree_;
    const Dictionary* parent_;  // a section's dictionary falls back to its parent's values
    Table<std::string_view> values_;
    Table<Children> sections_;
    Table<Children> includes_;
    std::string_view file_;  // an include's template
    std::optional<std::string_view> expansion_;
};

}  // namespace dateline::render
