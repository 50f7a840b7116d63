// Fuzz harness: a multipart/form-data body is split within its own bytes, and every part it
// reports is a view into those bytes with a name, however the body is damaged.
//
// The body is handed over as a view into a larger buffer whose following bytes close it
// properly, so a parser that reads past the view would find a well-formed body where the view
// holds none, and its parts would point outside the view.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "followed_view.hpp"
#include "http/multipart.hpp"

namespace {

constexpr std::string_view boundary = "fuzz-boundary";
constexpr std::string_view after_the_view = "\r\n--fuzz-boundary--\r\n";
constexpr std::size_t max_parts = 16;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const dateline::fuzz::FollowedView input(data, size, after_the_view);
    const std::string_view body = input.view();

    const auto parts = dateline::http::parse_multipart(body, boundary, max_parts);
    if (!parts) return 0;
    if (parts->size() > max_parts) std::abort();
    for (const auto& part : *parts) {
        if (part.content.data() < body.data() ||
            part.content.data() + part.content.size() > body.data() + body.size())
            std::abort();
    }
    return 0;
}
