// Fuzz harness: a request target is refused or comes out free of dot segments and control bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const auto target = dateline::http::parse_target(raw);
    if (!target) return 0;
    for (const auto& segment : target->segments) {
        if (segment.empty() || segment == "." || segment == "..") std::abort();
        for (const char c : segment)
            if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\') std::abort();
    }
    return 0;
}
