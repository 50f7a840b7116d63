#include "domain/slug.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace dateline::domain {

namespace {

bool keeps(UChar32 c) {
    return u_isalnum(c) && !u_isupper(c);
}

// Apostrophes join a word ("Egypt's" -> "egypts"), they do not split it.
bool is_apostrophe(UChar32 c) {
    return c == u'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

}  // namespace

std::string slugify(std::string_view text, std::size_t max_chars) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return {};
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    source.foldCase();
    icu::UnicodeString decomposed = nfd->normalize(source, status);
    if (U_FAILURE(status)) return {};

    icu::UnicodeString out;
    std::size_t chars = 0;
    std::size_t last_boundary_len = 0;  // length of `out` before the latest '-'
    bool pending_dash = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        const int8_t type = u_charType(c);
        // Combining marks (accents, harakat) and the tatweel only decorate; the Arabic madda and
        // hamza marks (U+0653..U+0655) are part of the letter's spelling (أ إ آ ؤ ئ) and stay.
        const bool arabic_letter_mark = c >= 0x0653 && c <= 0x0655;
        if (arabic_letter_mark) {
            if (out.length() > 0 && !pending_dash) out.append(c);  // recomposed by NFC below
            continue;
        }
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || c == 0x0640 ||
            is_apostrophe(c))
            continue;
        if (!keeps(c)) {
            pending_dash = out.length() > 0;
            continue;
        }
        if (pending_dash) {
            if (chars + 1 >= max_chars) break;
            last_boundary_len = static_cast<std::size_t>(out.length());
            out.append(u'-');
            ++chars;
            pending_dash = false;
        }
        if (chars >= max_chars) {
            if (last_boundary_len > 0) out.truncate(static_cast<int32_t>(last_boundary_len));
            break;
        }
        out.append(c);
        ++chars;
    }
    icu::UnicodeString composed = nfc->normalize(out, status);
    if (U_FAILURE(status)) return {};
    std::string result;
    composed.toUTF8String(result);
    return result;
}

bool is_valid_slug(std::string_view slug) {
    return !slug.empty() && slugify(slug, slug.size() + 1) == slug;
}

}  // namespace dateline::domain
