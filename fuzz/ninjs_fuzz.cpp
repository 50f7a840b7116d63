// Fuzz harness: the ninjs reader must return a value or an error for any bytes, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ninjs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)dateline::ingest::parse_ninjs(text, "/fuzz");
    return 0;
}
