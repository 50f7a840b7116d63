#include "domain/site.hpp"

#include <algorithm>
#include <cctype>

namespace dateline::domain {

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
