#include "domain/network_spec.hpp"

#include <algorithm>

#include "domain/slug.hpp"

namespace dateline::domain {

Status validate_site(const SiteSpec& s) {
    const std::string which = "site '" + s.site.slug + "'";
    std::string origin, path;
    if (!is_valid_slug(s.site.slug))
        return Error::invalid(which + ": the slug must be lowercase letters, digits and hyphens");
    if (s.site.name.empty() || s.site.language.empty())
        return Error::invalid(which + " needs a name and a language");
    if (!is_known_time_zone(s.site.time_zone))
        return Error::invalid(which + ": unknown time zone '" + s.site.time_zone + "'");
    if (!split_base_url(s.site.base_url, origin, path))
        return Error::invalid(which +
                              ": its address must be an http(s) URL whose path ends in '/'");
    if (auto comments = validate(comment_settings_of(s.site)); !comments)
        return Error::invalid(which + ": " + comments.error().field + ": " +
                              comments.error().message);
    for (const auto& section : s.sections) {
        if (!is_valid_slug(section.slug) || is_reserved_section_slug(section.slug))
            return Error::invalid(
                which + ": '" + section.slug +
                "' cannot be a section slug (lowercase letters, digits and "
                "hyphens; not tags, news, assets, media, healthz, readyz, comment-check, newsroom "
                "or api)");
    }
    const auto unknown = std::find_if(s.site.share_networks.begin(), s.site.share_networks.end(),
                                      [](const std::string& n) { return !is_share_network(n); });
    if (unknown != s.site.share_networks.end())
        return Error::invalid(which + ": '" + *unknown +
                              "' is not a network stories can be shared on (x, facebook, "
                              "whatsapp, telegram, linkedin, email)");
    return success();
}

}  // namespace dateline::domain
