#include "site/template_names.hpp"

#include <unordered_map>

namespace dateline::site {

namespace {

std::unique_ptr<ctemplate::StaticTemplateString> interned(const char* text, std::size_t length) {
    auto name = std::make_unique<ctemplate::StaticTemplateString>(
        ctemplate::StaticTemplateString{{text, length, ctemplate::kIllegalTemplateId}});
    // What STS_INIT does for a name known at compile time: computes the id, enters the name.
    const ctemplate::StaticTemplateStringInitializer entered(name.get());
    return name;
}

}  // namespace

ctemplate::TemplateString template_name(const char* literal) {
    thread_local std::unordered_map<const char*, std::unique_ptr<ctemplate::StaticTemplateString>>
        known;
    auto& name = known[literal];
    if (!name) name = interned(literal, std::strlen(literal));
    return ctemplate::TemplateString(*name);
}

TemplateName::TemplateName(std::string text)
    : text_(std::make_unique<const std::string>(std::move(text))),
      name_(interned(text_->data(), text_->size())) {}

}  // namespace dateline::site
