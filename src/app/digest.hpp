#pragma once

#include <string>
#include <string_view>

namespace dateline::app {

/// The SHA-256 of `text` as 64 lowercase hex digits: how the application keeps a fingerprint of
/// something it must recognise again (a used token, a submitted comment) without keeping it.
std::string sha256_hex(std::string_view text);

}  // namespace dateline::app
