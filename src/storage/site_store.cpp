#include "storage/site_store.hpp"

#include <algorithm>

namespace dateline::storage {

namespace {
constexpr int max_slug_suffix = 100;

// A list of names (share networks) as its column holds it: separated by single spaces.
std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = std::min(text.find(' ', at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}
}  // namespace

using db::Params;
using domain::Id;

Result<Id> SiteStore::insert_network(const domain::Network& n) {
    auto rows = c_.query(
        "INSERT INTO networks (slug, name, default_site_slug) VALUES ($1, $2, $3) RETURNING id",
        {n.slug, n.name, n.default_site_slug});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<domain::Network> SiteStore::network() {
    auto rows =
        c_.query("SELECT id, slug, name, default_site_slug FROM networks ORDER BY id LIMIT 1");
    if (!rows) return rows.error();
    if (rows->empty()) return Error::not_found("No network has been created yet.");
    const auto& r = rows->front();
    return domain::Network{r.integer(0), r.text(1), r.text(2), r.text(3)};
}

Result<Id> SiteStore::insert_site(const domain::Site& s) {
    auto rows = c_.query(
        "INSERT INTO sites (network_id, slug, name, tagline, language, direction, time_zone, "
        "base_url, arabic_indic_digits, footer_credit, publisher_address, comments_open, "
        "comments_close_after_days, comment_name_max, comment_title_max, comment_body_max, "
        "share_networks, hijri_dates) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
        "RETURNING id",
        {s.network_id, s.slug, s.name, s.tagline, s.language,
         std::string(s.direction == domain::TextDirection::Rtl ? "rtl" : "ltr"), s.time_zone,
         s.base_url, std::int64_t{s.arabic_indic_digits}, s.footer_credit, s.publisher_address,
         std::int64_t{s.comments_open}, std::int64_t{s.comments_close_after_days},
         static_cast<std::int64_t>(s.comment_limits.name),
         static_cast<std::int64_t>(s.comment_limits.title),
         static_cast<std::int64_t>(s.comment_limits.body), join_words(s.share_networks),
         std::int64_t{s.hijri_dates}});
    if (!rows) return rows.error();
    const Id id = rows->front().integer(0);
    std::int64_t position = 0;
    for (const auto& link : s.social_links) {
        auto done = c_.execute(
            "INSERT INTO site_social_links (site_id, position, network, url) VALUES ($1, $2, $3, "
            "$4)",
            {id, position++, link.network, link.url});
        if (!done) return done.error();
    }
    return id;
}

Result<std::vector<domain::Site>> SiteStore::sites() {
    auto rows = c_.query(
        "SELECT id, network_id, slug, name, tagline, language, direction, time_zone, base_url, "
        "arabic_indic_digits, footer_credit, publisher_address, comments_open, "
        "comments_close_after_days, comment_name_max, comment_title_max, comment_body_max, "
        "share_networks, hijri_dates FROM sites ORDER BY id");
    if (!rows) return rows.error();
    std::vector<domain::Site> sites;
    for (const auto& r : *rows) {
        domain::Site s;
        s.id = r.integer(0);
        s.network_id = r.integer(1);
        s.slug = r.text(2);
        s.name = r.text(3);
        s.tagline = r.text(4);
        s.language = r.text(5);
        s.direction = r.text(6) == "rtl" ? domain::TextDirection::Rtl : domain::TextDirection::Ltr;
        s.time_zone = r.text(7);
        s.base_url = r.text(8);
        s.arabic_indic_digits = r.integer(9) != 0;
        s.footer_credit = r.text(10);
        s.publisher_address = r.text(11);
        s.comments_open = r.integer(12) != 0;
        s.comments_close_after_days = static_cast<int>(r.integer(13));
        s.comment_limits = {static_cast<std::size_t>(r.integer(14)),
                            static_cast<std::size_t>(r.integer(15)),
                            static_cast<std::size_t>(r.integer(16))};
        s.share_networks = split_words(r.text(17));
        s.hijri_dates = r.integer(18) != 0;
        auto links = c_.query(
            "SELECT network, url FROM site_social_links WHERE site_id = $1 ORDER BY position",
            {s.id});
        if (!links) return links.error();
        for (const auto& l : *links) s.social_links.push_back({l.text(0), l.text(1)});
        sites.push_back(std::move(s));
    }
    return sites;
}

Result<Id> SiteStore::insert_section(const domain::Section& s) {
    auto rows = c_.query(
        "INSERT INTO sections (site_id, slug, name, position) VALUES ($1, $2, $3, $4) RETURNING id",
        {s.site_id, s.slug, s.name, std::int64_t{s.position}});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::vector<domain::Section>> SiteStore::sections(Id site_id) {
    auto rows = c_.query(
        "SELECT id, site_id, slug, name, position FROM sections WHERE site_id = $1 "
        "ORDER BY position, id",
        {site_id});
    if (!rows) return rows.error();
    std::vector<domain::Section> out;
    for (const auto& r : *rows)
        out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), int(r.integer(4))});
    return out;
}

Status SiteStore::set_comment_settings(Id site_id, const domain::CommentSettings& s) {
    auto changed = c_.execute(
        "UPDATE sites SET comments_open = $2, comments_close_after_days = $3, "
        "comment_name_max = $4, comment_title_max = $5, comment_body_max = $6 WHERE id = $1",
        {site_id, std::int64_t{s.open}, std::int64_t{s.close_after_days},
         static_cast<std::int64_t>(s.limits.name), static_cast<std::int64_t>(s.limits.title),
         static_cast<std::int64_t>(s.limits.body)});
    if (!changed) return changed.error();
    return success();
}

Result<bool> SiteStore::set_article_comments_open(Id site_id, const std::string& article_slug,
                                                  bool open) {
    auto changed =
        c_.execute("UPDATE articles SET comments_open = $1 WHERE site_id = $2 AND slug = $3",
                   {std::int64_t{open}, site_id, article_slug});
    if (!changed) return changed.error();
    return *changed == 1;
}

Result<std::optional<domain::Tag>> SiteStore::tag_by_slug(Id site_id, const std::string& slug) {
    auto rows =
        c_.query("SELECT id, site_id, slug, name FROM tags WHERE site_id = $1 AND slug = $2",
                 {site_id, slug});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::Tag>{};
    const auto& r = rows->front();
    return std::optional<domain::Tag>{
        domain::Tag{r.integer(0), r.integer(1), r.text(2), r.text(3)}};
}

Result<std::vector<domain::Tag>> SiteStore::listed_tags(Id site_id, UnixTime now) {
    // Each tag is checked by the listed-stories index (article_tags_listed), not by a scan.
    auto rows = c_.query(
        "SELECT t.id, t.site_id, t.slug, t.name FROM tags t WHERE t.site_id = $1 AND EXISTS "
        "(SELECT 1 FROM article_tags l WHERE l.tag_id = t.id AND l.listed_at IS NOT NULL AND "
        "l.listed_at <= $2) ORDER BY t.slug",
        {site_id, now});
    if (!rows) return rows.error();
    std::vector<domain::Tag> tags;
    tags.reserve(rows->size());
    for (const auto& r : *rows) tags.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3)});
    return tags;
}

