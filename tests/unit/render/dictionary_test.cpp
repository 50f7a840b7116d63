#include <gtest/gtest.h>

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

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

    // What ctemplate's own expansion writes for the same templates.
    std::string ctemplate_expand(const std::string& name, ctemplate::TemplateDictionary& dict) {
        ctemplate::TemplateCache cache;
        cache.SetTemplateRootDirectory(dir_.path().string());
        std::string out;
        EXPECT_TRUE(cache.ExpandWithData(name, ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out));
        return out;
    }

  private:
    TempDir dir_;
    std::unique_ptr<TemplateEngine> engine_;
};

// One page's values given to a Dictionary and to a ctemplate::TemplateDictionary alike.
class BothDictionaries {
  public:
    BothDictionaries()
        : ours_(std::make_unique<Dictionary>()),
          theirs_(new ctemplate::TemplateDictionary("page")),
          root_(true) {}
    ~BothDictionaries() {
        if (root_) delete theirs_;  // NOLINT(cppcoreguidelines-owning-memory): ctemplate's API
    }
    BothDictionaries(const BothDictionaries&) = delete;
    BothDictionaries& operator=(const BothDictionaries&) = delete;
    BothDictionaries(BothDictionaries&&) = default;

    void set(const std::string& name, const std::string& value) {
        ours().set_value(Name::of(name), value);
        theirs_->SetValue(name, value);
    }
    void global(const std::string& name, const std::string& value) {
        ours().set_template_global_value(Name::of(name), value);
        theirs_->SetTemplateGlobalValue(name, value);
    }
    void show(const std::string& section) {
        ours().show_section(Name::of(section));
        theirs_->ShowSection(section);
    }
    BothDictionaries section(const std::string& section) {
        return BothDictionaries(ours().add_section(Name::of(section)),
                                theirs_->AddSectionDictionary(section));
    }
    BothDictionaries include(const std::string& name, const std::string& file) {
        auto* theirs = theirs_->AddIncludeDictionary(name);
        theirs->SetFilename(file);
        return BothDictionaries(ours().add_include(Name::of(name), file), theirs);
    }
    Dictionary& ours() { return owned_ ? *ours_ : *child_; }
    ctemplate::TemplateDictionary& theirs() { return *theirs_; }

  private:
    BothDictionaries(Dictionary* ours, ctemplate::TemplateDictionary* theirs)
        : child_(ours), theirs_(theirs), root_(false) {}
    std::unique_ptr<Dictionary> ours_;
    Dictionary* child_ = nullptr;
    bool owned_ = ours_ != nullptr;
    ctemplate::TemplateDictionary* theirs_;
    bool root_;
};

}  // namespace

// The engine expands ctemplate's parse itself; what it writes must be what ctemplate writes:
// blank lines stripped, escaping by context, sections repeated with separators, nested
// sections, includes, template-global values.
TEST(Dictionary, TheEngineWritesWhatCtemplateWrites) {
    Templates t;
    t.add("page.tpl",
          "\n  {{#ITEMS}}\n<li title=\"{{TITLE}}\" data-n={{N}}><a href=\"{{URL}}\">{{NAME}}</a>"
          "{{#ITEMS_separator}}, {{/ITEMS_separator}}</li>\n  {{/ITEMS}}\n"
          "{{#OUTER}}  \n{{#INNER}}[{{LANG}}|{{NAME}}|{{OWN}}]{{/INNER}}{{/OUTER}}\n"
          "<script>var s = '{{SCRIPT}}';</script><style>p{color:{{COLOR}}}</style>\n"
          "{{>CARD}}\n{{! a comment }}\n<pre>{{BODY:pre_escape}}</pre>{{NOPE}}\n");
    t.add("partials/card.tpl", "\n<p>{{TITLE}} {{LANG}}{{NAME}}</p>\n");
    BothDictionaries d;
    d.global("LANG", "ar");
    d.set("NAME", "top <name>");
    for (const char* name : {"a & b", "javascript:x", "\"quoted\"\n"}) {
        auto item = d.section("ITEMS");
        item.set("TITLE", name);
        item.set("N", std::string(name) + "=1");
        item.set("URL", name);
    }
    auto outer = d.section("OUTER");
    outer.section("INNER").set("OWN", "\xe2\x80\xa8");
    outer.section("INNER").set("OWN", "2");
    d.set("SCRIPT", "</script>'\\");
    d.set("COLOR", "red;background:url(x)");
    d.include("CARD", "partials/card.tpl").set("TITLE", "one");
    d.include("CARD", "partials/card.tpl").set("TITLE", "two");
    d.set("BODY", "line\n\tindented <b>");
    const std::string ours = t.expand("page.tpl", d.ours());
    EXPECT_EQ(ours, t.ctemplate_expand("page.tpl", d.theirs()));
    EXPECT_NE(ours.find("&lt;name&gt;</a>, </li>"), std::string::npos) << ours;  // a separator
    EXPECT_NE(ours.find("[ar|top &lt;name&gt;|2]"), std::string::npos) << ours;
}

// Of two "_separator" sections in one section, ctemplate takes the last as the separator; the
// first is an ordinary (hidden) section.
TEST(Dictionary, OnlyTheLastSeparatorSectionSeparates) {
    Templates t;
    t.add("page.tpl",
          "{{#I}}{{#I_separator}}A{{/I_separator}}{{N}}{{#I_separator}}B{{/I_separator}}{{/I}}\n"
          "<ul>\n  {{>CARD}}\n</ul>\n");
    t.add("partials/card.tpl", "<li>a</li>\n<li>b</li>\n");
    BothDictionaries d;
    d.section("I").set("N", "1");
    d.section("I").set("N", "2");
    d.include("CARD", "partials/card.tpl");
    const std::string ours = t.expand("page.tpl", d.ours());
    EXPECT_EQ(ours, t.ctemplate_expand("page.tpl", d.theirs()));
    EXPECT_EQ(ours.substr(0, 4), "1B2\n");
}

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

// The engine reserves each page what its template's last page took: a short page after a very
// long story is still written whole, and not in a buffer the long one's size.
TEST(Dictionary, APageAfterAVeryLongOneIsWrittenWholeInABufferOfItsOwnOrder) {
    Templates t;
    t.add("page.tpl", "<p>{{TEXT}}</p>");
    Dictionary long_page;
    const std::string long_text(4 * 1024 * 1024, 'x');
    long_page.set_value("TEXT", long_text);
    EXPECT_EQ(t.expand("page.tpl", long_page), "<p>" + long_text + "</p>");
    Dictionary short_page;
    short_page.set_value("TEXT", "rain");
    const std::string written = t.expand("page.tpl", short_page);
    EXPECT_EQ(written, "<p>rain</p>");
    EXPECT_LT(written.capacity(), 512u * 1024) << "reserved for the long page";
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
