// Fills a data directory's sites with an archive: N published articles per site, in each site's
// language, spread over the months before now, with bylines, tags (a few common, most rare, as a
// newsroom's are), sections and lead pictures from the demo. For the benchmarks of issue 15: the
// cost of a reader page must not grow with the archive.
//
// Usage: generate_archive --data DIR --articles N [--days D] [--seed S]
// The directory must already hold a network (`dateline init --data DIR --demo`).
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "app/article_service.hpp"
#include "app/media_service.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "db/migrator.hpp"
#include "media/image_library.hpp"
#include "storage/site_store.hpp"

namespace {

using namespace dateline;

// Words of our own, in each language, combined into headlines, standfirsts and paragraphs.
struct Vocabulary {
    std::vector<std::string> subjects, actions, objects, places, sentences, tags, bylines;
};

const Vocabulary english{
    {"Ministers", "Port authorities", "Farmers", "The central bank", "Engineers", "Students",
     "A desert rally team", "Fishermen", "The city council", "Researchers", "Exporters",
     "Museum curators", "Airline pilots", "Water planners", "Young founders"},
    {"agree on", "delay", "unveil", "push back against", "celebrate", "test", "review", "expand",
     "rethink", "prepare for", "vote on", "open talks over"},
    {"a new coastal road", "cheaper date exports", "a solar-powered school", "the winter season",
     "longer opening hours", "a fresh rail link", "the harbour expansion",
     "new desalination "
     "plants",
     "a regional film prize", "rules for delivery riders", "the spring harvest",
     "a bigger cargo terminal"},
    {"Muscat", "Doha", "Abu Dhabi", "Manama", "Kuwait City", "Amman", "Beirut", "Salalah",
     "Sharjah", "Ras al-Khaimah"},
    {"Officials said the plan had been discussed for more than a year before the decision.",
     "Residents interviewed on Thursday were divided over what the change would mean for them.",
     "The figures published this week show a steady rise compared with the same month last year.",
     "Several groups asked for more time to study the proposal before it takes effect.",
     "Work is expected to begin in the spring, weather permitting, and to last two seasons.",
     "Critics argue that smaller businesses will carry most of the cost in the first years.",
     "A spokesperson declined to give a date but said talks were continuing.",
     "Traders at the old market said prices had already started to move."},
    {"Economy",  "Energy",      "Shipping", "Football", "Cinema",    "Education", "Water",
     "Aviation", "Agriculture", "Startups", "Tourism",  "Elections", "Health",    "Housing",
     "Weather",  "Climate",     "Trade",    "Rail",     "Heritage",  "Fishing"},
    {"Layla Haddad", "Omar Khalil", "Sara Mitchell", "Yusuf Rahman", "Hannah Cole"}};

const Vocabulary arabic{
    {"الوزراء", "سلطات الموانئ", "المزارعون", "البنك المركزي", "المهندسون", "الطلاب",
     "فريق رالي الصحراء", "الصيادون", "المجلس البلدي", "الباحثون", "المصدّرون", "أمناء المتاحف",
     "الطيارون", "مخططو المياه", "رواد الأعمال الشباب"},
    {"يتفقون على", "يؤجلون", "يكشفون عن", "يعترضون على", "يحتفلون بـ", "يختبرون", "يراجعون",
     "يوسّعون", "يعيدون النظر في", "يستعدون لـ", "يصوّتون على", "يفتحون محادثات حول"},
    {"طريق ساحلي جديد", "صادرات تمور أرخص", "مدرسة تعمل بالطاقة الشمسية", "موسم الشتاء",
     "ساعات عمل أطول", "خط سكك حديدية جديد", "توسعة الميناء", "محطات تحلية جديدة",
     "جائزة سينمائية إقليمية", "قواعد لعمال التوصيل", "حصاد الربيع", "محطة شحن أكبر"},
    {"مسقط", "الدوحة", "أبوظبي", "المنامة", "الكويت", "عمّان", "بيروت", "صلالة", "الشارقة",
     "رأس الخيمة"},
    {"قال مسؤولون إن الخطة نوقشت أكثر من عام قبل اتخاذ القرار.",
     "انقسم السكان الذين التقيناهم يوم الخميس حول ما يعنيه التغيير لهم.",
     "تُظهر الأرقام المنشورة هذا الأسبوع ارتفاعاً ثابتاً مقارنة بالشهر نفسه من العام الماضي.",
     "طلبت عدة جهات مزيداً من الوقت لدراسة المقترح قبل دخوله حيز التنفيذ.",
     "يُتوقع أن تبدأ الأعمال في الربيع إذا سمح الطقس، وأن تستمر موسمين.",
     "يرى منتقدون أن الشركات الصغيرة ستتحمل معظم الكلفة في السنوات الأولى.",
     "امتنع متحدث عن تحديد موعد لكنه قال إن المحادثات مستمرة.",
     "قال تجار في السوق القديم إن الأسعار بدأت تتحرك بالفعل."},
    {"الاقتصاد", "الطاقة",  "الشحن",           "كرة القدم",      "السينما",    "التعليم", "المياه",
     "الطيران",  "الزراعة", "الشركات الناشئة", "السياحة",        "الانتخابات", "الصحة",   "الإسكان",
     "الطقس",    "المناخ",  "التجارة",         "السكك الحديدية", "التراث",     "الصيد"},
    {"ليلى حداد", "عمر خليل", "سارة ميتشل", "يوسف رحمن", "هنا كول"}};

template <typename T>
const T& pick(std::mt19937_64& random, const std::vector<T>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
}

// Tag names: the vocabulary's common ones, and a long tail of rarer ones ("Economy 17").
std::vector<std::string> tags_for(std::mt19937_64& random, const Vocabulary& words,
                                  std::size_t tail) {
    std::vector<std::string> tags;
    const auto count = std::uniform_int_distribution<int>(2, 5)(random);
    std::uniform_real_distribution<double> coin(0, 1);
    while (tags.size() < std::size_t(count)) {
        std::string tag = pick(random, words.tags);
        if (coin(random) < 0.6)
            tag +=
                " " + std::to_string(std::uniform_int_distribution<std::size_t>(1, tail)(random));
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    }
    return tags;
}

domain::ArticleDraft draft_for(std::mt19937_64& random, const Vocabulary& words,
                               const std::vector<std::string>& sections,
                               const std::vector<domain::Id>& pictures, long n, UnixTime published,
                               std::size_t tag_tail) {
    domain::ArticleDraft d;
    d.external_id = "archive-" + std::to_string(n);
    d.headline = pick(random, words.subjects) + " " + pick(random, words.actions) + " " +
                 pick(random, words.objects) + " (" + std::to_string(n) + ")";
    d.standfirst = pick(random, words.sentences) + " " + pick(random, words.sentences);
    const int paragraphs = std::uniform_int_distribution<int>(5, 10)(random);
    for (int p = 0; p < paragraphs; ++p) {
        d.body_html += "<p>";
        for (int s = 0; s < 3; ++s) d.body_html += pick(random, words.sentences) + " ";
        d.body_html += "</p>\n";
    }
    d.dateline = pick(random, words.places);
    d.section_slug = pick(random, sections);
    d.author_names = {pick(random, words.bylines)};
    d.tag_names = tags_for(random, words, tag_tail);
    if (!pictures.empty() && std::uniform_int_distribution<int>(0, 3)(random) != 0) {
        d.lead_image_id = pick(random, pictures);
        d.lead_caption = pick(random, words.sentences);
        d.lead_credit = "Manara";
    }
    d.status = domain::ArticleStatus::Published;
    d.first_published_at = published;
    d.updated_at = published;
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Fills a Dateline data directory with an archive of generated articles."};
    std::string data;
    long per_site = 10000;
    int days = 0;
    std::uint64_t seed = 1;
    cli.add_option("--data", data, "data directory made by `dateline init --demo`")->required();
    cli.add_option("--articles", per_site, "articles per site")->check(CLI::Range(1L, 1000000L));
    cli.add_option("--days", days, "days the archive spans (default: 40 stories a day)");
    cli.add_option("--seed", seed, "random seed, for the same archive every run");
    CLI11_PARSE(cli, argc, argv);

    auto config = config::load(data, {}, DATELINE_SOURCE_DIR "/themes/default");
    if (!config) {
        std::cerr << config.error().message << "\n";
        return 1;
    }
    // One connection, relaxed: ArticleService borrows it for every save, and a benchmark's
    // archive is cheaper to make again than to fsync 100,000 times.
    auto database = db::open_migrated(config->database_url, 1);
    if (!database) {
        std::cerr << database.error().message << "\n";
        return 1;
    }
    std::vector<domain::Site> sites;
    std::vector<std::vector<std::string>> sections;
    std::vector<domain::Id> pictures;
    {
        auto lease = (*database)->acquire();
        (void)lease->set_relaxed_commits(true);
        storage::SiteStore store(*lease);
        if (auto found = store.sites()) sites = std::move(*found);
        for (const auto& site : sites) {
            std::vector<std::string> slugs;
            if (auto found = store.sections(site.id))
                for (const auto& s : *found) slugs.push_back(s.slug);
            sections.push_back(std::move(slugs));
        }
        if (auto rows = lease->query("SELECT id FROM media ORDER BY id"))
            for (const auto& r : *rows) pictures.push_back(r.integer(0));
    }
    if (sites.empty()) {
        std::cerr << "no sites in " << data << ": run dateline init --data " << data
                  << " --demo first\n";
        return 1;
    }

    SystemClock clock;
    media::ImageLibrary images(std::filesystem::path(data) / "media");
    app::MediaService media(**database, images, clock);
    app::ArticleService articles(**database, media, clock);
    std::mt19937_64 random(seed);
    const UnixTime now = clock.now();
    const double span = (days > 0 ? days : std::max(1L, per_site / 40)) * 86400.0;
    // Older than the demo's stories, so the home page shows what it shows without the archive.
    const UnixTime newest = now - 7 * 86400;
    const std::size_t tag_tail = std::max<std::size_t>(10, std::size_t(per_site) / 50);
    const auto started = std::chrono::steady_clock::now();
    // Saves a second over each stretch: publishing must not slow as the archive grows.
    constexpr long stretch = 5000;
    auto stretch_began = started;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const auto& words = sites[i].language == "ar" ? arabic : english;
        for (long n = 0; n < per_site; ++n) {
            const auto published = newest - UnixTime(span * double(n) / double(per_site));
            auto saved = articles.save(sites[i].slug, draft_for(random, words, sections[i],
                                                                pictures, n, published, tag_tail));
            if (!saved) {
                std::cerr << sites[i].slug << " article " << n << ": " << saved.error().message
                          << " " << saved.error().cause << "\n";
                return 1;
            }
            if ((n + 1) % stretch == 0) {
                const auto at = std::chrono::steady_clock::now();
                const std::chrono::duration<double> took = at - stretch_began;
                stretch_began = at;
                std::cerr << sites[i].slug << ": " << n + 1 << " (" << long(stretch / took.count())
                          << " saves/s)\n";
            }
        }
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cout << per_site << " articles on each of " << sites.size() << " sites in " << took.count()
              << " s\n";
    return 0;
}
