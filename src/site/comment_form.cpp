#include "site/comment_form.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include "render/dictionary.hpp"

#include "core/utf8.hpp"
#include "render/date_formatter.hpp"
#include "render/number_words.hpp"

namespace dateline::site {

using render::Dictionary;

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

static_assert(std::size(field_specs) == CommentFormText::field_count);

// CLDR plural categories: English uses two of them, Arabic all six.
constexpr const char* plural_categories[] = {"zero", "one", "two", "few", "many", "other"};

// The counter's sentences, by plural category, for the script to pick from.
std::string make_counter_messages(const render::Catalog& catalog, const std::string& language) {
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

CommentFormText::CommentFormText(const render::Catalog& catalog) : catalog_(catalog) {
    for (const auto& language : catalog.languages())
        counter_messages_.emplace(language, make_counter_messages(catalog, language));
}

const std::string& CommentFormText::counter_messages(std::string_view language) const {
    if (const auto it = counter_messages_.find(language); it != counter_messages_.end())
        return it->second;
    return counter_messages_.find(render::Catalog::reference_language)->second;
}

std::shared_ptr<const CommentFormText::FieldText> CommentFormText::field_text(
    std::string_view language, std::size_t field, std::size_t limit,
    bool arabic_indic_digits) const {
    if (field >= field_count) return nullptr;
    const std::lock_guard lock(field_texts_mutex_);
    auto at = field_texts_.find(language);
    if (at == field_texts_.end()) at = field_texts_.try_emplace(std::string(language)).first;
    auto& made = at->second[field];
    if (!made.text || made.limit != limit || made.arabic_indic_digits != arabic_indic_digits) {
        const std::string lang(language);
        const std::string name = field_specs[field].name;
        made = {limit, arabic_indic_digits,
                std::make_shared<const FieldText>(
                    FieldText{catalog_.text(lang, "field_" + name),
                              catalog_.count(lang, "hint_" + name, "limit",
                                             static_cast<long long>(limit), arabic_indic_digits)})};
    }
    return made.text;
}

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

void add_comment_form(Dictionary& page, const domain::Site& site, const CommentFormText& form_text,
                      const std::string& action, domain::Id article, const CommentFormState* state,
                      const app::SecurityCheck& check) {
    const std::string& lang = site.language;
    const render::Catalog& catalog = form_text.catalog();
    auto* form = page.add_section("COMMENT_FORM");
    form->set_value("FORM_ACTION", action + "#comment-form");
    form->set_value("CHECK_URL", std::string("/") + comment_check_segment + "?" +
                                     comment_check_article_param + "=" + std::to_string(article));

    if (state && state->notice != FormNotice::None) {
        const std::string kind = state->notice == FormNotice::Received ? "received" : "closed";
        auto* notice = form->add_section("NOTICE");
        notice->set_value("NOTICE_KIND", kind);
        notice->set_value("NOTICE_TEXT", catalog.text(lang, "comment_notice_" + kind));
    }

    auto error_text = [&](std::string_view field, const std::string& key, std::size_t limit) {
        return catalog.count(lang, "error_" + std::string(field) + "_" + key, "limit",
                             static_cast<long long>(limit), site.arabic_indic_digits);
    };
    Dictionary* summary = nullptr;
    auto summarise = [&](const std::string& target, const std::string& text) {
        if (!summary) summary = form->add_section("ERROR_SUMMARY");
        auto* item = summary->add_section("SUMMARY_ITEM");
        item->set_value("ITEM_TARGET", target);
        item->set_value("ITEM_TEXT", text);
    };

    for (std::size_t number = 0; number < std::size(field_specs); ++number) {
        const FieldSpec& spec = field_specs[number];
        auto* field = form->add_include("COMMENT_FIELD", "partials/comment-field.tpl");
        const std::string id = std::string("comment-") + spec.name;
        const std::size_t limit = spec.limit ? site.comment_limits.*spec.limit : 0;
        field->set_value("FIELD", spec.name);
        const auto shown = form_text.field_text(lang, number, limit, site.arabic_indic_digits);
        field->set_value("LABEL", shown->label);
        field->set_value("HINT", shown->hint);
        field->set_value("VALUE", state ? to_displayable_utf8(state->sent.draft.*spec.value) : "");
        std::string described_by = id + "-hint";
        if (const auto* key = error_of(state, spec.name)) {
            const std::string text = error_text(spec.name, *key, limit);
            field->set_value_and_show_section("ERROR_TEXT", text, "INVALID");
            described_by += " " + id + "-error";
            summarise(id, text);
        }
        field->set_value("DESCRIBED_BY", described_by);
        if (spec.type) {
            auto* input = field->add_section("INPUT");
            input->set_value("TYPE", spec.type);
            input->set_value("AUTOCOMPLETE", spec.autocomplete);
            input->set_value("DIRECTION", spec.direction);
        } else {
            auto* area = field->add_section("TEXTAREA");
            area->set_int_value("LIMIT", static_cast<long>(limit));
            area->set_value("DIGITS", site.arabic_indic_digits ? "arab" : "latn");
            area->set_value("COUNTER_MESSAGES", form_text.counter_messages(lang));
        }
    }

    std::string terms_described_by = "comment-terms-text";
    if (const auto* key = error_of(state, "terms")) {
        const std::string text = error_text("terms", *key, 0);
        form->set_value_and_show_section("TERMS_ERROR_TEXT", text, "TERMS_INVALID");
        terms_described_by += " comment-terms-error";
        summarise("comment-terms", text);
    }
    form->set_value("TERMS_DESCRIBED_BY", terms_described_by);
    if (state && state->sent.terms_accepted) form->show_section("TERMS_CHECKED");

    if (const auto* key = error_of(state, "check")) {
        const std::string text = error_text("check", *key, 0);
        form->set_value_and_show_section("CHECK_ERROR_TEXT", text, "CHECK_INVALID");
        summarise("comment-check", text);
    }
    if (const auto* key = error_of(state, "form"))
        summarise("comment-form", error_text("form", *key, 0));
    // A reader who sent the form without the widget's answer has no JavaScript (or it failed):
    // from then on the form also asks a question that needs none.
    if (state && state->ask_question) {
        const auto q = check.question(app::comment_check_context(article));
        auto* question = form->add_section("QUESTION");
        question->set_value("QUESTION_TEXT",
                            catalog.format(lang, "check_question",
                                           {{"first", render::spell_out(q.first, lang)},
                                            {"second", render::spell_out(q.second, lang)}}));
        question->set_value("QUESTION_TOKEN", q.token);
    } else {
        form->show_section("NOSCRIPT_NOTE");
    }
    if (state && !state->started_note.empty())
        form->set_value_and_show_section("STARTED_NOTE", state->started_note, "STARTED");
}

void add_kept_comment(Dictionary& page, const std::string& action, const app::CommentForm& sent) {
    auto* kept = page.add_section("KEPT");
    kept->set_value("KEPT_ACTION", action + "#comment-form");
    for (const auto& spec : field_specs)
        kept->set_value(render::Name::of(std::string("KEPT_") + spec.name),
                        to_displayable_utf8(sent.draft.*spec.value));
    if (sent.terms_accepted) kept->show_section("KEPT_TERMS");
}

}  // namespace dateline::site
