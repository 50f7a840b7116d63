// Fuzz harness, differential: whatever the value, each escape the template engine writes is the
// very bytes ctemplate's own modifier writes for it (ctemplate chooses the escaping of every
// variable; the engine must not write anything else in its place).
#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "render/template_escapes.hpp"

namespace {

constexpr std::array<const char*, 11> modifiers = {
    "none", "h", "p", "H=pre", "H=attribute", "U=html", "U=javascript", "j", "c", "u", "o"};

// One parsed template per modifier, made once.
const ctemplate::Template& oracle(std::size_t which) {
    static const auto parsed = [] {
        std::array<std::unique_ptr<ctemplate::Template>, modifiers.size()> all;
        for (std::size_t i = 0; i < modifiers.size(); ++i)
            all[i].reset(ctemplate::Template::StringToTemplate(
                std::string("{{X:") + modifiers[i] + "}}", ctemplate::DO_NOT_STRIP));
        return all;
    }();
    return *parsed[which];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t which = data[0] % modifiers.size();
    const std::string value(reinterpret_cast<const char*>(data + 1), size - 1);

    ctemplate::TemplateDictionary dictionary("fuzz");
    dictionary.SetValue("X", value);
    std::string expected;
    oracle(which).Expand(&expected, &dictionary);

    std::string written;
    dateline::render::append_escaped(*dateline::render::escape_named(modifiers[which]), value,
                                     written);
    if (written != expected) {
        std::fprintf(stderr, ":%s wrote %zu bytes where ctemplate writes %zu\n", modifiers[which],
                     written.size(), expected.size());
        std::abort();
    }
    return 0;
}
