#include "search/analyzer.hpp"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

namespace dateline::search {

namespace {

// A Snowball stemmer of one language for this thread: they keep state while they work.
class Snowball {
  public:
    explicit Snowball(const char* algorithm) : stemmer_(sb_stemmer_new(algorithm, "UTF_8")) {}
    ~Snowball() {
        if (stemmer_) sb_stemmer_delete(stemmer_);
    }
    Snowball(const Snowball&) = delete;
    Snowball& operator=(const Snowball&) = delete;

    std::string stem(const std::string& word) {
        if (!stemmer_) return word;
        const sb_symbol* out =
            sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                            static_cast<int>(word.size()));
        if (!out) return word;  // out of memory: the word unstemmed still finds itself
        return {reinterpret_cast<const char*>(out),
                static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
    }

  private:
    sb_stemmer* stemmer_;
};

Snowball& english_snowball() {
    thread_local Snowball stemmer("english");
    return stemmer;
}

Snowball& arabic_snowball() {
    thread_local Snowball stemmer("arabic");
    return stemmer;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Arabic spellings read alike, as Lucene's ArabicNormalizer and Larkey's light stemmers do.
icu::UnicodeString normalise_arabic(const icu::UnicodeString& word) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < word.length();) {
        const UChar32 c = word.char32At(i);
        i += U16_LENGTH(c);
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
            continue;  // tashkeel, tatweel
        switch (c) {
            case 0x0622:  // alef with madda
            case 0x0623:  // alef with hamza above
            case 0x0625:  // alef with hamza below
            case 0x0671:  // alef wasla
                out.append(UChar32{0x0627});
                break;
            case 0x0649:  // alef maqsura
                out.append(UChar32{0x064A});
                break;
            case 0x0624:  // waw with hamza
            case 0x0626:  // yeh with hamza: writers choose the carrier differently ("مسؤول",
                          // "مسئول"), so the hamza alone stands
                out.append(UChar32{0x0621});
                break;
            case 0x0629:  // teh marbuta
                out.append(UChar32{0x0647});
                break;
            default:
                // Arabic-Indic and Persian digits as the digits a search box most often gets.
                if (c >= 0x0660 && c <= 0x0669)
                    out.append(static_cast<UChar32>('0' + (c - 0x0660)));
                else if (c >= 0x06F0 && c <= 0x06F9)
                    out.append(static_cast<UChar32>('0' + (c - 0x06F0)));
                else
                    out.append(c);
        }
    }
    return out;
}

// Larkey's light10: one attached conjunction, article or preposition off the front, then the
// common suffixes off the end, each only while two letters or more remain (Lucene's
// ArabicStemmer, on words already normalised: taa marbuta is haa).
icu::UnicodeString light10(icu::UnicodeString word) {
    static const std::array<icu::UnicodeString, 7> prefixes = {
        icu::UnicodeString::fromUTF8("ال"),  icu::UnicodeString::fromUTF8("وال"),
        icu::UnicodeString::fromUTF8("بال"), icu::UnicodeString::fromUTF8("كال"),
        icu::UnicodeString::fromUTF8("فال"), icu::UnicodeString::fromUTF8("لل"),
        icu::UnicodeString::fromUTF8("و")};
    static const std::array<icu::UnicodeString, 8> suffixes = {
        icu::UnicodeString::fromUTF8("ها"), icu::UnicodeString::fromUTF8("ان"),
        icu::UnicodeString::fromUTF8("ات"), icu::UnicodeString::fromUTF8("ون"),
        icu::UnicodeString::fromUTF8("ين"), icu::UnicodeString::fromUTF8("يه"),
        icu::UnicodeString::fromUTF8("ه"),  icu::UnicodeString::fromUTF8("ي")};
    for (std::size_t p = 0; p < prefixes.size(); ++p) {
        const auto& prefix = prefixes[p];
        // A lone waw goes only from a word of four letters or more: "ورد" is a word of its own.
        const int32_t keep = p + 1 == prefixes.size() ? 3 : 2;
        if (word.startsWith(prefix) && word.length() - prefix.length() >= keep) {
            word.remove(0, prefix.length());
            break;
        }
    }
    for (const auto& suffix : suffixes)
        if (word.endsWith(suffix) && word.length() - suffix.length() >= 2)
            word.truncate(word.length() - suffix.length());
    return word;
}

bool is_arabic(std::string_view language) {
    return language.substr(0, language.find('-')) == "ar";
}
bool is_english(std::string_view language) {
    return language.substr(0, language.find('-')) == "en";
}

std::string term_of(icu::UnicodeString folded, std::string_view language) {
    if (is_arabic(language)) return arabic_term(utf8(folded), ArabicStemming::Light10ThenSnowball);
    if (is_english(language)) {
        // Typeset copy writes "Dubai’s"; Snowball knows the possessive only with "'".
        for (int32_t i = 0; i < folded.length(); ++i)
            if (const char16_t c = folded.charAt(i); c == 0x2019 || c == 0x02BC || c == 0xFF07)
                folded.setCharAt(i, u'\'');
        return english_snowball().stem(utf8(folded));
    }
    return utf8(folded);
}

// The bytes `count` code points take in `text` from `at`: what ICU read as that many, each
// ill-formed sequence counted once as the U+FFFD it became.
std::size_t bytes_of(std::string_view text, std::size_t at, int32_t count) {
    auto i = static_cast<int32_t>(at);
    const auto end = static_cast<int32_t>(text.size());
    for (int32_t n = 0; n < count && i < end; ++n) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, end, c);
    }
    return static_cast<std::size_t>(i) - at;
}

}  // namespace

