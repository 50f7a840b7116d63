#include "domain/site.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace dateline::domain {

bool is_known_time_zone(const std::string& zone) {
    std::unique_ptr<icu::TimeZone> tz(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
    return tz && *tz != icu::TimeZone::getUnknown();
}

bool is_reserved_section_slug(std::string_view slug) {
    // "news" holds articles without a section; the rest are routes of their own.
    constexpr std::array<std::string_view, 5> reserved = {"tags", "news", "assets", "media",
                                                          "healthz"};
    return std::find(reserved.begin(), reserved.end(), slug) != reserved.end();
}

bool split_base_url(const std::string& url, std::string& origin, std::string& path) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return false;
    std::string scheme = url.substr(0, scheme_end);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (scheme != "http" && scheme != "https") return false;
    const auto host_start = scheme_end + 3;
    auto path_start = url.find('/', host_start);
    if (path_start == std::string::npos) path_start = url.size();
    if (path_start == host_start) return false;
    if (url.find_first_of("?#") != std::string::npos) return false;
    std::string host = url.substr(host_start, path_start - host_start);
    if (host.find_first_of("@ \\") != std::string::npos) return false;
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    origin = scheme + "://" + host;
    path = path_start == url.size() ? "/" : url.substr(path_start);
    return path.back() == '/';
}

std::string Site::path_prefix() const {
    std::string origin_part, path;
    return split_base_url(base_url, origin_part, path) ? path : "/";
}

std::string Site::origin() const {
    std::string origin_part, path;
    return split_base_url(base_url, origin_part, path) ? origin_part : std::string{};
}

}  // namespace dateline::domain
