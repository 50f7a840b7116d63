#include "storage/comment_store.hpp"

#include "storage/id_list.hpp"

namespace dateline::storage {

using domain::Comment;
using domain::Id;

namespace {

constexpr const char* comment_columns =
    "SELECT c.id, c.site_id, c.article_id, c.status, c.author_name, c.email, c.title, c.body, "
    "c.held_reason, c.created_at ";

Comment comment_from_row(const db::Row& r) {
    Comment c;
    c.id = r.integer(0);
    c.site_id = r.integer(1);
    c.article_id = r.integer(2);
    c.status = domain::parse_comment_status(r.text(3)).value_or(domain::CommentStatus::Pending);
    c.author_name = r.text(4);
    c.email = r.text(5);
    c.title = r.text(6);
    c.body = r.text(7);
    c.held_reason = r.text(8);
    c.created_at = r.integer(9);
    return c;
}

}  // namespace

Result<Id> CommentStore::insert(const Comment& c, const std::string& content_digest) {
    auto rows = c_.query(
        "INSERT INTO comments (site_id, article_id, status, author_name, email, title, body, "
        "held_reason, content_digest, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "RETURNING id",
        {c.site_id, c.article_id, std::string(domain::to_string(c.status)), c.author_name, c.email,
         c.title, c.body, c.held_reason, content_digest, c.created_at});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<bool> CommentStore::has_digest_since(const std::string& digest, UnixTime since) {
    auto rows =
        c_.query("SELECT 1 FROM comments WHERE content_digest = $1 AND created_at >= $2 LIMIT 1",
                 {digest, since});
    if (!rows) return rows.error();
    return !rows->empty();
}

Result<std::vector<domain::CommentListing>> CommentStore::list(const Query& q) {
    // Each condition only when asked, so that the one on the status walks comments_status in
    // reading order (with "$1 = '' OR ..." SQLite scanned every comment and sorted them).
    db::Params params{q.held_reason, std::int64_t{q.limit}};
    std::string where;
    if (q.status) {
        params.emplace_back(std::string(domain::to_string(*q.status)));
        where += " AND c.status = $" + std::to_string(params.size());
    }
    if (!q.site_ids.empty()) where += " AND c.site_id" + id_match(q.site_ids, params);
    // held_reason holds reasons separated by commas ("honeypot,links").
    auto rows =
        c_.query(std::string(comment_columns) +
                     ", s.slug, a.slug, COALESCE(sec.slug, ''), a.headline FROM comments c "
                     "JOIN sites s ON s.id = c.site_id JOIN articles a ON a.id = c.article_id "
                     "LEFT JOIN sections sec ON sec.id = a.section_id "
                     "WHERE ($1 = '' OR ',' || c.held_reason || ',' LIKE '%,' || $1 || ',%')" +
                     where + " ORDER BY c.created_at DESC, c.id DESC LIMIT $2",
                 params);
    if (!rows) return rows.error();
    std::vector<domain::CommentListing> out;
    for (const auto& r : *rows)
        out.push_back({comment_from_row(r), r.text(10), r.text(11), r.text(12), r.text(13)});
    return out;
}

Result<std::vector<Id>> CommentStore::sites_of(const std::vector<Id>& comment_ids) {
    if (comment_ids.empty()) return std::vector<Id>{};
    db::Params params;
    auto rows = c_.query("SELECT DISTINCT site_id FROM comments WHERE id" +
                             id_match(comment_ids, params) + " ORDER BY site_id",
                         params);
    if (!rows) return rows.error();
    std::vector<Id> sites;
    for (const auto& r : *rows) sites.push_back(r.integer(0));
    return sites;
}

Result<std::vector<Comment>> CommentStore::approved_for(Id article_id, int limit,
                                                        std::int64_t offset) {
    auto rows = c_.query(std::string(comment_columns) +
                             "FROM comments c WHERE c.article_id = $1 AND c.status = 'approved' "
                             "ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3",
                         {article_id, std::int64_t{limit}, offset});
    if (!rows) return rows.error();
    std::vector<Comment> out;
    for (const auto& r : *rows) out.push_back(comment_from_row(r));
    return out;
}

Result<std::int64_t> CommentStore::approved_count(Id article_id) {
    auto rows =
        c_.query("SELECT COUNT(*) FROM comments WHERE article_id = $1 AND status = 'approved'",
                 {article_id});
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::int64_t> CommentStore::set_status(const std::vector<Id>& ids,
                                              domain::CommentStatus status, UnixTime now) {
    std::int64_t changed = 0;
    for (const Id id : ids) {
        auto n = c_.execute("UPDATE comments SET status = $1, moderated_at = $2 WHERE id = $3",
                            {std::string(domain::to_string(status)), now, id});
        if (!n) return n.error();
        changed += *n;
    }
    return changed;
}

Result<std::int64_t> CommentStore::erase_by_email(const std::string& email) {
    return c_.execute("DELETE FROM comments WHERE lower(email) = lower($1)", {email});
}

}  // namespace dateline::storage
