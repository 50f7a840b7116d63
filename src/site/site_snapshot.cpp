#include "site/site_snapshot.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>

#include "core/ascii.hpp"
#include "core/ip_address.hpp"
#include "http/field_list.hpp"

namespace dateline::site {

namespace {

bool addressed_directly(std::string_view host) {
    if (host.empty()) return true;
    if (host.front() == '[') return host.find(']') != std::string_view::npos;  // IPv6 literal
    const std::string_view name = host.substr(0, host.find(':'));
    return name == "localhost" || is_ip_address(name);
}

std::vector<std::string> prefix_segments(const std::string& prefix) {
    std::vector<std::string> out;
    for (std::size_t start = 1; start < prefix.size();) {
        const auto slash = prefix.find('/', start);
        out.push_back(prefix.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

}  // namespace

Result<std::shared_ptr<const SiteSnapshot>> SiteSnapshot::make(app::NetworkDirectory directory) {
    static std::atomic<std::uint64_t> made{0};
    auto snap = std::make_shared<SiteSnapshot>();
    snap->generation = ++made;
    for (const auto& s : directory.sites) {
        auto formatter = render::DateFormatter::create(
            {s.language, s.time_zone, s.arabic_indic_digits, s.hijri_dates});
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
        snap->addresses.push_back(
            {directory.sites[i].host(), prefix_segments(directory.sites[i].path_prefix())});
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

namespace {

// A language range and a site's language tag name the same language, one maybe more precisely.
bool languages_meet(std::string_view range, std::string_view tag) {
    const auto prefix_of = [](std::string_view shorter, std::string_view longer) {
        return longer.size() > shorter.size() && longer[shorter.size()] == '-' &&
               equals_ignoring_ascii_case(longer.substr(0, shorter.size()), shorter);
    };
    return equals_ignoring_ascii_case(range, tag) || prefix_of(tag, range) || prefix_of(range, tag);
}

}  // namespace

const domain::Site* SiteSnapshot::site_for_languages(std::string_view host,
                                                     std::string_view accept_language) const {
    auto ranges = http::weighted_elements(accept_language);
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const auto& a, const auto& b) { return a.weight > b.weight; });
    const bool any_host = std::none_of(addresses.begin(), addresses.end(),
                                       [&](const Address& a) { return a.host == host; });
    for (const auto& [range, weight] : ranges) {
        if (weight == 0) break;
        if (range == "*") break;
        for (std::size_t i = 0; i < addresses.size(); ++i)
            if ((any_host || addresses[i].host == host) &&
                languages_meet(range, directory.sites[i].language))
                return &directory.sites[i];
    }
    return fallback_site();
}

SiteMatch match_site(const SiteSnapshot& snapshot, const http::Request& request) {
    const auto& addresses = snapshot.addresses;
    const auto& segments = request.target.segments;
    const bool known_host = std::any_of(addresses.begin(), addresses.end(),
                                        [&](const auto& a) { return a.host == request.host; });
    if (!known_host && !addressed_directly(request.host)) return {.misdirected = true};
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const auto& [host, prefix] = addresses[i];
        if (known_host && host != request.host) continue;
        if (prefix.size() <= segments.size() &&
            std::equal(prefix.begin(), prefix.end(), segments.begin()))
            return {.site = &snapshot.directory.sites[i], .consumed = prefix.size()};
    }
    return {};
}

}  // namespace dateline::site
