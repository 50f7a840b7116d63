#include "site/comment_form.hpp"
#include "site/template_names.hpp"

#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template_dictionary.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/utf8.hpp"
#include "render/date_formatter.hpp"
#include "render/number_words.hpp"

namespace dateline::site {

using ctemplate::TemplateDictionary;

namespace {

std::string first(const std::multimap<std::string, std::string>& fields, const char* name) {
    const auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

// The comment's own fields: one place for their form names, strings and limits.
struct FieldSpec {
    const char* name;  // the form field, the key of its strings, the field of its errors
    std::string domain::CommentDraft::*value;
    const char* type;  // input type; nullptr: a textarea
    const char* autocomplete;
    const char* direction;
    std::size_t domain::CommentLimits::*limit;  // nullptr: no limit of the site's
};

constexpr FieldSpec field_specs[] = {
    {"name", &domain::CommentDraft::author_name, "text", "name", "auto",
     &domain::CommentLimits::name},
    {"email", &domain::CommentDraft::email, "email", "email", "ltr", nullptr},
    {"title", &domain::CommentDraft::title, "text", "off", "auto", &domain::CommentLimits::title},
    {"comment", &domain::CommentDraft::body, nullptr, "off", "auto", &domain::CommentLimits::body},
};

// CLDR plural categories: English uses two of them, Arabic all six.
constexpr const char* plural_categories[] = {"zero", "one", "two", "few", "many", "other"};

// The counter's sentences, by plural category, for the script to pick from.
std::string counter_messages(const render::Catalog& catalog, const std::string& language) {
    boost::json::object messages;
    for (const char* kind : {"left", "over"}) {
        boost::json::object forms;
        for (const char* category : plural_categories)
            forms[category] =
                catalog.text(language, std::string("counter_") + kind + "_" + category);
        messages[kind] = std::move(forms);
    }
    return boost::json::serialize(messages);
}

const std::string* error_of(const CommentFormState* state, std::string_view field) {
    if (!state) return nullptr;
    for (const auto& e : state->errors)
        if (e.field == field) return &e.key;
    return nullptr;
}

}  // namespace

app::CommentForm read_comment_form(const std::multimap<std::string, std::string>& fields) {
    app::CommentForm form;
    for (const auto& spec : field_specs) form.draft.*spec.value = first(fields, spec.name);
    // Browsers send line breaks as CRLF; readers (and the counter) count each as one character.
    for (auto at = form.draft.body.find("\r\n"); at != std::string::npos;
         at = form.draft.body.find("\r\n", at))
        form.draft.body.erase(at, 1);
    form.terms_accepted = !first(fields, "terms").empty();
    form.honeypot = first(fields, "website");
    form.solution = first(fields, "altcha");
    form.question_token = first(fields, "question");
    form.answer = first(fields, "answer");
    form.started = first(fields, "started");
    return form;
}

void add_comment_form(TemplateDictionary& page, const domain::Site& site,
                      const render::Catalog& catalog, const std::string& action, domain::Id article,
                      const CommentFormState* state, const app::SecurityCheck& check) {
    const std::string& lang = site.language;
    page.ShowTemplateGlobalSection(template_name("COMMENT_ASSETS"));
    auto* form = page.AddSectionDictionary(template_name("COMMENT_FORM"));
    form->SetValue(template_name("FORM_ACTION"), action + "#comment-form");
    form->SetValue(template_name("CHECK_URL"), std::string("/") + comment_check_segment + "?" +
                                                   comment_check_article_param + "=" +
                                                   std::to_string(article));

    if (state && state->notice != FormNotice::None) {
        const std::string kind = state->notice == FormNotice::Received ? "received" : "closed";
        auto* notice = form->AddSectionDictionary(template_name("NOTICE"));
        notice->SetValue(template_name("NOTICE_KIND"), kind);
        notice->SetValue(template_name("NOTICE_TEXT"),
                         catalog.text(lang, "comment_notice_" + kind));
    }

    auto error_text = [&](std::string_view field, const std::string& key, std::size_t limit) {
        return catalog.count(lang, "error_" + std::string(field) + "_" + key, "limit",
                             static_cast<long long>(limit), site.arabic_indic_digits);
    };
    TemplateDictionary* summary = nullptr;
    auto summarise = [&](const std::string& target, const std::string& text) {
        if (!summary) summary = form->AddSectionDictionary(template_name("ERROR_SUMMARY"));
        auto* item = summary->AddSectionDictionary(template_name("SUMMARY_ITEM"));
        item->SetValue(template_name("ITEM_TARGET"), target);
        item->SetValue(template_name("ITEM_TEXT"), text);
    };

    for (const auto& spec : field_specs) {
        auto* field = form->AddIncludeDictionary(template_name("COMMENT_FIELD"));
        field->SetFilename("partials/comment-field.tpl");
        const std::string id = std::string("comment-") + spec.name;
        const std::size_t limit = spec.limit ? site.comment_limits.*spec.limit : 0;
        field->SetValue(template_name("FIELD"), spec.name);
        field->SetValue(template_name("LABEL"),
                        catalog.text(lang, std::string("field_") + spec.name));
        field->SetValue(template_name("HINT"),
                        catalog.count(lang, std::string("hint_") + spec.name, "limit",
                                      static_cast<long long>(limit), site.arabic_indic_digits));
        field->SetValue(template_name("VALUE"),
                        state ? to_displayable_utf8(state->sent.draft.*spec.value) : "");
        std::string described_by = id + "-hint";
        if (const auto* key = error_of(state, spec.name)) {
            const std::string text = error_text(spec.name, *key, limit);
            field->SetValueAndShowSection(template_name("ERROR_TEXT"), text,
                                          template_name("INVALID"));
            described_by += " " + id + "-error";
            summarise(id, text);
        }
        field->SetValue(template_name("DESCRIBED_BY"), described_by);
        if (spec.type) {
            auto* input = field->AddSectionDictionary(template_name("INPUT"));
            input->SetValue(template_name("TYPE"), spec.type);
            input->SetValue(template_name("AUTOCOMPLETE"), spec.autocomplete);
            input->SetValue(template_name("DIRECTION"), spec.direction);
        } else {
            auto* area = field->AddSectionDictionary(template_name("TEXTAREA"));
            area->SetIntValue(template_name("LIMIT"), static_cast<long>(limit));
            area->SetValue(template_name("DIGITS"), site.arabic_indic_digits ? "arab" : "latn");
            area->SetValue(template_name("COUNTER_MESSAGES"), counter_messages(catalog, lang));
        }
    }

    std::string terms_described_by = "comment-terms-text";
    if (const auto* key = error_of(state, "terms")) {
        const std::string text = error_text("terms", *key, 0);
        form->SetValueAndShowSection(template_name("TERMS_ERROR_TEXT"), text,
                                     template_name("TERMS_INVALID"));
        terms_described_by += " comment-terms-error";
        summarise("comment-terms", text);
    }
    form->SetValue(template_name("TERMS_DESCRIBED_BY"), terms_described_by);
    if (state && state->sent.terms_accepted) form->ShowSection(template_name("TERMS_CHECKED"));

    if (const auto* key = error_of(state, "check")) {
        const std::string text = error_text("check", *key, 0);
        form->SetValueAndShowSection(template_name("CHECK_ERROR_TEXT"), text,
                                     template_name("CHECK_INVALID"));
        summarise("comment-check", text);
    }
    if (const auto* key = error_of(state, "form"))
        summarise("comment-form", error_text("form", *key, 0));
    // A reader who sent the form without the widget's answer has no JavaScript (or it failed):
    // from then on the form also asks a question that needs none.
    if (state && state->ask_question) {
        const auto q = check.question(app::comment_check_context(article));
        auto* question = form->AddSectionDictionary(template_name("QUESTION"));
        question->SetValue(template_name("QUESTION_TEXT"),
                           catalog.format(lang, "check_question",
                                          {{"first", render::spell_out(q.first, lang)},
                                           {"second", render::spell_out(q.second, lang)}}));
        question->SetValue(template_name("QUESTION_TOKEN"), q.token);
    } else {
        form->ShowSection(template_name("NOSCRIPT_NOTE"));
    }
    if (state && !state->started_note.empty())
        form->SetValueAndShowSection(template_name("STARTED_NOTE"), state->started_note,
                                     template_name("STARTED"));
}

void add_kept_comment(TemplateDictionary& page, const std::string& action,
                      const app::CommentForm& sent) {
    auto* kept = page.AddSectionDictionary(template_name("KEPT"));
    kept->SetValue(template_name("KEPT_ACTION"), action + "#comment-form");
    for (const auto& spec : field_specs)
        kept->SetValue(std::string("KEPT_") + spec.name,
                       to_displayable_utf8(sent.draft.*spec.value));
    if (sent.terms_accepted) kept->ShowSection(template_name("KEPT_TERMS"));
}

}  // namespace dateline::site
