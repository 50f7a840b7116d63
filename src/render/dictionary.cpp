#include "render/dictionary.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
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
    if (text.empty()) return {};
    auto* at = static_cast<char*>(tree_->arena.allocate(text.size(), 1));
    std::memcpy(at, text.data(), text.size());
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
    child->file_ = copy(file);
    return child;
}

void Dictionary::set_expansion(std::string_view html) {
    expansion_ = copy(html);
}

void Dictionary::set_template_global_value(Name name, std::string_view value) {
    globals().set_value(name, value);
}

void Dictionary::show_template_global_section(Name section) {
    globals().show_section(section);
}

std::string_view Dictionary::value(Name name) const {
    const std::uint64_t key = name.key();
    for (const Dictionary* d = this; d; d = d->parent_)
        if (const std::string_view* found = d->values_.find(key)) return *found;
    if (tree_->globals)
        if (const std::string_view* found = tree_->globals->values_.find(key)) return *found;
    if (tree_->shared)
        if (const std::string* shared = tree_->shared->find(name)) return *shared;
    return {};
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

namespace {

template <class List>
std::span<const Dictionary* const> all_of(const List* list) {
    if (!list) return {};
    return {list->items, list->size};
}

}  // namespace

std::span<const Dictionary* const> Dictionary::section_dictionaries(Name section_name) const {
    return all_of(section(section_name.key()));
}

std::span<const Dictionary* const> Dictionary::include_dictionaries(Name name) const {
    return all_of(include(name.key()));
}

}  // namespace dateline::render
