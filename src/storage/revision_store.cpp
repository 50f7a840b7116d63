#include "storage/revision_store.hpp"

#include <boost/json.hpp>

namespace dateline::storage {

namespace json = boost::json;
using domain::Id;

namespace {

json::array strings(const std::vector<std::string>& values) {
    json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

std::string encode(const domain::ArticleDraft& d) {
    json::object o;
    o["slug"] = d.slug;
    o["headline"] = d.headline;
    o["standfirst"] = d.standfirst;
    o["body_source"] = d.body_source;
    o["body_html"] = d.body_html;
    o["dateline"] = d.dateline;
    o["source_credit"] = d.source_credit;
    o["section"] = d.section_slug;
    o["authors"] = strings(d.author_names);
    o["tags"] = strings(d.tag_names);
    if (d.lead_image_id) o["lead_image"] = *d.lead_image_id;
    o["lead_caption"] = d.lead_caption;
    o["lead_credit"] = d.lead_credit;
    return json::serialize(o);
}

// What a stored revision says; a field it lacks (written by an older version) stays empty.
domain::ArticleDraft decode(const std::string& text) {
    domain::ArticleDraft d;
    boost::system::error_code ec;
    const auto value = json::parse(text, ec);
    if (ec || !value.is_object()) return d;
    const auto& o = value.get_object();
    auto text_of = [&](const char* key) -> std::string {
        const auto* v = o.if_contains(key);
        return v && v->is_string() ? std::string(v->get_string()) : std::string();
    };
    auto list_of = [&](const char* key) {
        std::vector<std::string> out;
        if (const auto* v = o.if_contains(key); v && v->is_array())
            for (const auto& item : v->get_array())
                if (item.is_string()) out.emplace_back(item.get_string());
        return out;
    };
    d.slug = text_of("slug");
    d.headline = text_of("headline");
    d.standfirst = text_of("standfirst");
    d.body_source = text_of("body_source");
    d.body_html = text_of("body_html");
    d.dateline = text_of("dateline");
    d.source_credit = text_of("source_credit");
    d.section_slug = text_of("section");
    d.author_names = list_of("authors");
    d.tag_names = list_of("tags");
    if (const auto* v = o.if_contains("lead_image"); v && v->is_int64())
        d.lead_image_id = v->get_int64();
    d.lead_caption = text_of("lead_caption");
    d.lead_credit = text_of("lead_credit");
    return d;
}

ArticleRevision revision_from_row(const db::Row& r) {
    ArticleRevision v;
    v.article_id = r.integer(0);
    v.revision = r.integer(1);
    v.saved_at = r.integer(2);
    if (!r.is_null(3)) v.saved_by = r.integer(3);
    v.saved_by_name = r.is_null(4) ? std::string() : r.text(4);
    v.status = domain::parse_article_status(r.text(5)).value_or(domain::ArticleStatus::Draft);
    return v;
}

constexpr const char* select_revisions =
    "SELECT r.article_id, r.revision, r.saved_at, r.saved_by, u.name, r.status";

}  // namespace

Status RevisionStore::record(const ArticleRevision& v) {
    auto done = c_.execute(
        "INSERT INTO article_revisions (article_id, revision, saved_at, saved_by, status, "
        "content) VALUES ($1, $2, $3, $4, $5, $6)",
        {v.article_id, v.revision, v.saved_at, db::nullable(v.saved_by),
         std::string(domain::to_string(v.status)), encode(v.content)});
    if (!done) return done.error();
    return success();
}

Result<std::vector<ArticleRevision>> RevisionStore::list(Id article_id) {
    auto rows = c_.query(std::string(select_revisions) +
                             " FROM article_revisions r LEFT JOIN users u ON u.id = r.saved_by "
                             "WHERE r.article_id = $1 ORDER BY r.revision DESC",
                         {article_id});
    if (!rows) return rows.error();
    std::vector<ArticleRevision> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(revision_from_row(r));
    return out;
}

Result<std::optional<ArticleRevision>> RevisionStore::get(Id article_id, std::int64_t revision) {
    auto rows = c_.query(std::string(select_revisions) +
                             ", r.content FROM article_revisions r "
                             "LEFT JOIN users u ON u.id = r.saved_by "
                             "WHERE r.article_id = $1 AND r.revision = $2",
                         {article_id, revision});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<ArticleRevision>{};
    auto v = revision_from_row(rows->front());
    v.content = decode(rows->front().text(6));
    return std::optional<ArticleRevision>{std::move(v)};
}

}  // namespace dateline::storage
