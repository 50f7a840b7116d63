#include "site/read_counting.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
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
    // Lowercased once, so that each word is a plain search (on every cached story page served).
    std::array<char, longest_agent> lowered;
    std::transform(agent.begin(), agent.end(), lowered.begin(), ascii_lower);
    const std::string_view text(lowered.data(), agent.size());
    return std::none_of(machine_words.begin(), machine_words.end(),
                        [&](std::string_view word) { return text.find(word) != text.npos; });
}

}  // namespace dateline::site
