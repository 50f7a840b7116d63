// Fuzz harness: the NITF readers (a body, a whole document) must return their result or an
// error for any bytes, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/nitf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)dateline::ingest::nitf_body_html(text);
    (void)dateline::ingest::parse_nitf_document(text, "/nonexistent", {});
    return 0;
}
