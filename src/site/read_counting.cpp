#include "site/read_counting.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ascii.hpp"

namespace dateline::site {

namespace {

// Words that machines put in their user agents (compared without case): search and social
// robots ("Googlebot", "bingbot", "Baiduspider", "Yahoo! Slurp", "facebookexternalhit"), link
// previewers ("WhatsApp", "Slackbot-LinkExpanding", "TelegramBot"), monitors and tools ("curl",
// "Wget", "python-requests", "Go-http-client", "Java/", "libwww", Node's fetch: "node", "axios",
// "okhttp"), headless browsers and audits ("HeadlessChrome", "Lighthouse", "PhantomJS").
constexpr std::array<std::string_view, 22> machine_words = {
    "bot",      "crawl",      "spider",     "slurp", "externalhit", "whatsapp",
    "preview",  "monitor",    "curl",       "wget",  "python",      "go-http-client",
    "java/",    "libwww",     "httpclient", "node",  "axios",       "okhttp",
    "headless", "lighthouse", "phantomjs",  "scrapy"};

// Browsers name themselves in a few hundred characters; a longer name is a machine's.
constexpr std::size_t longest_agent = 512;

// For each byte, the machine words that begin with it (bit i: machine_words[i]), so that one
// pass over an agent finds any of them: 22 searches of the whole agent, one a word, cost a tenth
// of a cached story's time.
constexpr std::array<std::uint32_t, 256> words_by_first_letter = [] {
    static_assert(machine_words.size() <= 32);
    std::array<std::uint32_t, 256> table{};
    for (std::size_t i = 0; i < machine_words.size(); ++i)
        table[static_cast<unsigned char>(machine_words[i][0])] |= std::uint32_t{1} << i;
    return table;
}();

bool names_a_machine(std::string_view lowered) {
    for (std::size_t at = 0; at < lowered.size(); ++at) {
        for (auto words = words_by_first_letter[static_cast<unsigned char>(lowered[at])]; words;
             words &= words - 1) {
            const auto word = machine_words[static_cast<std::size_t>(std::countr_zero(words))];
            if (lowered.substr(at, word.size()) == word) return true;
        }
    }
    return false;
}

bool is_prefetch(const http::Request& request) {
    // Chrome says `Sec-Purpose: prefetch` (and `prefetch;prerender`); older browsers `Purpose`
    // or Firefox's `X-Moz`.
    for (const char* name : {"sec-purpose", "purpose", "x-moz"})
        if (contains_ignoring_ascii_case(request.header(name), "prefetch")) return true;
    return false;
}

}  // namespace

bool is_a_read(const http::Request& request) {
    if (request.method != http::Method::Get || is_prefetch(request)) return false;
    const auto agent = request.header("user-agent");
    if (agent.empty() || agent.size() > longest_agent) return false;
    // Lowercased once, so that each word is a plain comparison (on every cached story page
    // served).
    std::array<char, longest_agent> lowered;
    std::transform(agent.begin(), agent.end(), lowered.begin(), ascii_lower);
    return !names_a_machine(std::string_view(lowered.data(), agent.size()));
}

}  // namespace dateline::site
