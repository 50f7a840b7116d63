#include "domain/comment.hpp"

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "domain/email.hpp"

namespace dateline::domain {

std::string_view to_string(CommentStatus status) {
    switch (status) {
        case CommentStatus::Pending:
            return "pending";
        case CommentStatus::Approved:
            return "approved";
        case CommentStatus::Rejected:
            return "rejected";
        case CommentStatus::Spam:
            return "spam";
    }
    return "pending";
}

std::optional<CommentStatus> parse_comment_status(std::string_view text) {
    for (const auto s : {CommentStatus::Pending, CommentStatus::Approved, CommentStatus::Rejected,
                         CommentStatus::Spam})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

namespace {

// C0 controls other than tab and newlines, DEL, C1 controls, and the bidi embedding, override
// and isolate controls (U+202A..U+202E, U+2066..U+2069) that could make text read backwards.
bool has_forbidden_characters(std::string_view s, bool multiline) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) return true;
        if (c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0)
            return true;
        if (c == 0xE2 && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return true;
            if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;
        }
    }
    return false;
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The key of the rule a value breaks, or nothing.
std::optional<std::string> check(std::string_view value, std::size_t max, bool multiline) {
    if (!is_valid_utf8(value) || has_forbidden_characters(value, multiline)) return "invalid";
    if (blank(value)) return "required";
    if (count_code_points(value) > max) return "too_long";
    return std::nullopt;
}

}  // namespace

std::vector<FieldError> field_errors(const CommentDraft& d, const CommentLimits& limits) {
    std::vector<FieldError> errors;
    auto add = [&](const char* field, std::optional<std::string> key) {
        if (key) errors.push_back({field, std::move(*key)});
    };
    add("name", check(d.author_name, limits.name, false));
    auto email = check(d.email, max_email_bytes, false);
    if (!email && !plausible_email(d.email)) email = "invalid";
    add("email", std::move(email));
    add("title", check(d.title, limits.title, false));
    add("comment", check(d.body, limits.body, true));
    return errors;
}

Status validate(const CommentDraft& d, const CommentLimits& limits) {
    const auto errors = field_errors(d, limits);
    if (errors.empty()) return success();
    return Error::invalid(errors.front().key, errors.front().field);
}

int count_links(std::string_view text) {
    int links = 0;
    const std::string lower = ascii_lowercase(text);
    for (const std::string_view marker : {"http://", "https://", "www."}) {
        for (auto at = lower.find(marker); at != std::string::npos;
             at = lower.find(marker, at + 1)) {
            // "https://www." is one link, not two.
            if (marker == "www." && at >= 3 && lower.compare(at - 3, 3, "://") == 0) continue;
            ++links;
        }
    }
    return links;
}

std::vector<std::string_view> held_reasons_of(std::string_view held_reason) {
    std::vector<std::string_view> named;
    for (const auto reason : held_reasons)
        for (std::string_view rest = held_reason; !rest.empty();) {
            const auto comma = rest.find(',');
            if (rest.substr(0, comma) == reason) {
                named.push_back(reason);
                break;
            }
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    return named;
}

}  // namespace dateline::domain
