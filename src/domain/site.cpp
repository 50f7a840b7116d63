#include "domain/site.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <array>
#include <memory>

#include "core/ascii.hpp"

namespace dateline::domain {

bool is_known_time_zone(const std::string& zone) {
    std::unique_ptr<icu::TimeZone> tz(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
    return tz && *tz != icu::TimeZone::getUnknown();
}

bool is_share_network(std::string_view name) {
    constexpr std::array<std::string_view, 6> networks = {"x",        "facebook", "whatsapp",
                                                          "telegram", "linkedin", "email"};
    return std::find(networks.begin(), networks.end(), name) != networks.end();
}

bool is_reserved_section_slug(std::string_view slug) {
    // "news" holds articles without a section; the rest are routes of their own.
    constexpr std::array<std::string_view, 11> reserved = {
        "tags",   "authors",       "news",     "assets", "media", "healthz",
        "readyz", "comment-check", "newsroom", "api",    "search"};
    return std::find(reserved.begin(), reserved.end(), slug) != reserved.end();
}

bool split_base_url(const std::string& url, std::string& origin, std::string& path) {
    const auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed) return false;
    const boost::urls::url_view& u = *parsed;
    if (u.scheme_id() != boost::urls::scheme::http && u.scheme_id() != boost::urls::scheme::https)
        return false;
    if (!u.has_authority() || u.has_userinfo() || u.encoded_host().empty() || u.has_query())
        return false;
    origin = (u.scheme_id() == boost::urls::scheme::https ? "https://" : "http://") +
             ascii_lowercase(u.encoded_host_and_port());
    path = u.encoded_path().empty() ? "/" : std::string(u.encoded_path());
    return path.back() == '/';
}

namespace {

struct BaseUrlParts {
    bool valid = false;
    std::string origin;
    std::string path;
};

// Pages ask for a site's prefix and origin once per link they write, always of the same few
// sites, and in turn (a link from one site to another asks for both): each thread keeps the
// last few base URLs it split, which a network's handful of sites fit.
const BaseUrlParts& parts_of(const std::string& base_url) {
    struct Split {
        std::string base_url;
        BaseUrlParts parts;
    };
    constexpr std::size_t kept = 8;
    thread_local std::array<Split, kept> splits;
    thread_local std::size_t next = 0;  // the oldest, replaced by the next base URL split
    for (const auto& split : splits)
        if (!split.base_url.empty() && split.base_url == base_url) return split.parts;
    Split& split = splits[next];
    next = (next + 1) % kept;
    split.parts.valid = split_base_url(base_url, split.parts.origin, split.parts.path);
    split.base_url = base_url;
    return split.parts;
}

}  // namespace

std::string Site::path_prefix() const {
    const auto& parts = parts_of(base_url);
    return parts.valid ? parts.path : "/";
}

std::string Site::origin() const {
    const auto& parts = parts_of(base_url);
    return parts.valid ? parts.origin : std::string{};
}

std::string Site::host() const {
    const auto& parts = parts_of(base_url);
    if (!parts.valid) return {};
    return parts.origin.substr(parts.origin.find("://") + 3);
}

Status validate(const CommentSettings& s) {
    if (s.close_after_days < 0 || s.close_after_days > max_close_after_days)
        return Error::invalid(
            "Stories close after 0 (never) to " + std::to_string(max_close_after_days) + " days.",
            "close_after_days");
    for (const auto& [limit, field] :
         {std::pair{s.limits.name, "max_name"}, std::pair{s.limits.title, "max_title"},
          std::pair{s.limits.body, "max_comment"}})
        if (limit < 1 || limit > max_comment_field_limit)
            return Error::invalid("A comment field's limit is from 1 to " +
                                      std::to_string(max_comment_field_limit) + " characters.",
                                  field);
    return success();
}

CommentSettings comment_settings_of(const Site& site) {
    return {site.comments_open, site.comments_close_after_days, site.comment_limits};
}

void apply(const CommentSettings& settings, Site& site) {
    site.comments_open = settings.open;
    site.comments_close_after_days = settings.close_after_days;
    site.comment_limits = settings.limits;
}

}  // namespace dateline::domain