std::string arabic_term(std::string_view folded_word, ArabicStemming stemming) {
    const auto word = normalise_arabic(icu::UnicodeString::fromUTF8(
        icu::StringPiece(folded_word.data(), static_cast<int32_t>(folded_word.size()))));
    switch (stemming) {
        case ArabicStemming::Light10:
            return utf8(light10(word));
        case ArabicStemming::Snowball:
            return arabic_snowball().stem(utf8(word));
        case ArabicStemming::Light10ThenSnowball:
            break;
    }
    return arabic_snowball().stem(utf8(light10(word)));
}

namespace {

// This thread's word boundaries for a language, made once (making one loads its rules).
icu::BreakIterator* word_boundaries(std::string_view language) {
    thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> made;
    auto found = made.find(language);
    if (found == made.end()) {
        const std::string tag(language);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> boundaries(
            icu::BreakIterator::createWordInstance(icu::Locale(tag.c_str()), status));
        if (U_FAILURE(status)) boundaries.reset();
        found = made.emplace(tag, std::move(boundaries)).first;
    }
    return found->second.get();
}

// The terms this thread made lately, by language and word as written: the same words come back
// in every text (a body's "said" and "the", a page of results' bodies), and making a term costs
// a normalisation and a stemmer's run, where a term depends on the word and language alone.
// Bounded: emptied when full.
class MadeTerms {
  public:
    static constexpr std::size_t capacity = 8192;

    /// The term of `word` ("" for none), made by `make` unless made before.
    template <typename Make>
    const std::string& term(std::string_view language, std::string_view word, Make&& make) {
        key_.assign(language).push_back('\0');
        key_.append(word);
        if (const auto found = made_.find(key_); found != made_.end()) return found->second;
        if (made_.size() >= capacity) made_.clear();
        return made_.emplace(key_, make()).first->second;
    }

  private:
    std::string key_;  // reused: a lookup allocates nothing once it has grown
    std::unordered_map<std::string, std::string> made_;
};

}  // namespace

std::vector<Word> words(std::string_view text, std::string_view language) {
    std::vector<Word> out;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu::BreakIterator* boundaries = word_boundaries(language);
    if (U_FAILURE(status) || !boundaries) return out;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    boundaries->setText(source);
    thread_local MadeTerms made;
    std::size_t offset = 0;  // bytes of `text` before the current segment
    int32_t start = boundaries->first();
    for (int32_t end = boundaries->next(); end != icu::BreakIterator::DONE;
         start = end, end = boundaries->next()) {
        const std::size_t length = bytes_of(text, offset, source.countChar32(start, end - start));
        // Letters, numbers, kana, ideographs: a word; spaces and punctuation are not.
        if (boundaries->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
            const std::string& term = made.term(language, text.substr(offset, length), [&] {
                UErrorCode folding = U_ZERO_ERROR;
                const icu::UnicodeString folded =
                    fold->normalize(icu::UnicodeString(source, start, end - start), folding);
                if (U_FAILURE(folding)) return std::string();
                std::string made_term = term_of(folded, language);
                // A '"' inside a word (Hebrew acronyms) would end a quoted term in a query.
                std::erase(made_term, '"');
                if (made_term.size() > max_term_bytes) made_term.clear();
                return made_term;
            });
            if (!term.empty()) out.push_back({term, offset, length});
        }
        offset += length;
    }
    return out;
}

std::vector<std::string> terms(std::string_view text, std::string_view language) {
    std::vector<std::string> out;
    for (auto& w : words(text, language)) out.push_back(std::move(w.term));
    return out;
}

}  // namespace dateline::search
