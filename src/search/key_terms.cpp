#include "search/key_terms.hpp"

#include <algorithm>
#include <set>

#include "core/utf8.hpp"
#include "search/analyzer.hpp"

namespace dateline::search {

namespace {

// Words of our own choosing that news copy uses whatever it is about.
constexpr std::string_view english_common =
    "a an the and or but nor of in on at to for from by with as into onto about over under after "
    "before between during since until than then so if while because though although is are was "
    "were be been being has have had do does did will would shall should can could may might "
    "must it its this that these those he she they we you i me him her them us his hers their "
    "our your who whom whose which what when where why how all any both each more most other "
    "some such no not only own same too very also just now new says said say told according "
    "year years month months week weeks day days hour hours minute minutes time times today "
    "yesterday tomorrow morning evening night almost nearly around some about million billion "
    "percent per cent mr mrs ms one two three first last";
constexpr std::string_view arabic_common =
    "في من على إلى الى عن مع أن إن ان أو او ثم كما لا لم لن قد ما هو هي هم هما نحن أنا هذا هذه "
    "ذلك تلك هؤلاء الذي التي الذين اللذين اللتين كان كانت يكون تكون كانوا بعد قبل حول بين خلال "
    "عند منذ حتى إذا اذا لكن بل أي كل بعض غير عدة أكثر أقل أمس اليوم غدا عام العام يوم الأسبوع "
    "قال قالت وقال وقالت يقول تقول أضاف وأضاف أوضح وأوضح أشار وأشار وفق وفقا حيث أيضا فقط "
    "ساعة ساعات دقيقة دقائق شهر أشهر أسبوع أسابيع أيام صباح مساء ليلة نحو حوالي قرابة مليون مليار "
    "المئة بالمئة";

// The common words' terms in one language, made by the analysis itself so that they meet the
// text's.
std::set<std::string> common_terms(std::string_view language) {
    const auto list = terms(language == "ar" ? arabic_common : english_common, language);
    return {list.begin(), list.end()};
}

bool is_number(const std::string& term) {
    return std::all_of(term.begin(), term.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
}

}  // namespace

std::vector<std::string> key_terms(std::string_view text, std::string_view language) {
    static const std::set<std::string> english = common_terms("en");
    static const std::set<std::string> arabic = common_terms("ar");
    static const std::set<std::string> none;
    const std::string_view primary = language.substr(0, language.find('-'));
    const auto& common = primary == "ar" ? arabic : primary == "en" ? english : none;
    std::vector<std::string> out;
    for (auto& term : terms(text, language)) {
        if (common.count(term) > 0 || is_number(term)) continue;
        // One letter says nothing of a story (an initial, a letter left of a contraction).
        if (count_code_points(term) < 2 || std::find(out.begin(), out.end(), term) != out.end())
            continue;
        out.push_back(std::move(term));
    }
    return out;
}

}  // namespace dateline::search
