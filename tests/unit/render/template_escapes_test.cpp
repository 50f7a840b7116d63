// Each escape against ctemplate's own modifier, the one it replaces: the same bytes for every
// byte value, for the strings that tell escapes apart and for random ones.
#include <gtest/gtest.h>

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>

#include <memory>
#include <random>

#include "render/template_escapes.hpp"

namespace dateline::render {

namespace {

std::string ctemplate_writes(const std::string& modifier, const std::string& value) {
    const std::string text = "{{X:" + modifier + "}}";
    const std::unique_ptr<ctemplate::Template> parsed(
        ctemplate::Template::StringToTemplate(text, ctemplate::DO_NOT_STRIP));
    EXPECT_NE(parsed, nullptr) << modifier;
    if (!parsed) return {};
    ctemplate::TemplateDictionary dictionary("oracle");
    dictionary.SetValue("X", value);
    std::string out;
    parsed->Expand(&out, &dictionary);
    return out;
}

std::string we_write(const std::string& modifier, const std::string& value) {
    const auto escape = escape_named(modifier);
    EXPECT_TRUE(escape.has_value()) << modifier;
    std::string out;
    if (escape) append_escaped(*escape, value, out);
    return out;
}

const std::vector<std::string> modifiers = {
    "none", "h", "p", "H=pre", "H=attribute", "U=html", "U=javascript", "j", "c", "u", "o"};

std::vector<std::string> telling_values() {
    std::vector<std::string> values = {
        "",
        "plain words",
        "Floods <b>&</b> \"rain\" 'here'",
        "tab\tnew\nline\rfeed\fvertical\v",
        "javascript:alert(1)",
        "JavaScript:x",
        "/a:b",
        "a:b/c",
        ":x",
        "http://",
        "http://x",
        "HTTPS://x",
        "https://",
        "ftp://x",
        "mailto:a@b.example",
        "data:text/html,x",
        "=a=b=",
        "x=",
        "a\u2028b\u2029c",                              // line and paragraph separators
        "\xc0\xa2 \xe0\x80\xa2 \xe0\x80",               // overlong quotes, a cut sequence
        "\xe2\x80 \xe2 \xf0\x9f\x93\xb0 \xed\xa0\x80",  // broken and four-byte sequences
        "خبر عاجل: فيضانات \"شديدة\" <اليوم>",
        std::string("nul\0byte", 8),
        "</script><!-- %20 + ? # & = /",
    };
    for (int byte = 0; byte < 256; ++byte) values.emplace_back(1, static_cast<char>(byte));
    std::mt19937 random(20261202);  // fixed: a failure names a value that fails again
    for (int i = 0; i < 400; ++i) {
        std::string value(random() % 24, '\0');
        for (auto& c : value) c = static_cast<char>(random() % 256);
        values.push_back(value);
    }
    // Long text with a changed byte here and there, at every offset from a 16-byte block's
    // start: escapes skip the bytes they keep in blocks.
    const std::string kept =
        "Plain words and \xd8\xae\xd8\xa8\xd8\xb1 ";  // Arabic: bytes above 0x80
    for (int i = 0; i < 400; ++i) {
        std::string value;
        const auto length = static_cast<std::size_t>(random() % 120);
        while (value.size() < length) {
            if (random() % 8 == 0)
                value += static_cast<char>(random() % 256);
            else
                value += kept[random() % kept.size()];
        }
        values.push_back(value);
    }
    return values;
}

}  // namespace

TEST(TemplateEscapes, EachWritesWhatCtemplateWrites) {
    const auto values = telling_values();
    for (const auto& modifier : modifiers)
        for (const auto& value : values)
            ASSERT_EQ(we_write(modifier, value), ctemplate_writes(modifier, value))
                << ":" << modifier << " on a value of " << value.size() << " bytes";
}

TEST(TemplateEscapes, AddressesWithAnUnsafeSchemeBecomeAHash) {
    std::string out;
    append_escaped(Escape::UrlHtml, "javascript:alert(1)", out);
    EXPECT_EQ(out, "#");
    out.clear();
    append_escaped(Escape::UrlHtml, "/en/news/a?b=1&c=2", out);
    EXPECT_EQ(out, "/en/news/a?b=1&amp;c=2");
}

TEST(TemplateEscapes, ModifiersDatelineDoesNotWriteAreNotNamed) {
    EXPECT_FALSE(escape_named("H=snippet").has_value());
    EXPECT_FALSE(escape_named("x-custom").has_value());
    EXPECT_FALSE(escape_named("").has_value());
}

}  // namespace dateline::render
