// Fuzz harness: whatever goes into the sanitizer, no script-capable markup comes out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sanitize/html_sanitizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto out = dateline::sanitize::sanitize_html(text);
    // Text is escaped, so "<" only starts markup the sanitizer wrote.
    for (const std::string_view forbidden : {"<script", "<iframe", "<svg", "<style", "<img",
                                             "<object", "href=\"javascript", "href=\"data:"})
        if (out.html.find(forbidden) != std::string::npos) std::abort();
    return 0;
}
