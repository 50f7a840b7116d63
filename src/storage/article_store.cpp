#include "storage/article_store.hpp"

#include <unordered_map>

namespace dateline::storage {

using db::Params;
using domain::Article;
using domain::Id;

namespace {

constexpr const char* article_columns =
    "SELECT a.id, a.site_id, a.slug, a.headline, a.standfirst, a.body_html, a.body_text, "
    "a.dateline, a.source_credit, a.lead_caption, a.lead_credit, a.status, "
    "a.first_published_at, a.updated_at, a.external_id, a.comments_open, "
    "s.id, s.slug, s.name, s.position, "
    "m.id, m.file_name, m.mime_type, m.width, m.height, m.bytes "
    "FROM articles a LEFT JOIN sections s ON s.id = a.section_id "
    "LEFT JOIN media m ON m.id = a.lead_media_id ";

constexpr const char* visible_condition =
    "a.status IN ('published', 'scheduled') AND a.first_published_at <= $2";

Article article_from_row(const db::Row& r) {
    Article a;
    a.id = r.integer(0);
    a.site_id = r.integer(1);
    a.slug = r.text(2);
    a.headline = r.text(3);
    a.standfirst = r.text(4);
    a.body_html = r.text(5);
    a.body_text = r.text(6);
    a.dateline = r.text(7);
    a.source_credit = r.text(8);
    a.lead_caption = r.text(9);
    a.lead_credit = r.text(10);
    a.status = domain::parse_article_status(r.text(11)).value_or(domain::ArticleStatus::Draft);
    a.first_published_at = r.integer(12);
    a.updated_at = r.integer(13);
    a.external_id = r.text(14);
    a.comments_open = r.integer(15) != 0;
    if (!r.is_null(16))
        a.section =
            domain::Section{r.integer(16), a.site_id, r.text(17), r.text(18), int(r.integer(19))};
    if (!r.is_null(20))
        a.lead_image = domain::Media{r.integer(20),      r.text(21),         r.text(22),
                                     int(r.integer(23)), int(r.integer(24)), r.integer(25)};
    return a;
}

// Conditions on the filter, with parameters from $3 on ($1 the site, $2 "now").
std::string filter_condition(const ArticleFilter& f, Params& params) {
    std::string where = "a.site_id = $1 AND " + std::string(visible_condition);
    params = {f.site_id, nullptr};
    if (f.section_id) {
        params.emplace_back(*f.section_id);
        where += " AND a.section_id = $" + std::to_string(params.size());
    }
    if (f.tag_id) {
        params.emplace_back(*f.tag_id);
        where += " AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = $" +
                 std::to_string(params.size()) + ")";
    }
    if (f.exclude_id) {
        params.emplace_back(*f.exclude_id);
        where += " AND a.id <> $" + std::to_string(params.size());
    }
    return where;
}

std::string id_list(const std::vector<Article>& articles) {
    std::string ids;
    for (const auto& a : articles) {
        if (!ids.empty()) ids += ',';
        ids += std::to_string(a.id);  // integers from our own rows, never user text
    }
    return ids;
}

}  // namespace

Result<Id> ArticleStore::save(const ArticleRecord& r, UnixTime now) {
    auto taken = slug_taken(r.site_id, r.slug, r.id ? std::optional<Id>(r.id) : std::nullopt);
    if (!taken) return taken.error();
    if (*taken)
        return Error::conflict("Another article of this site already uses this slug.", "slug");

    Params params{r.site_id,
                  r.slug,
                  r.headline,
                  r.standfirst,
                  r.body_html,
                  r.body_text,
                  r.dateline,
                  r.source_credit,
                  db::nullable(r.section_id),
                  db::nullable(r.lead_media_id),
                  r.lead_caption,
                  r.lead_credit,
                  std::string(domain::to_string(r.status)),
                  db::nullable(r.first_published_at),
                  r.updated_at,
                  db::nullable_text(r.external_id)};
    Id id = r.id;
    if (id == 0) {
        params.emplace_back(now);
        auto rows = c_.query(
            "INSERT INTO articles (site_id, slug, headline, standfirst, body_html, body_text, "
            "dateline, source_credit, section_id, lead_media_id, lead_caption, lead_credit, "
            "status, first_published_at, updated_at, external_id, created_at) VALUES ($1, $2, $3, "
            "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
            params);
        if (!rows) return rows.error();
        id = rows->front().integer(0);
    } else {
        params.emplace_back(id);
        auto done = c_.execute(
            "UPDATE articles SET site_id = $1, slug = $2, headline = $3, standfirst = $4, "
            "body_html = $5, body_text = $6, dateline = $7, source_credit = $8, section_id = $9, "
            "lead_media_id = $10, lead_caption = $11, lead_credit = $12, status = $13, "
            "first_published_at = $14, updated_at = $15, external_id = $16 WHERE id = $17",
            params);
        if (!done) return done.error();
        if (*done == 0) return Error::not_found("The article does not exist.");
        for (const char* sql : {"DELETE FROM article_authors WHERE article_id = $1",
                                "DELETE FROM article_tags WHERE article_id = $1"})
            if (auto d = c_.execute(sql, {id}); !d) return d.error();
    }
    std::int64_t position = 0;
    for (const Id author : r.author_ids) {
        auto d = c_.execute(
            "INSERT INTO article_authors (article_id, author_id, position) VALUES ($1, $2, $3) "
            "ON CONFLICT DO NOTHING",
            {id, author, position++});
        if (!d) return d.error();
    }
    position = 0;
    for (const Id tag : r.tag_ids) {
        auto d = c_.execute(
            "INSERT INTO article_tags (article_id, tag_id, position) VALUES ($1, $2, $3) "
            "ON CONFLICT DO NOTHING",
            {id, tag, position++});
        if (!d) return d.error();
    }
    return id;
}

Result<std::optional<Id>> ArticleStore::id_by_external_id(Id site_id,
                                                          const std::string& external_id) {
    auto rows = c_.query("SELECT id FROM articles WHERE site_id = $1 AND external_id = $2",
                         {site_id, external_id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Id>{};
    return std::optional<Id>{rows->front().integer(0)};
}

Result<bool> ArticleStore::slug_taken(Id site_id, const std::string& slug,
                                      std::optional<Id> except) {
    auto rows = c_.query("SELECT id FROM articles WHERE site_id = $1 AND slug = $2 AND id <> $3",
                         {site_id, slug, except.value_or(0)});
    if (!rows) return rows.error();
    return !rows->empty();
}

Result<std::vector<Article>> ArticleStore::load(const std::string& where, const Params& params) {
    auto rows = c_.query(std::string(article_columns) + where, params);
    if (!rows) return rows.error();
    std::vector<Article> articles;
    articles.reserve(rows->size());
    for (const auto& r : *rows) articles.push_back(article_from_row(r));
    if (auto s = attach_details(articles); !s) return s.error();
    return articles;
}

Status ArticleStore::attach_details(std::vector<Article>& articles) {
    if (articles.empty()) return success();
    std::unordered_map<Id, Article*> by_id;
    for (auto& a : articles) by_id[a.id] = &a;
    const std::string ids = id_list(articles);
    auto authors = c_.query(
        "SELECT aa.article_id, au.id, au.site_id, au.slug, au.name, au.role FROM article_authors "
        "aa "
        "JOIN authors au ON au.id = aa.author_id WHERE aa.article_id IN (" +
        ids + ") ORDER BY aa.article_id, aa.position");
    if (!authors) return authors.error();
    for (const auto& r : *authors)
        by_id[r.integer(0)]->authors.push_back(
            {r.integer(1), r.integer(2), r.text(3), r.text(4), r.text(5)});
    auto tags = c_.query(
        "SELECT at.article_id, t.id, t.site_id, t.slug, t.name FROM article_tags at "
        "JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN (" +
        ids + ") ORDER BY at.article_id, at.position");
    if (!tags) return tags.error();
    for (const auto& r : *tags)
        by_id[r.integer(0)]->tags.push_back({r.integer(1), r.integer(2), r.text(3), r.text(4)});
    return success();
}

Result<std::optional<Article>> ArticleStore::by_id(Id id) {
    auto found = load("WHERE a.id = $1", {id});
    if (!found) return found.error();
    if (found->empty()) return std::optional<Article>{};
    return std::optional<Article>{std::move(found->front())};
}

Result<std::optional<Article>> ArticleStore::visible_by_slug(Id site_id, const std::string& slug,
                                                             UnixTime now) {
    auto found =
        load("WHERE a.site_id = $1 AND " + std::string(visible_condition) + " AND a.slug = $3",
             {site_id, now, slug});
    if (!found) return found.error();
    if (found->empty()) return std::optional<Article>{};
    return std::optional<Article>{std::move(found->front())};
}

Result<std::vector<Article>> ArticleStore::list_visible(const ArticleFilter& filter, UnixTime now,
                                                        int limit, int offset) {
    Params params;
    std::string where = "WHERE " + filter_condition(filter, params);
    params[1] = now;
    params.emplace_back(std::int64_t{limit});
    where +=
        " ORDER BY a.first_published_at DESC, a.id DESC LIMIT $" + std::to_string(params.size());
    params.emplace_back(std::int64_t{offset});
    where += " OFFSET $" + std::to_string(params.size());
    return load(where, params);
}

Result<std::int64_t> ArticleStore::count_visible(const ArticleFilter& filter, UnixTime now) {
    Params params;
    const std::string where = filter_condition(filter, params);
    params[1] = now;
    auto rows = c_.query("SELECT COUNT(*) FROM articles a WHERE " + where, params);
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::vector<Article>> ArticleStore::related(const Article& article, UnixTime now,
                                                   int limit) {
    const Id section = article.section ? article.section->id : 0;
    return load(
        "WHERE a.site_id = $1 AND " + std::string(visible_condition) +
            " AND a.id <> $3 AND (a.section_id = $4 OR EXISTS (SELECT 1 FROM article_tags x "
            "JOIN article_tags y ON x.tag_id = y.tag_id WHERE x.article_id = a.id AND "
            "y.article_id = $3)) ORDER BY (SELECT COUNT(*) FROM article_tags x JOIN article_tags y "
            "ON x.tag_id = y.tag_id WHERE x.article_id = a.id AND y.article_id = $3) DESC, "
            "(a.section_id = $4) DESC, a.first_published_at DESC LIMIT $5",
        {article.site_id, now, article.id, section, std::int64_t{limit}});
}

}  // namespace dateline::storage
