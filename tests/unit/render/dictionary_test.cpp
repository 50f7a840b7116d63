#include <gtest/gtest.h>

#include <fstream>

#include "../support_fixed_clock.hpp"
#include "render/dictionary.hpp"
#include "render/template_engine.hpp"

namespace dateline::render {

using testing_support::TempDir;

namespace {

// Templates written into a folder and loaded as a theme's are; each begins with the escaping
// pragma the engine requires.
class Templates {
  public:
    void add(const std::string& name, const std::string& text) {
        std::filesystem::create_directories((dir_.path() / name).parent_path());
        std::ofstream(dir_.path() / name) << "{{%AUTOESCAPE context=\"HTML\"}}" << text;
    }
    std::string expand(const std::string& name, const Dictionary& dict) {
        if (!engine_) {
            auto loaded = TemplateEngine::load(dir_.path(), {name});
            EXPECT_TRUE(loaded.ok()) << loaded.error().message;
            engine_ = std::move(*loaded);
        }
        std::string out;
        EXPECT_TRUE(engine_->expand(name, dict, out));
        return out;
    }

  private:
    TempDir dir_;
    std::unique_ptr<TemplateEngine> engine_;
};

}  // namespace

TEST(Dictionary, NamesHashTheSameAtCompileTimeAndAtRunTime) {
    constexpr Name literal = "HEADLINE";
    static_assert(literal.key() != 0);
    EXPECT_EQ(literal, Name::of(std::string("HEAD") + "LINE"));
    EXPECT_NE(literal, Name("HEADLINES"));
    EXPECT_NE(Name::of(""), Name::of("A"));
}

TEST(Dictionary, ValuesAreEscapedByTheirContext) {
    Templates t;
    t.add("page.tpl",
          "<h1 title=\"{{TITLE}}\">{{HEADLINE}}</h1><a href=\"{{URL}}\">x</a>{{MISSING}}.");
    Dictionary d;
    d.set_value("HEADLINE", "Floods <b>&</b> \"rain\"");
    d.set_value("TITLE", "a\" onmouseover=\"x");
    d.set_value("URL", "javascript:alert(1)");
    EXPECT_EQ(t.expand("page.tpl", d),
              "<h1 title=\"a&quot; onmouseover=&quot;x\">Floods &lt;b&gt;&amp;&lt;/b&gt; "
              "&quot;rain&quot;</h1><a href=\"#\">x</a>.");
}

TEST(Dictionary, AValueSetAgainReplacesTheFirstAndNumbersAreWritten) {
    Templates t;
    t.add("page.tpl", "{{A}} {{N}} [{{E}}] <a href=\"{{E}}\">x</a>");
    Dictionary d;
    d.set_value("A", "first");
    d.set_value("A", "second");
    d.set_int_value("N", -42);
    d.set_value("E", "");  // an empty value, escaped as text and as an address
    EXPECT_EQ(t.expand("page.tpl", d), "second -42 [] <a href=\"\">x</a>");
}

TEST(Dictionary, SectionsAreHiddenShownOrRepeatedAndSeeTheirParentsValues) {
    Templates t;
    t.add("page.tpl",
          "{{#HIDDEN}}never{{/HIDDEN}}{{#SHOWN}}[{{SITE}}]{{/SHOWN}}"
          "{{#ITEM}}({{NAME}}/{{SITE}}{{#LAST}}!{{/LAST}}){{/ITEM}}{{#EMPTY}}no{{/EMPTY}}");
    Dictionary d;
    d.set_value("SITE", "en");
    d.show_section("SHOWN");
    d.show_section("SHOWN");  // still once
    for (const char* name : {"a", "b", "c"}) {
        auto* item = d.add_section("ITEM");
        item->set_value("NAME", name);
        if (std::string_view(name) == "c") item->show_section("LAST");
    }
    d.set_value_and_show_section("NAME", "", "EMPTY");  // an empty value shows nothing
    EXPECT_EQ(t.expand("page.tpl", d), "[en](a/en)(b/en)(c/en!)");
}

TEST(Dictionary, ANestedSectionFallsBackThroughEveryParent) {
    Templates t;
    t.add("page.tpl", "{{#OUTER}}{{#INNER}}{{TOP}}-{{MIDDLE}}-{{OWN}}{{/INNER}}{{/OUTER}}");
    Dictionary d;
    d.set_value("TOP", "1");
    auto* outer = d.add_section("OUTER");
    outer->set_value("MIDDLE", "2");
    outer->add_section("INNER")->set_value("OWN", "3");
    EXPECT_EQ(t.expand("page.tpl", d), "1-2-3");
}

TEST(Dictionary, IncludesSeeOnlyTheirOwnTheTreesGlobalAndTheSharedValues) {
    Templates t;
    t.add("page.tpl", "{{>CARD}}|{{T_MORE}}|{{#FLAG}}flag{{/FLAG}}");
    t.add("partials/card.tpl",
          "({{TITLE}},{{PARENT_ONLY}},{{LANG}},{{T_MORE}}{{#FLAG}},flag{{/FLAG}})");
    SharedValues shared;
    shared.set("T_MORE", "More");
    shared.set(Name::of("LANG"), "shared loses to global");
    Dictionary d;
    d.share(shared);
    d.set_value("PARENT_ONLY", "hidden from includes");
    d.set_template_global_value("LANG", "ar");
    d.show_template_global_section("FLAG");
    d.add_include("CARD", "partials/card.tpl")->set_value("TITLE", "one");
    d.add_include("CARD", "partials/card.tpl")->set_value("TITLE", "two");
    EXPECT_EQ(t.expand("page.tpl", d), "(one,,ar,More,flag)(two,,ar,More,flag)|More|flag");
}

TEST(Dictionary, AnIncludeWithoutADictionaryIsLeftOut) {
    Templates t;
    t.add("page.tpl", "a{{>NOTHING}}b");
    Dictionary d;
    EXPECT_EQ(t.expand("page.tpl", d), "ab");
}

TEST(Dictionary, ManyValuesAndSectionsOnOnePageStayApart) {
    // Past the tables' first sizes, and enough to need more than the arena's first block.
    Templates t;
    std::string text;
    for (int i = 0; i < 300; ++i) text += "{{V" + std::to_string(i) + "}},";
    text += "{{#ROW}}{{X}}{{/ROW}}";
    t.add("page.tpl", text);
    Dictionary d;
    std::string expected;
    for (int i = 0; i < 300; ++i) {
        d.set_value(Name::of("V" + std::to_string(i)), std::string(100, 'a' + i % 26));
        expected += std::string(100, 'a' + i % 26) + ",";
    }
    for (int i = 0; i < 1000; ++i) {
        d.add_section("ROW")->set_int_value("X", i % 10);
        expected += std::to_string(i % 10);
    }
    EXPECT_EQ(t.expand("page.tpl", d), expected);
}

}  // namespace dateline::render
