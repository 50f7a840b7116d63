// Fuzz harness: the RSS and Atom reader must return items or an error for any bytes, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/syndication_feed.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)dateline::ingest::parse_syndication_feed(text, "/nonexistent", {});
    return 0;
}
