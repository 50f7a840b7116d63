#pragma once

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template_string.h>

#include <memory>
#include <string>

namespace dateline::site {

/// A template variable, section or include name ("DATE_ISO") as ctemplate should get it: with its
/// id computed and entered in ctemplate's table of names once. Given a plain string, ctemplate
/// hashes it and looks it up in that table, under a global lock, every time a dictionary takes
/// it: 15% of an article page's render. `literal` must be a string literal (it is remembered by
/// address, per thread).
ctemplate::TemplateString template_name(const char* literal);

/// The same for a name made at run time (a catalog key), owning its text. Build it once (at
/// load) and reuse it: building one takes ctemplate's lock.
class TemplateName {
  public:
    explicit TemplateName(std::string text);
    TemplateName(TemplateName&&) noexcept = default;
    TemplateName& operator=(TemplateName&&) noexcept = default;
    operator ctemplate::TemplateString() const { return ctemplate::TemplateString(*name_); }

  private:
    std::unique_ptr<const std::string> text_;  // where name_ points, fixed when moved
    std::unique_ptr<ctemplate::StaticTemplateString> name_;
};

}  // namespace dateline::site
