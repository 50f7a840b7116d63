#include "site/site_snapshot.hpp"

#include <algorithm>
#include <numeric>

#include "core/ip_address.hpp"

namespace dateline::site {

namespace {

bool addressed_directly(std::string_view host) {
    if (host.empty()) return true;
    if (host.front() == '[') return host.find(']') != std::string_view::npos;  // IPv6 literal
    const std::string_view name = host.substr(0, host.find(':'));
    return name == "localhost" || canonical_ip(name).has_value();
}

// How many segments of `segments` the site's path prefix takes, if it takes them.
std::optional<std::size_t> prefix_length(const domain::Site& site,
                                         const std::vector<std::string>& segments) {
    const std::string prefix = site.path_prefix();
    std::size_t n = 0;
    for (std::size_t start = 1; start < prefix.size(); ++n) {
        const auto slash = prefix.find('/', start);
        if (n >= segments.size() || prefix.compare(start, slash - start, segments[n]) != 0 ||
            segments[n].size() != slash - start)
            return std::nullopt;
        start = slash + 1;
    }
    return n;
}

}  // namespace

Result<std::shared_ptr<const SiteSnapshot>> SiteSnapshot::make(app::NetworkDirectory directory) {
    auto snap = std::make_shared<SiteSnapshot>();
    for (const auto& s : directory.sites) {
        auto formatter =
            render::DateFormatter::create(s.language, s.time_zone, s.arabic_indic_digits);
        if (!formatter) {
            Error e = formatter.error();
            e.message = "Site '" + s.slug + "': " + e.message;
            return e;
        }
        snap->formatters.emplace(s.id, std::move(*formatter));
    }
    // Longest path prefix first, so "/en/world/" wins over "/en/"; each site's sections are
    // kept beside it (NetworkDirectory::sections_of pairs them by position).
    std::vector<std::size_t> order(directory.sites.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return directory.sites[a].path_prefix().size() > directory.sites[b].path_prefix().size();
    });
    snap->directory.network = std::move(directory.network);
    for (const std::size_t i : order) {
        snap->directory.sites.push_back(std::move(directory.sites[i]));
        snap->directory.sections.push_back(i < directory.sections.size()
                                               ? std::move(directory.sections[i])
                                               : std::vector<domain::Section>{});
    }
    return std::shared_ptr<const SiteSnapshot>(std::move(snap));
}

const domain::Site* SiteSnapshot::fallback_site() const {
    const auto* site = directory.site_by_slug(directory.network.default_site_slug);
    if (!site && !directory.sites.empty()) site = &directory.sites.back();
    return site;
}

SiteMatch match_site(const SiteSnapshot& snapshot, const http::Request& request) {
    const auto& sites = snapshot.directory.sites;
    const bool known_host = std::any_of(sites.begin(), sites.end(), [&](const domain::Site& s) {
        return s.host() == request.host;
    });
    if (!known_host && !addressed_directly(request.host)) return {.misdirected = true};
    for (const auto& s : sites) {
        if (known_host && s.host() != request.host) continue;
        if (const auto n = prefix_length(s, request.target.segments))
            return {.site = &s, .consumed = *n};
    }
    return {};
}

}  // namespace dateline::site
