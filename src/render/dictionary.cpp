#include "render/dictionary.hpp"

#include <algorithm>
#include <charconv>
#include <memory_resource>
#include <new>

namespace dateline::render {

void SharedValues::set(Name name, std::string value) {
    values_[name.key()] = std::move(value);
}

const std::string* SharedValues::find(Name name) const {
    const auto it = values_.find(name.key());
    return it == values_.end() ? nullptr : &it->second;
}

struct Dictionary::Tree {
    // One first block for a page's dictionaries and values; a larger page takes more, each
    // twice the last (the resource's growth).
    std::pmr::monotonic_buffer_resource arena{16 * 1024};
    Dictionary* globals = nullptr;
    const SharedValues* shared = nullptr;
};

class Dictionary::ChildIterator final : public ctemplate::TemplateDictionaryInterface::Iterator {
  public:
    explicit ChildIterator(const Children& list) : at_(list.items), end_(list.items + list.size) {}
    bool HasNext() const override { return at_ != end_; }
    const ctemplate::TemplateDictionaryInterface& Next() override { return **at_++; }

  private:
    Dictionary* const* at_;
    Dictionary* const* end_;
};

template <class T>
T* Dictionary::Table<T>::find(std::uint64_t key) const {
    if (capacity == 0) return nullptr;
    const std::uint32_t mask = capacity - 1;
    for (std::uint32_t i = static_cast<std::uint32_t>(key) & mask;; i = (i + 1) & mask) {
        if (slots[i].key == key) return &slots[i].value;
        if (slots[i].key == 0) return nullptr;
    }
}

template <class T>
T& Dictionary::Table<T>::find_or_add(std::uint64_t key, Tree& tree) {
    if (T* found = find(key)) return *found;
    if ((size + 1) * 2 > capacity) {
        const std::uint32_t grown = capacity == 0 ? 8 : capacity * 2;
        Slot* fresh = std::pmr::polymorphic_allocator<Slot>(&tree.arena).allocate(grown);
        for (std::uint32_t i = 0; i < grown; ++i) new (&fresh[i]) Slot{0, T{}};
        const std::uint32_t mask = grown - 1;
        for (std::uint32_t j = 0; j < capacity; ++j) {
            if (slots[j].key == 0) continue;
            std::uint32_t i = static_cast<std::uint32_t>(slots[j].key) & mask;
            while (fresh[i].key != 0) i = (i + 1) & mask;
            fresh[i] = slots[j];
        }
        slots = fresh;  // the old slots stay in the arena until the page is done
        capacity = grown;
    }
    const std::uint32_t mask = capacity - 1;
    std::uint32_t i = static_cast<std::uint32_t>(key) & mask;
    while (slots[i].key != 0) i = (i + 1) & mask;
    slots[i].key = key;
    ++size;
    return slots[i].value;
}

Dictionary::Dictionary()
    : owned_(std::make_unique<Tree>()), tree_(owned_.get()), parent_(nullptr) {}

Dictionary::Dictionary(Tree& tree, const Dictionary* parent) : tree_(&tree), parent_(parent) {}

// Dictionaries below the root live in the arena and are never destroyed one by one: they own
// nothing outside it.
Dictionary::~Dictionary() = default;

void Dictionary::share(const SharedValues& values) {
    tree_->shared = &values;
}

Dictionary* Dictionary::make_child(const Dictionary* parent) {
    void* at = tree_->arena.allocate(sizeof(Dictionary), alignof(Dictionary));
    // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the arena owns it, freed with the tree
    return new (at) Dictionary(*tree_, parent);
}

Dictionary& Dictionary::globals() {
    if (!tree_->globals) tree_->globals = make_child(nullptr);
    return *tree_->globals;
}

std::string_view Dictionary::copy(std::string_view text) {
    if (text.empty()) return "";  // never a null pointer to ctemplate, even with no length
    auto* at = static_cast<char*>(tree_->arena.allocate(text.size() + 1, 1));
    std::memcpy(at, text.data(), text.size());
    at[text.size()] = '\0';
    return {at, text.size()};
}

Dictionary* Dictionary::append(Children& list, const Dictionary* parent) {
    if (list.size == list.capacity) {
        const std::uint32_t grown = list.capacity == 0 ? 4 : list.capacity * 2;
        Dictionary** items =
            std::pmr::polymorphic_allocator<Dictionary*>(&tree_->arena).allocate(grown);
        std::copy_n(list.items, list.size, items);
        list.items = items;
        list.capacity = grown;
    }
    Dictionary* child = make_child(parent);
    list.items[list.size++] = child;
    return child;
}

void Dictionary::set_value(Name name, std::string_view value) {
    values_.find_or_add(name.key(), *tree_) = copy(value);
}

void Dictionary::set_int_value(Name name, long long value) {
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    set_value(name, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void Dictionary::set_value_and_show_section(Name name, std::string_view value, Name section) {
    if (value.empty()) return;
    add_section(section)->set_value(name, value);
}

void Dictionary::show_section(Name section) {
    Children& list = sections_.find_or_add(section.key(), *tree_);
    if (list.size == 0) append(list, this);
}

Dictionary* Dictionary::add_section(Name section) {
    return append(sections_.find_or_add(section.key(), *tree_), this);
}

Dictionary* Dictionary::add_include(Name name, std::string_view file) {
    // An included template sees none of the values around it: no parent.
    Dictionary* child = append(includes_.find_or_add(name.key(), *tree_), nullptr);
    child->file_ = copy(file).data();
    return child;
}

void Dictionary::set_template_global_value(Name name, std::string_view value) {
    globals().set_value(name, value);
}

void Dictionary::show_template_global_section(Name section) {
    globals().show_section(section);
}

namespace {

Name name_of(const ctemplate::TemplateString& name) {
    return Name::of(std::string_view(name.data(), name.size()));
}

std::uint64_t key_of(const ctemplate::TemplateString& name) {
    return name_of(name).key();
}

}  // namespace

ctemplate::TemplateString Dictionary::GetValue(const ctemplate::TemplateString& variable) const {
    const Name name = name_of(variable);
    const std::uint64_t key = name.key();
    const std::string_view* found = nullptr;
    for (const Dictionary* d = this; d && !found; d = d->parent_) found = d->values_.find(key);
    if (!found && tree_->globals) found = tree_->globals->values_.find(key);
    if (found) return {found->data(), found->size()};
    if (tree_->shared)
        if (const std::string* shared = tree_->shared->find(name))
            return {shared->data(), shared->size()};
    return {"", 0};
}

const Dictionary::Children* Dictionary::section(std::uint64_t key) const {
    for (const Dictionary* d = this; d; d = d->parent_)
        if (const Children* list = d->sections_.find(key)) return list;
    if (tree_->globals) return tree_->globals->sections_.find(key);
    return nullptr;
}

const Dictionary::Children* Dictionary::include(std::uint64_t key) const {
    for (const Dictionary* d = this; d; d = d->parent_)
        if (const Children* list = d->includes_.find(key)) return list;
    return nullptr;
}

bool Dictionary::IsHiddenSection(const ctemplate::TemplateString& name) const {
    return section(key_of(name)) == nullptr;
}

bool Dictionary::IsUnhiddenSection(const ctemplate::TemplateString& name) const {
    return !IsHiddenSection(name);
}

bool Dictionary::IsHiddenTemplate(const ctemplate::TemplateString& name) const {
    return include(key_of(name)) == nullptr;
}

const char* Dictionary::GetIncludeTemplateName(const ctemplate::TemplateString& variable,
                                               int dictnum) const {
    const Children* list = include(key_of(variable));
    if (!list || dictnum < 0 || static_cast<std::uint32_t>(dictnum) >= list->size) return "";
    return list->items[dictnum]->file_;
}

ctemplate::TemplateDictionaryInterface::Iterator* Dictionary::CreateTemplateIterator(
    const ctemplate::TemplateString& name) const {
    static constexpr Children none{};
    const Children* list = include(key_of(name));
    return new ChildIterator(list ? *list : none);
}

ctemplate::TemplateDictionaryInterface::Iterator* Dictionary::CreateSectionIterator(
    const ctemplate::TemplateString& name) const {
    static constexpr Children none{};
    const Children* list = section(key_of(name));
    return new ChildIterator(list ? *list : none);
}

void Dictionary::DumpToString(std::string* out, int level) const {
    out->append(static_cast<std::size_t>(level) * ctemplate::kIndent, ' ');
    *out += "dictionary: " + std::to_string(values_.size) + " values, " +
            std::to_string(sections_.size) + " sections, " + std::to_string(includes_.size) +
            " includes\n";
}

}  // namespace dateline::render
