#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/reader_service.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "render/date_formatter.hpp"

namespace dateline::site {

/// What requests read together: the network's sites with their date formatters, replaced whole
/// when the network changes, so that a request never sees half of a change.
struct SiteSnapshot {
    app::NetworkDirectory directory;  ///< sites longest path prefix first
    std::map<domain::Id, render::DateFormatter> formatters;
    /// Where each site of `directory.sites` (same order) is reached, parsed once from its base
    /// URL rather than on every request.
    struct Address {
        std::string host;
        std::vector<std::string> prefix;  ///< "/en/world/" -> {"en", "world"}
    };
    std::vector<Address> addresses;
    /// Different in every snapshot the process makes: what was written from one (a kept card)
    /// names it.
    std::uint64_t generation = 0;

    /// Fails when a site's time zone or language cannot be formatted.
    static Result<std::shared_ptr<const SiteSnapshot>> make(app::NetworkDirectory directory);
    /// The site pages fall back to when no site matches (the network's default).
    const domain::Site* fallback_site() const;
    /// The site of `host` (every site when the host is an address) in the language the reader's
    /// `Accept-Language` weighs highest (RFC 4647 lookup: "en-GB" finds "en", "ar" finds
    /// "ar-AE"; the first listed wins a tie), else the fallback site.
    const domain::Site* site_for_languages(std::string_view host,
                                           std::string_view accept_language) const;
};

/// The site a request is for, and how many path segments its prefix took.
struct SiteMatch {
    const domain::Site* site = nullptr;
    std::size_t consumed = 0;
    /// The Host names no site: every name readers use is a site's, so any other would only let
    /// a client multiply the pages kept for it.
    bool misdirected = false;
};

/// Matches a request to a site by its Host and the longest path prefix. A Host that is an IP
/// address or `localhost` (a health check, a load balancer, a node reached directly), or none
/// (HTTP/1.0), is matched on the path alone.
SiteMatch match_site(const SiteSnapshot& snapshot, const http::Request& request);

}  // namespace dateline::site
