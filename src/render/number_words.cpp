#include "render/number_words.hpp"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

namespace dateline::render {

std::string spell_out(long number, const std::string& language) {
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, icu::Locale(language.c_str()), status);
    if (U_FAILURE(status)) return std::to_string(number);
    icu::UnicodeString text;
    format.format(static_cast<int64_t>(number), text, status);
    if (U_FAILURE(status)) return std::to_string(number);
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace dateline::render
