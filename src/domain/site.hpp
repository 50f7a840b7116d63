#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace dateline::domain {

using Id = std::int64_t;

enum class TextDirection { Ltr, Rtl };

/// A link to one of the site's profiles elsewhere ("facebook", "x", "youtube", ...).
struct SocialLink {
    std::string network;
    std::string url;
};

/// A site's limits on comment fields, in Unicode characters, as a reader counts them.
struct CommentLimits {
    std::size_t name = 80;
    std::size_t title = 120;
    std::size_t body = 1500;
};

/// A group of sites run from one install; pages link to the sister sites.
struct Network {
    Id id = 0;
    std::string slug;
    std::string name;
    std::string default_site_slug;
};

/// One reader-facing site of a network: its own language, direction, zone and address.
struct Site {
    Id id = 0;
    Id network_id = 0;
    std::string slug;
    std::string name;
    std::string tagline;
    std::string language;  ///< BCP 47 tag, e.g. "en", "ar"
    TextDirection direction = TextDirection::Ltr;
    std::string time_zone;  ///< IANA zone, e.g. "Asia/Dubai"
    std::string base_url;   ///< absolute, ends in '/', e.g. "http://localhost:8080/en/"
    bool arabic_indic_digits = false;
    bool hijri_dates = false;  ///< the Hijri date beside the Gregorian one on an article
    std::vector<SocialLink> social_links;
    /// Where readers may share a story, in the order its page offers them (is_share_network):
    /// plain links to each network's own share address, no script of theirs.
    std::vector<std::string> share_networks;
    std::string footer_credit;
    std::string publisher_address;
    bool comments_open = true;
    int comments_close_after_days = 0;  ///< 0: comments stay open
    CommentLimits comment_limits;

    /// The path part of base_url, always starting and ending with '/': "/en/".
    std::string path_prefix() const;
    /// The scheme, host and port of base_url, lowercased: "http://localhost:8080".
    std::string origin() const;
    /// The host and port readers reach the site at ("news.example", "localhost:8080"),
    /// lowercased: what a request's Host header says when it is for this site.
    std::string host() const;
};

/// A site's comment settings, as network.json gives them and admins change them.
struct CommentSettings {
    bool open = true;
    int close_after_days = 0;  ///< 0: stories stay open
    CommentLimits limits;
};

/// The largest limit on a comment field, and the most days a story may stay open, before it
/// closes by itself.
inline constexpr std::size_t max_comment_field_limit = 100'000;
inline constexpr int max_close_after_days = 3650;

/// Invalid on the first field that breaks a rule ("close_after_days", "max_name", "max_title",
/// "max_comment"): limits from 1 to max_comment_field_limit characters, stories closing after
/// 0 (never) to max_close_after_days days.
Status validate(const CommentSettings& settings);
/// The site's comment settings.
CommentSettings comment_settings_of(const Site& site);
/// The site with these comment settings.
void apply(const CommentSettings& settings, Site& site);

struct Section {
    Id id = 0;
    Id site_id = 0;
    std::string slug;
    std::string name;
    int position = 0;
};

struct Tag {
    Id id = 0;
    Id site_id = 0;
    std::string slug;
    std::string name;
};

struct Author {
    Id id = 0;
    Id site_id = 0;
    std::string slug;
    std::string name;
    std::string role;
};

/// The networks a story can be shared on: "x", "facebook", "whatsapp", "telegram", "linkedin",
/// "email".
bool is_share_network(std::string_view name);

/// True for an IANA time zone ICU knows ("Asia/Dubai").
bool is_known_time_zone(const std::string& zone);

/// Path segments the reader site uses itself; a section may not take one of these slugs.
bool is_reserved_section_slug(std::string_view slug);

/// Splits an absolute http(s) base URL into origin and path prefix. Returns false when the URL is
/// not absolute http(s), has a query or fragment, or its path does not end in '/'.
bool split_base_url(const std::string& url, std::string& origin, std::string& path);

}  // namespace dateline::domain
