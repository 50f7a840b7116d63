// Fuzz harness: what readers send back to the comment form's security check (the widget's
// payload, an answer to the text question, the note of when they started) is judged without a
// crash, and nothing forged passes.
//
// The first byte chooses the check ('0' + ...: payload, '1': token and answer, '2': note and
// context, modulo 3), the rest is its text; token and answer, note and context are split at the
// first newline. The secret and the clock are fixed, so the corpus can hold genuine tokens:
// fuzz/make_security_seeds.py writes them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/security_check.hpp"
#include "core/clock.hpp"

namespace {

using dateline::UnixTime;
using dateline::app::CheckResult;
using Outcome = CheckResult::Outcome;

constexpr UnixTime fixed_now = 1'795'000'000;
const std::string secret = "dateline fuzz secret, 32 bytes!!";
const dateline::app::SecurityCheckOptions options{.difficulty = 8, .iterations = 10};
// The story the checks are for (app::comment_check_context(7)); make_security_seeds.py signs
// its genuine seeds for it.
constexpr std::string_view story = "article:7";

class FixedClock final : public dateline::Clock {
  public:
    UnixTime now() const override { return fixed_now; }
};

// What every result must say of itself, whatever was sent.
void check(const CheckResult& r) {
    const auto lifetime = options.lifetime.count();
    switch (r.outcome) {
        case Outcome::Invalid:
            if (!r.replay_key.empty()) std::abort();
            break;
        case Outcome::Expired:  // an expired question cannot be told genuine: nothing to burn
            if (!r.replay_key.empty() && r.expires_at >= fixed_now) std::abort();
            break;
        case Outcome::Wrong:
        case Outcome::Passed:  // genuine: it names what to burn, and when it was issued
            if (r.replay_key.empty() || r.expires_at - r.issued_at != lifetime ||
                r.expires_at < fixed_now || r.expires_at > fixed_now + lifetime)
                std::abort();
    }
}

std::pair<std::string_view, std::string_view> split_line(std::string_view text) {
    const auto newline = text.find('\n');
    if (newline == std::string_view::npos) return {text, {}};
    return {text.substr(0, newline), text.substr(newline + 1)};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const FixedClock clock;
    static const dateline::app::SecurityCheck security(secret, clock, options);
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
        case 0:
            check(security.verify_solution(text, story));
            break;
        case 1: {
            const auto [token, answer] = split_line(text);
            const auto r = security.verify_answer(token, answer, story);
            check(r);
            if (!r.replay_key.empty() && r.replay_key.rfind("question:", 0) != 0) std::abort();
            break;
        }
        default: {
            const auto [note, context] = split_line(text);
            // A note passes only as it was signed: the same time, written the same way.
            if (const auto started = security.verify_started(note, context)) {
                if (*started > fixed_now || *started < fixed_now - options.lifetime.count())
                    std::abort();
                if (security.sign_started(*started, context) != note) std::abort();
            }
        }
    }
    return 0;
}
