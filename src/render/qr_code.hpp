#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline::render {

/// `text` as a QR code (libqrencode, error correction level M, the smallest version that holds
/// it) drawn as an SVG document: one path of dark modules on a white square with the four-module
/// quiet zone the standard asks for, scaled by whoever shows it. Nothing when `text` does not
/// fit in a QR code (about 2,300 bytes at level M).
std::optional<std::string> qr_code_svg(std::string_view text);

}  // namespace dateline::render
