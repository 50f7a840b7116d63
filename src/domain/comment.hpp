#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/site.hpp"

namespace dateline::domain {

/// Where a comment is in moderation. Only Approved comments are shown to readers.
enum class CommentStatus { Pending, Approved, Rejected, Spam };

/// The stored name of a status: "pending", "approved", "rejected", "spam".
std::string_view to_string(CommentStatus status);
/// The status with this stored name; nothing for any other text.
std::optional<CommentStatus> parse_comment_status(std::string_view text);

/// A reader's comment on an article.
struct Comment {
    Id id = 0;
    Id site_id = 0;
    Id article_id = 0;
    CommentStatus status = CommentStatus::Pending;
    std::string author_name;
    std::string email;  ///< never shown; empty once erased
    std::string title;
    std::string body;  ///< plain text as the reader wrote it; escaped at output
    std::string held_reason;
    UnixTime created_at = 0;
};

/// What a reader submits.
struct CommentDraft {
    std::string author_name;
    std::string email;
    std::string title;
    std::string body;
};

/// Why a comment may be held for a closer look (Comment::held_reason lists them, comma-separated):
/// more links than max_comment_links, the reader passed the weaker no-script question, or the
/// honeypot field was filled (then it goes straight to spam). A resubmitted duplicate is refused
/// at intake, never stored.
inline constexpr std::array<std::string_view, 3> held_reasons = {"links", "question", "honeypot"};
/// The known reasons a comma-separated held_reason names, in held_reasons' order.
std::vector<std::string_view> held_reasons_of(std::string_view held_reason);

/// Links past this many in one comment hold it as likely spam.
inline constexpr int max_comment_links = 2;

/// A rule a field broke: the field ("name", "email", "title", "comment") and a stable key the
/// site translates ("required", "too_long", "invalid").
struct FieldError {
    std::string field;
    std::string key;
};

/// Checks a comment against the rules every field has: all required, within the limits, valid
/// UTF-8 without control or bidi-override characters, a plausible e-mail address. One error per
/// faulty field, in the form's order; empty when the comment may be stored.
std::vector<FieldError> field_errors(const CommentDraft& draft, const CommentLimits& limits);

/// The first of field_errors() as an Invalid error (message: the key, field: the field).
Status validate(const CommentDraft& draft, const CommentLimits& limits);

/// How many links (http://, https://, www.) a text holds.
int count_links(std::string_view text);

/// A comment as a moderator lists it: with where it was posted.
struct CommentListing {
    Comment comment;
    std::string site_slug;
    std::string article_slug;
    std::string section_slug;
    std::string article_headline;
};

}  // namespace dateline::domain
