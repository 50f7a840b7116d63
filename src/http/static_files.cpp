#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <utility>

namespace dateline::http {

namespace {

constexpr std::uintmax_t max_static_file_bytes = 32 * 1024 * 1024;

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> types = {{
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".gif", "image/gif"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".xml", "application/xml"},
}};

}  // namespace

std::string_view content_type_for(std::string_view extension) {
    for (const auto& [ext, type] : types)
        if (ext == extension) return type;
    return {};
}

std::optional<Response> StaticFiles::serve(const Request& request,
                                           const std::vector<std::string>& segments) const {
    if (segments.empty()) return std::nullopt;
    std::filesystem::path path = root_;
    for (const auto& s : segments) path /= s;
    std::error_code ec;
    const auto canonical = std::filesystem::canonical(path, ec);
    if (ec) return std::nullopt;
    // A symbolic link may not lead out of the root.
    const auto relative = canonical.lexically_relative(root_);
    if (relative.empty() || *relative.begin() == "..") return std::nullopt;
    if (!std::filesystem::is_regular_file(canonical, ec)) return std::nullopt;
    const std::string_view type = content_type_for(canonical.extension().string());
    if (type.empty()) return std::nullopt;
    const auto size = std::filesystem::file_size(canonical, ec);
    if (ec || size > max_static_file_bytes) return std::nullopt;
    const auto modified =
        std::filesystem::last_write_time(canonical, ec).time_since_epoch().count();
    const std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(modified) + "\"";

    Response r;
    r.set_header("Content-Type", std::string(type));
    r.set_header("Cache-Control", cache_control_);
    r.set_header("ETag", etag);
    if (request.header("if-none-match") == etag) {
        r.status = 304;
        return r;
    }
    std::ifstream in(canonical, std::ios::binary);
    r.body.resize(size);
    in.read(r.body.data(), static_cast<std::streamsize>(size));
    if (!in) return std::nullopt;
    r.status = 200;
    return r;
}

}  // namespace dateline::http