Result<std::vector<SiteStore::TagActivity>> SiteStore::tag_activity(Id site_id, UnixTime now) {
    // Each tag's newest listed story is one step down the listed-stories index
    // (article_tags_listed), not a walk through all of its stories.
    auto rows = c_.query(
        "SELECT id, site_id, slug, name, latest FROM (SELECT t.id, t.site_id, t.slug, t.name, "
        "(SELECT MAX(l.listed_at) FROM article_tags l WHERE l.tag_id = t.id AND l.listed_at <= "
        "$2) AS latest FROM tags t WHERE t.site_id = $1) AS listed WHERE latest IS NOT NULL "
        "ORDER BY slug",
        {site_id, now});
    if (!rows) return rows.error();
    std::vector<TagActivity> tags;
    tags.reserve(rows->size());
    for (const auto& r : *rows)
        tags.push_back({{r.integer(0), r.integer(1), r.text(2), r.text(3)}, r.integer(4)});
    return tags;
}

Result<domain::Tag> SiteStore::ensure_tag(Id site_id, const std::string& slug,
                                          const std::string& name) {
    auto rows = c_.query(
        "INSERT INTO tags (site_id, slug, name) VALUES ($1, $2, $3) "
        "ON CONFLICT (site_id, slug) DO UPDATE SET slug = excluded.slug "
        "RETURNING id, site_id, slug, name",
        {site_id, slug, name});
    if (!rows) return rows.error();
    const auto& r = rows->front();
    return domain::Tag{r.integer(0), r.integer(1), r.text(2), r.text(3)};
}

namespace {

domain::Author author_from_row(const db::Row& r) {
    return {r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)};
}

}  // namespace

Result<std::optional<domain::Author>> SiteStore::author_by_slug(Id site_id,
                                                                const std::string& slug) {
    auto rows = c_.query(
        "SELECT id, site_id, slug, name, role FROM authors WHERE site_id = $1 AND slug = $2",
        {site_id, slug});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<domain::Author>{};
    return std::optional<domain::Author>{author_from_row(rows->front())};
}

Result<std::vector<SiteStore::AuthorActivity>> SiteStore::author_activity(Id site_id,
                                                                          UnixTime now) {
    // As tag_activity, down article_authors_listed.
    auto rows = c_.query(
        "SELECT id, site_id, slug, name, role, latest FROM (SELECT w.id, w.site_id, w.slug, "
        "w.name, w.role, (SELECT MAX(l.listed_at) FROM article_authors l WHERE l.author_id = "
        "w.id AND l.listed_at <= $2) AS latest FROM authors w WHERE w.site_id = $1) AS listed "
        "WHERE latest IS NOT NULL ORDER BY slug",
        {site_id, now});
    if (!rows) return rows.error();
    std::vector<AuthorActivity> authors;
    authors.reserve(rows->size());
    for (const auto& r : *rows) authors.push_back({author_from_row(r), r.integer(5)});
    return authors;
}

Result<domain::Author> SiteStore::ensure_author(Id site_id, const std::string& slug,
                                                const std::string& name, const std::string& role) {
    auto existing = c_.query(
        "SELECT id, site_id, slug, name, role FROM authors WHERE site_id = $1 AND name = $2",
        {site_id, name});
    if (!existing) return existing.error();
    if (!existing->empty()) return author_from_row(existing->front());
    // Two people whose names slugify alike ("José Pérez", "Jose Perez") are two authors.
    for (int n = 1; n <= max_slug_suffix; ++n) {
        const std::string candidate = n == 1 ? slug : slug + "-" + std::to_string(n);
        auto rows = c_.query(
            "INSERT INTO authors (site_id, slug, name, role) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (site_id, slug) DO NOTHING RETURNING id, site_id, slug, name, role",
            {site_id, candidate, name, role});
        if (!rows) return rows.error();
        if (!rows->empty()) return author_from_row(rows->front());
    }
    return Error::conflict("Too many authors share this name's slug.", "author");
}

}  // namespace dateline::storage
