#include "render/qr_code.hpp"

#include <qrencode.h>

#include <memory>

namespace dateline::render {

namespace {

constexpr int quiet_zone = 4;  // modules of white around the code (ISO/IEC 18004)

struct FreeCode {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<std::string> qr_code_svg(std::string_view text) {
    const std::string data(text);  // libqrencode reads a NUL-terminated string
    if (data.find('\0') != std::string::npos) return std::nullopt;
    const std::unique_ptr<QRcode, FreeCode> code(
        QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M));
    if (!code) return std::nullopt;
    const int width = code->width;
    const int size = width + 2 * quiet_zone;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      std::to_string(size) + " " + std::to_string(size) +
                      "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                      "fill=\"#fff\"/><path fill=\"#000\" d=\"";
    // One horizontal run of dark modules at a time: a shorter path than a square per module.
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width;) {
            const auto dark = [&](int at) {
                return (code->data[static_cast<std::size_t>(y * width + at)] & 1U) != 0;
            };
            if (!dark(x)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && dark(x + run)) ++run;
            svg += "M" + std::to_string(x + quiet_zone) + " " + std::to_string(y + quiet_zone) +
                   "h" + std::to_string(run) + "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    }
    svg += "\"/></svg>";
    return svg;
}

}  // namespace dateline::render
