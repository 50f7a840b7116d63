#pragma once

// The comment form under articles: reading what a reader sent, and showing the form again with
// everything kept. Internal to the site module.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/comment_intake.hpp"
#include "domain/site.hpp"
#include "http/message.hpp"
#include "render/catalog.hpp"

namespace dateline::render {
class Dictionary;
}

namespace dateline::site {

/// A sentence above the form about the last submission. (A submission refused for its limits is
/// answered with an error page that keeps the text: ReaderPages::error_page.)
enum class FormNotice { None, Received, Closed };

/// The form as a submission left it: what the reader sent, kept whole, and what became of it.
struct CommentFormState {
    app::CommentForm sent;
    std::vector<domain::FieldError> errors;
    FormNotice notice = FormNotice::None;
    /// The form also asks the fallback question (the reader sent no widget answer: no script).
    bool ask_question = false;
    std::string started_note;  ///< carried forward in a hidden field (IntakeResult)
};

/// Reads the form's fields by name; unknown fields are ignored, a repeated field counts once.
app::CommentForm read_comment_form(const std::multimap<std::string, std::string>& fields);

/// The form's strings: a theme's catalog, and what every form makes of it the same way, made
/// once per language (the counter's sentences for its script) or once per language and site
/// setting (each field's label and hint). Holds the catalog by reference. Safe to share
/// between threads.
class CommentFormText {
  public:
    explicit CommentFormText(const render::Catalog& catalog);
    const render::Catalog& catalog() const { return catalog_; }
    /// The characters-left counter's sentences by plural category, as its script reads them
    /// (a JSON object); English's for a language the theme lacks, as Catalog::text does.
    const std::string& counter_messages(std::string_view language) const;

    /// How many fields the form has: name, e-mail, title, comment.
    static constexpr std::size_t field_count = 4;

    /// A field's label, and its hint with the field's limit (0: none) in the site's digits.
    struct FieldText {
        std::string label;
        std::string hint;
    };
    /// The label and hint of the form's field number `field` (its order in the form: name,
    /// e-mail, title, comment), or nullptr past the last: made on the first form that shows them
    /// so and remembered, since every story page of a site shows the same (a plural rule's
    /// lookup for each hint).
    std::shared_ptr<const FieldText> field_text(std::string_view language, std::size_t field,
                                                std::size_t limit, bool arabic_indic_digits) const;

  private:
    // What a field's text was made with, and the text.
    struct MadeFieldText {
        std::size_t limit = 0;
        bool arabic_indic_digits = false;
        std::shared_ptr<const FieldText> text;
    };
    const render::Catalog& catalog_;
    std::map<std::string, std::string, std::less<>> counter_messages_;
    mutable std::mutex field_texts_mutex_;
    // By language, then by field; a site's other setting replaces what was made (a network's
    // sites in one language rarely differ in their limits).
    mutable std::map<std::string, std::array<MadeFieldText, field_count>, std::less<>> field_texts_;
};

/// Fills the article template's COMMENT_FORM section: an empty form, or `state`'s. Its security
/// check is bound to `article`.
void add_comment_form(render::Dictionary& page, const domain::Site& site,
                      const CommentFormText& form_text, const std::string& action,
                      domain::Id article, const CommentFormState* state,
                      const app::SecurityCheck& check);

/// Fills the error template's KEPT section: what the reader sent, in a form that sends it again
/// to `action` (without the spent security answer: the article asks for a new one).
void add_kept_comment(render::Dictionary& page, const std::string& action,
                      const app::CommentForm& sent);

/// Where the security-check widget fetches its challenges (any host, any site), with
/// `?article=ID` naming the story the challenge is for.
inline constexpr const char* comment_check_segment = "comment-check";
inline constexpr const char* comment_check_article_param = "article";

}  // namespace dateline::site
