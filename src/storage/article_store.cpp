#include "storage/article_store.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "storage/id_list.hpp"
#include "storage/like_pattern.hpp"
#include "storage/listed_sql.hpp"

namespace dateline::storage {

using db::Params;
using domain::Article;
using domain::Id;

namespace {

// The columns of article_from_row. A listing or related news shows cards, not bodies: a card
// leaves the body out (empty), which spares reading each story's overflow pages. A story's page
// reads the body as readers see it, not its text (search's) nor its source (the newsroom's):
// what a node keeps of it (app::KeptStories) is what the page shows.
std::string select_articles(ArticleStore::Columns columns) {
    using Columns = ArticleStore::Columns;
    const bool html = columns != Columns::Card;
    const bool whole = columns == Columns::Whole;
    return std::string("SELECT a.id, a.site_id, a.slug, a.headline, a.standfirst, ") +
           (html ? "a.body_html, " : "'', ") + (whole ? "a.body_text, " : "'', ") +
           "a.dateline, a.source_credit, a.lead_caption, a.lead_credit, a.status, "
           "a.first_published_at, a.updated_at, a.external_id, a.comments_open, "
           "s.id, s.slug, s.name, s.position, "
           "m.id, m.file_name, m.mime_type, m.width, m.height, m.bytes, " +
           (whole ? "a.body_source, " : "'', ") +
           "a.revision, a.created_by, a.translation_group, m.copies, a.embargoed_until "
           "FROM articles a LEFT JOIN sections s ON s.id = a.section_id "
           "LEFT JOIN media m ON m.id = a.lead_media_id ";
}
const std::string article_columns = select_articles(ArticleStore::Columns::Whole);
const std::string page_columns = select_articles(ArticleStore::Columns::Page);
const std::string card_columns = select_articles(ArticleStore::Columns::Card);

const std::string visible_condition = listed_sql("a.status") + " AND a.first_published_at <= $2";

// Moves the row's texts into the article: a page reads each row once.
Article article_from_row(db::Row& r) {
    Article a;
    a.id = r.integer(0);
    a.site_id = r.integer(1);
    a.slug = r.take_text(2);
    a.headline = r.take_text(3);
    a.standfirst = r.take_text(4);
    a.body_html = r.take_text(5);
    a.body_text = r.take_text(6);
    a.dateline = r.take_text(7);
    a.source_credit = r.take_text(8);
    a.lead_caption = r.take_text(9);
    a.lead_credit = r.take_text(10);
    a.status = domain::parse_article_status(r.text(11)).value_or(domain::ArticleStatus::Draft);
    a.first_published_at = r.integer(12);
    a.updated_at = r.integer(13);
    a.external_id = r.take_text(14);
    a.comments_open = r.integer(15) != 0;
    if (!r.is_null(16))
        a.section = domain::Section{r.integer(16), a.site_id, r.take_text(17), r.take_text(18),
                                    int(r.integer(19))};
    if (!r.is_null(20))
        a.lead_image = domain::Media{r.integer(20),      r.take_text(21),    r.take_text(22),
                                     int(r.integer(23)), int(r.integer(24)), r.integer(25),
                                     int(r.integer(30))};
    a.body_source = r.take_text(26);
    a.revision = r.integer(27);
    if (!r.is_null(28)) a.created_by = r.integer(28);
    if (!r.is_null(29)) a.translation_group = r.integer(29);
    if (!r.is_null(31)) a.embargoed_until = r.integer(31);
    return a;
}

// "$N" for the parameter just added.
std::string last_param(const Params& params) {
    return "$" + std::to_string(params.size());
}

// The WHERE and ORDER BY of a listing. Site and section listings walk the partial indexes
// articles_site_listed / articles_section_listed (articles_sectionless_listed for the stories
// without a section); a tag's or an author's walks its links'
// article_tags_listed / article_authors_listed, joined to its articles by key. Reading order is
// (time, id) descending; a NewerThan page walks up and is reversed by the caller.
std::string listing_clause(const ArticleFilter& f, UnixTime now, int limit, const ListingPage& page,
                           Params& params) {
    const bool by_link = f.tag_id || f.author_id;
    const std::string time = by_link ? "t.listed_at" : "a.first_published_at";
    const std::string id = by_link ? "t.article_id" : "a.id";
    params = {f.site_id, now};
    std::string where;
    if (by_link) {
        params.emplace_back(f.tag_id ? *f.tag_id : *f.author_id);
        where = std::string(f.tag_id ? "JOIN article_tags t ON t.article_id = a.id WHERE t.tag_id"
                                     : "JOIN article_authors t ON t.article_id = a.id WHERE "
                                       "t.author_id") +
                " = " + last_param(params) +
                " AND t.listed_at IS NOT NULL AND t.listed_at <= $2 AND a.site_id = $1";
    } else {
        where = "WHERE a.site_id = $1 AND " + visible_condition;
        if (f.section_id) {
            params.emplace_back(*f.section_id);
            where += " AND a.section_id = " + last_param(params);
        } else if (f.sectionless) {
            where += " AND a.section_id IS NULL";  // articles_sectionless_listed
        }
    }
    if (f.published_since) {
        params.emplace_back(*f.published_since);
        where += " AND " + time + " >= " + last_param(params);
    }
    const bool newer = page.from == ListingPage::From::NewerThan;
    if (page.from != ListingPage::From::Newest) {
        params.emplace_back(page.position.published_at);
        const std::string t = last_param(params);
        params.emplace_back(page.position.id);
        const std::string i = last_param(params);
        // Written so that the time alone bounds the index range; the id breaks ties.
        where += newer ? " AND " + time + " >= " + t + " AND (" + time + " > " + t + " OR " + id +
                             " > " + i + ")"
                       : " AND " + time + " <= " + t + " AND (" + time + " < " + t + " OR " + id +
                             " < " + i + ")";
    }
    const char* direction = newer ? " ASC" : " DESC";
    params.emplace_back(std::int64_t{limit});
    return where + " ORDER BY " + time + direction + ", " + id + direction + " LIMIT " +
           last_param(params);
}

}  // namespace

Result<SavedRevision> ArticleStore::save(const ArticleRecord& r, UnixTime now) {
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
                  db::nullable_text(r.external_id),
                  r.body_source,
                  db::nullable(r.embargoed_until)};
    SavedRevision saved{r.id, 1};
    if (saved.id == 0) {
        params.emplace_back(db::nullable(r.created_by));
        params.emplace_back(now);
        auto rows = c_.query(
            "INSERT INTO articles (site_id, slug, headline, standfirst, body_html, body_text, "
            "dateline, source_credit, section_id, lead_media_id, lead_caption, lead_credit, "
            "status, first_published_at, updated_at, external_id, body_source, embargoed_until, "
            "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
            "$13, $14, $15, $16, $17, $18, $19, $20) RETURNING id, revision",
            params);
        if (!rows) return rows.error();
        saved = {rows->front().integer(0), rows->front().integer(1)};
    } else {
        // The revision moves only from the one the writer started from, checked in the same
        // statement that writes: of two editors who opened revision 4, one saves revision 5 and
        // the other is told.
        params.emplace_back(saved.id);
        params.emplace_back(db::nullable(r.expected_revision));
        auto rows = c_.query(
            "UPDATE articles SET site_id = $1, slug = $2, headline = $3, standfirst = $4, "
            "body_html = $5, body_text = $6, dateline = $7, source_credit = $8, section_id = $9, "
            "lead_media_id = $10, lead_caption = $11, lead_credit = $12, status = $13, "
            "first_published_at = $14, updated_at = $15, external_id = $16, body_source = $17, "
            "embargoed_until = $18, revision = revision + 1 WHERE id = $19 AND "
            "revision = COALESCE($20, revision) RETURNING revision",
            params);
        if (!rows) return rows.error();
        if (rows->empty()) {
            auto current = c_.query("SELECT revision FROM articles WHERE id = $1", {saved.id});
            if (!current) return current.error();
            if (current->empty()) return Error::not_found("The article does not exist.");
            return Error::conflict("Someone else saved this article since revision " +
                                       std::to_string(r.expected_revision.value_or(0)) +
                                       " was opened; it is now at revision " +
                                       std::to_string(current->front().integer(0)) + ".",
                                   "revision");
        }
        saved.revision = rows->front().integer(0);
        for (const char* sql : {"DELETE FROM article_authors WHERE article_id = $1",
                                "DELETE FROM article_tags WHERE article_id = $1"})
            if (auto d = c_.execute(sql, {saved.id}); !d) return d.error();
    }
    const Id id = saved.id;
    // The tag's and the author's reading order (migrations/*/0007, 0024): the story's time while
    // it is listed.
    const db::Value listed_at =
        domain::is_listed(r.status) ? db::nullable(r.first_published_at) : db::Value(nullptr);
    std::int64_t position = 0;
    for (const Id author : r.author_ids) {
        auto d = c_.execute(
            "INSERT INTO article_authors (article_id, author_id, position, listed_at) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            {id, author, position++, listed_at});
        if (!d) return d.error();
    }
    position = 0;
    for (const Id tag : r.tag_ids) {
        auto d = c_.execute(
            "INSERT INTO article_tags (article_id, tag_id, position, listed_at) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            {id, tag, position++, listed_at});
        if (!d) return d.error();
    }
    return saved;
}

Status ArticleStore::take_write_turn() {
    if (c_.backend() != "postgres") return success();
    // A transaction advisory lock: any constant will do, as long as no other lock uses it
    // (the migrator's is 7461293).
    auto taken = c_.query("SELECT pg_advisory_xact_lock(7461294)");
    if (!taken) return taken.error();
    return success();
}

Status ArticleStore::lock(const std::vector<Id>& ids) {
    if (c_.backend() != "postgres") return success();
    if (auto turn = take_write_turn(); !turn) return turn.error();
    if (ids.empty()) return success();
    Params params;
    // In id order, so that two transactions locking the same rows cannot deadlock.
    auto rows = c_.query("SELECT id FROM articles WHERE id" + id_match(ids, params) +
                             " ORDER BY id FOR NO KEY UPDATE",
                         params);
    if (!rows) return rows.error();
    return success();
}

Status ArticleStore::set_status(Id id, domain::ArticleStatus status,
                                std::optional<UnixTime> first_published_at, UnixTime updated_at) {
    auto done = c_.execute(
        "UPDATE articles SET status = $1, first_published_at = $2, updated_at = $3 WHERE id = $4",
        {std::string(domain::to_string(status)), db::nullable(first_published_at), updated_at, id});
    if (!done) return done.error();
    if (*done == 0) return Error::not_found("The article does not exist.");
    return success();
}

Status ArticleStore::set_translation_group(const std::vector<Id>& ids, std::optional<Id> group) {
    if (ids.empty()) return success();
    Params params{db::nullable(group)};
    auto done = c_.execute(
        "UPDATE articles SET translation_group = $1 WHERE id" + id_match(ids, params), params);
    if (!done) return done.error();
    return success();
}

Result<std::vector<Article>> ArticleStore::translations(const Article& article) {
    if (!article.translation_group) return std::vector<Article>{};
    return load("WHERE a.translation_group = $1 AND a.id <> $2 ORDER BY a.site_id",
                {*article.translation_group, article.id}, Columns::Card, Details::Bare);
}

Status ArticleStore::add_note(Id article_id, const domain::ArticleNote& note,
                              std::optional<Id> noted_by, UnixTime updated_at) {
    auto added = c_.execute(
        "INSERT INTO article_notes (article_id, kind, body, noted_at, noted_by) "
        "VALUES ($1, $2, $3, $4, $5)",
        {article_id, std::string(domain::to_string(note.kind)), note.text, note.noted_at,
         db::nullable(noted_by)});
    if (!added) return added.error();
    auto moved =
        c_.execute("UPDATE articles SET updated_at = $1 WHERE id = $2", {updated_at, article_id});
    if (!moved) return moved.error();
    return success();
}

Status ArticleStore::attach_notes(Article& article) {
    auto rows = c_.query(
        "SELECT id, kind, body, noted_at FROM article_notes WHERE article_id = $1 "
        "ORDER BY noted_at, id",
        {article.id});
    if (!rows) return rows.error();
    article.notes.clear();
    for (const auto& r : *rows)
        article.notes.push_back(
            {r.integer(0),
             domain::parse_note_kind(r.text(1)).value_or(domain::NoteKind::Correction), r.text(2),
             r.integer(3)});
    return success();
}

Result<std::vector<Id>> ArticleStore::publish_due(UnixTime now) {
    if (auto turn = take_write_turn(); !turn) return turn.error();
    // Under PostgreSQL a second node waits for the first one's turn, then finds the rows no
    // longer scheduled and leaves them: each id comes back from one statement only.
    auto rows = c_.query(
        "UPDATE articles SET status = 'published' "
        "WHERE status = 'scheduled' AND first_published_at <= $1 RETURNING id",
        {now});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::vector<Article>> ArticleStore::list_for_newsroom(const NewsroomQuery& q) {
    // One walk per site down an index in the list's order (articles_site_updated, or with a
    // state or an author articles_site_status_updated / articles_site_author_updated), each
    // stopping at the limit, then merged: a few seeks a site, whatever the archive's size.
    // One query over several sites would read every row of them and sort.
    std::string filters;
    Params tail;
    auto add = [&](db::Value value, const std::string& condition) {
        tail.push_back(std::move(value));
        filters += " AND " + condition + " $" + std::to_string(tail.size() + 1);
    };
    if (q.status) add(std::string(domain::to_string(*q.status)), "a.status =");
    if (q.section_id) add(*q.section_id, "a.section_id =");
    if (q.created_by) add(*q.created_by, "a.created_by =");
    if (!q.text.empty()) {
        add(contains_pattern(q.text), "lower(a.headline) LIKE");
        filters += " ESCAPE '\\'";
    }
    if (q.after) {
        // A row value walks on down the same index, from the position, on both backends.
        tail.emplace_back(q.after->updated_at);
        tail.emplace_back(q.after->id);
        filters += " AND (a.updated_at, a.id) < ($" + std::to_string(tail.size()) + ", $" +
                   std::to_string(tail.size() + 1) + ")";
    }
    tail.emplace_back(std::int64_t{q.limit});
    const std::string sql = "WHERE a.site_id = $1" + filters +
                            " ORDER BY a.updated_at DESC, a.id DESC LIMIT $" +
                            std::to_string(tail.size() + 1);
    std::vector<Article> out;
    for (const Id site : q.site_ids) {
        Params params{site};
        params.insert(params.end(), tail.begin(), tail.end());
        auto found = load(sql, params, Columns::Card, Details::Bare);
        if (!found) return found.error();
        out.insert(out.end(), std::make_move_iterator(found->begin()),
                   std::make_move_iterator(found->end()));
    }
    std::sort(out.begin(), out.end(), [](const Article& x, const Article& y) {
        return std::tie(x.updated_at, x.id) > std::tie(y.updated_at, y.id);
    });
    if (out.size() > static_cast<std::size_t>(q.limit)) out.resize(q.limit);
    return out;
}

Result<std::optional<Id>> ArticleStore::id_by_external_id(Id site_id,
                                                          const std::string& external_id) {
    auto rows = c_.query("SELECT id FROM articles WHERE site_id = $1 AND external_id = $2",
                         {site_id, external_id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Id>{};
    return std::optional<Id>{rows->front().integer(0)};
}

Result<std::optional<Id>> ArticleStore::id_by_slug(Id site_id, const std::string& slug) {
    auto rows =
        c_.query("SELECT id FROM articles WHERE site_id = $1 AND slug = $2", {site_id, slug});
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

Result<std::vector<Article>> ArticleStore::load(const std::string& where, const Params& params,
                                                Columns columns, Details details) {
    auto rows = c_.query((columns == Columns::Whole  ? article_columns
                          : columns == Columns::Page ? page_columns
                                                     : card_columns) +
                             where,
                         params);
    if (!rows) return rows.error();
    std::vector<Article> articles;
    articles.reserve(rows->size());
    for (auto& r : *rows) articles.push_back(article_from_row(r));
    if (details == Details::Bare) return articles;
    std::vector<Article*> all;
    all.reserve(articles.size());
    for (auto& a : articles) all.push_back(&a);
    if (auto s = attach_details(all); !s) return s.error();
    return articles;
}

namespace {

// An article's links (authors or tags) in byline order, and the rows they name, by id.
struct Linked {
    db::Rows links;  // (article id, linked id)
    db::Rows rows;   // the linked rows, id first
    std::unordered_map<Id, std::size_t> row_of;

    const db::Row* named(const db::Row& link) const {
        const auto it = row_of.find(link.integer(1));
        return it == row_of.end() ? nullptr : &rows[it->second];
    }
};

// The links first, then the rows they name by key: two index lookups whatever the planner's
// statistics. As one join, PostgreSQL hashed the whole tags table, which grows with the archive
// (1.7 ms a page at 10,000 stories per site). The links (article id, linked id, position) are
// put in byline order here: ORDER BY had SQLite open a sorter for a handful of rows.
Result<Linked> linked(db::Connection& c, const std::vector<Id>& article_ids, const char* links_sql,
                      const char* rows_sql) {
    Linked found;
    Params params;
    auto links = c.query(std::string(links_sql) + id_match(article_ids, params), params);
    if (!links) return links.error();
    found.links = std::move(*links);
    if (found.links.empty()) return found;
    std::sort(found.links.begin(), found.links.end(), [](const db::Row& x, const db::Row& y) {
        return std::pair(x.integer(0), x.integer(2)) < std::pair(y.integer(0), y.integer(2));
    });
    std::vector<Id> keys;
    keys.reserve(found.links.size());
    for (const auto& r : found.links) keys.push_back(r.integer(1));
    params.clear();
    auto rows = c.query(std::string(rows_sql) + id_match(keys, params), params);
    if (!rows) return rows.error();
    found.rows = std::move(*rows);
    for (std::size_t i = 0; i < found.rows.size(); ++i) found.row_of[found.rows[i].integer(0)] = i;
    return found;
}

}  // namespace

Status ArticleStore::attach_details(const std::vector<Article*>& articles) {
    if (articles.empty()) return success();
    if (articles.size() == 1) return attach_details(*articles.front());
    std::unordered_map<Id, Article*> by_id;
    std::vector<Id> ids;
    ids.reserve(articles.size());
    for (auto* a : articles) {
        by_id[a->id] = a;
        ids.push_back(a->id);
    }
    auto authors = linked(
        c_, ids, "SELECT article_id, author_id, position FROM article_authors WHERE article_id",
        "SELECT id, site_id, slug, name, role FROM authors WHERE id");
    if (!authors) return authors.error();
    for (const auto& link : authors->links)
        if (const auto* r = authors->named(link))
            by_id[link.integer(0)]->authors.push_back(
                {r->integer(0), r->integer(1), r->text(2), r->text(3), r->text(4)});
    auto tags =
        linked(c_, ids, "SELECT article_id, tag_id, position FROM article_tags WHERE article_id",
               "SELECT id, site_id, slug, name FROM tags WHERE id");
    if (!tags) return tags.error();
    for (const auto& link : tags->links)
        if (const auto* r = tags->named(link))
            by_id[link.integer(0)]->tags.push_back(
                {r->integer(0), r->integer(1), r->text(2), r->text(3)});
    return success();
}

Status ArticleStore::attach_details(Article& article) {
    // One story's links are a handful: both backends walk the links' index and look each tag up
    // by its key (checked at 10,000 stories a site; docs/performance.md). Many ids go through
    // linked(), where PostgreSQL hashed the whole tags table instead.
    auto rows = c_.query(
        "SELECT 0, aa.position, au.id, au.site_id, au.slug, au.name, au.role "
        "FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
        "WHERE aa.article_id = $1 UNION ALL "
        "SELECT 1, at.position, t.id, t.site_id, t.slug, t.name, '' FROM article_tags at "
        "JOIN tags t ON t.id = at.tag_id WHERE at.article_id = $1",
        {article.id});
    if (!rows) return rows.error();
    // Bylines first, each list in its order; sorted here for the reason linked() gives.
    std::sort(rows->begin(), rows->end(), [](const db::Row& x, const db::Row& y) {
        return std::pair(x.integer(0), x.integer(1)) < std::pair(y.integer(0), y.integer(1));
    });
    for (auto& r : *rows) {
        if (r.integer(0) == 0)
            article.authors.push_back(
                {r.integer(2), r.integer(3), r.take_text(4), r.take_text(5), r.take_text(6)});
        else
            article.tags.push_back({r.integer(2), r.integer(3), r.take_text(4), r.take_text(5)});
    }
    return success();
}

Result<std::optional<Article>> ArticleStore::by_id(Id id) {
    auto found = load("WHERE a.id = $1", {id});
    if (!found) return found.error();
    if (found->empty()) return std::optional<Article>{};
    return std::optional<Article>{std::move(found->front())};
}

Result<std::vector<Article>> ArticleStore::by_ids(const std::vector<Id>& ids, Columns columns,
                                                  Details details) {
    if (ids.empty()) return std::vector<Article>{};
    Params params;
    const std::string match = id_match(ids, params);
    return load("WHERE a.id" + match + " ORDER BY a.id", params, columns, details);
}

Result<std::vector<Article>> ArticleStore::by_ids_in_order(const std::vector<Id>& ids,
                                                           Columns columns, Details details) {
    auto found = by_ids(ids, columns, details);
    if (!found) return found.error();
    std::vector<Article> out;
    out.reserve(found->size());
    for (const auto id : ids)
        for (auto& a : *found)
            if (a.id == id) out.push_back(std::move(a));
    return out;
}

Result<std::map<Id, std::vector<Id>>> ArticleStore::tag_ids_of(const std::vector<Id>& ids) {
    std::map<Id, std::vector<Id>> out;
    if (ids.empty()) return out;
    Params params;
    const std::string match = id_match(ids, params);
    auto rows = c_.query("SELECT article_id, tag_id FROM article_tags WHERE article_id" + match +
                             " ORDER BY article_id, position",
                         params);
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
        auto& tags = out[r.integer(0)];
        if (std::find(tags.begin(), tags.end(), r.integer(1)) == tags.end())
            tags.push_back(r.integer(1));
    }
    return out;
}

Result<std::vector<Id>> ArticleStore::ids_after(Id after, int limit) {
    auto rows = c_.query("SELECT id FROM articles WHERE id > $1 ORDER BY id LIMIT $2",
                         {after, std::int64_t{limit}});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::int64_t> ArticleStore::count_all() {
    auto rows = c_.query("SELECT COUNT(*) FROM articles");
    if (!rows) return rows.error();
    return rows->front().integer(0);
}

Result<std::optional<Article>> ArticleStore::visible_by_slug(Id site_id, const std::string& slug,
                                                             UnixTime now, Columns columns) {
    auto found = load("WHERE a.site_id = $1 AND " + visible_condition + " AND a.slug = $3",
                      {site_id, now, slug}, columns);
    if (!found) return found.error();
    if (found->empty()) return std::optional<Article>{};
    return std::optional<Article>{std::move(found->front())};
}

Result<bool> ArticleStore::unchanged(const Article& kept, UnixTime now) {
    static const std::string sql =
        "SELECT 1 FROM articles a WHERE a.id = $1 AND " + visible_condition +
        " AND a.revision = $3 AND a.updated_at = $4 AND a.comments_open = $5";
    auto rows = c_.query(sql, {kept.id, now, kept.revision, kept.updated_at,
                               std::int64_t{kept.comments_open ? 1 : 0}});
    if (!rows) return rows.error();
    return !rows->empty();
}

Result<std::vector<Article>> ArticleStore::list_visible(const ArticleFilter& filter, UnixTime now,
                                                        int limit, const ListingPage& page,
                                                        Details details, Columns columns) {
    Params params;
    const std::string clause = listing_clause(filter, now, limit, page, params);
    auto articles = load(clause, params, columns, details);
    if (articles && page.from == ListingPage::From::NewerThan)
        std::reverse(articles->begin(), articles->end());
    return articles;
}

Result<std::vector<Id>> ArticleStore::list_visible_ids(const ArticleFilter& filter, UnixTime now,
                                                       int limit, const ListingPage& page) {
    Params params;
    auto rows = c_.query(
        "SELECT a.id FROM articles a " + listing_clause(filter, now, limit, page, params), params);
    if (!rows) return rows.error();
    auto ids = ids_of(*rows);
    if (page.from == ListingPage::From::NewerThan) std::reverse(ids.begin(), ids.end());
    return ids;
}

Result<std::vector<Article>> ArticleStore::visible_in_id_span(Id site_id, UnixTime now, Id first_id,
                                                              Id end_id) {
    // The span walks the primary key: "+" keeps the site's listing index (which would walk every
    // story of the site) out of the planner's reach.
    return load("WHERE a.id >= $3 AND a.id < $4 AND +a.site_id = $1 AND " + visible_condition +
                    " ORDER BY a.id",
                {site_id, now, first_id, end_id}, Columns::Card, Details::Bare);
}

Result<std::vector<ArticleStore::IdSpan>> ArticleStore::visible_id_spans(Id site_id, UnixTime now,
                                                                         std::int64_t span_length) {
    // Integer division in both backends; a story's last change is its update or, scheduled
    // after its last edit, its publication.
    auto rows = c_.query(
        "SELECT a.id / $3 AS span, MAX(CASE WHEN a.updated_at > a.first_published_at THEN "
        "a.updated_at ELSE a.first_published_at END) FROM articles a WHERE a.site_id = $1 AND " +
            visible_condition + " GROUP BY span ORDER BY span",
        {site_id, now, span_length});
    if (!rows) return rows.error();
    std::vector<IdSpan> spans;
    spans.reserve(rows->size());
    for (const auto& r : *rows) spans.push_back({r.integer(0), r.integer(1)});
    return spans;
}

Result<std::optional<ListingPosition>> ArticleStore::listed_position(Id site_id, Id id) {
    static const std::string sql =
        "SELECT first_published_at FROM articles WHERE id = $1 AND site_id = $2 AND " +
        listed_sql("status") + " AND first_published_at IS NOT NULL";
    auto rows = c_.query(sql, {id, site_id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<ListingPosition>{};
    return std::optional<ListingPosition>{ListingPosition{rows->front().integer(0), id}};
}

Result<std::vector<Id>> ArticleStore::related_ids(const Article& article, UnixTime now, int limit) {
    auto rows = c_.query(
        // The story's list in order, from one index that also holds when each related story is
        // listed from (migrations/*/0033): looking the stories themselves up had SQLite follow
        // each one's bodies to its status.
        "SELECT related_id FROM related_stories WHERE article_id = $1 AND related_listed_at <= $2 "
        "ORDER BY weight DESC, related_id DESC LIMIT $3",
        {article.id, now, std::int64_t{limit}});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::int64_t> ArticleStore::count_listed(Id site_id) {
    // Kept by triggers (migrations/*/0036).
    auto rows = c_.query("SELECT stories FROM site_listed_counts WHERE site_id = $1", {site_id});
    if (!rows) return rows.error();
    return rows->empty() ? 0 : rows->front().integer(0);
}

Result<std::map<Id, std::int64_t>> ArticleStore::count_listed_by_tag(
    const std::vector<Id>& tag_ids) {
    std::map<Id, std::int64_t> out;
    if (tag_ids.empty()) return out;
    for (const auto tag : tag_ids) out[tag] = 0;
    Params params;
    auto rows = c_.query(
        "SELECT tag_id, stories FROM tag_listed_counts WHERE tag_id" + id_match(tag_ids, params),
        params);
    if (!rows) return rows.error();
    for (const auto& r : *rows) out[r.integer(0)] = r.integer(1);
    return out;
}

Result<std::vector<Id>> ArticleStore::tag_neighbours(const Article& article, UnixTime now,
                                                     int per_tag) {
    std::vector<Id> out;
    for (const auto& tag : article.tags) {
        auto rows = c_.query(
            "SELECT t.article_id FROM article_tags t WHERE t.tag_id = $1 AND t.listed_at IS NOT "
            "NULL AND t.listed_at <= $2 AND t.article_id <> $3 "
            "ORDER BY t.listed_at DESC, t.article_id DESC LIMIT $4",
            {tag.id, now, article.id, std::int64_t{per_tag}});
        if (!rows) return rows.error();
        for (const auto& r : *rows)
            if (std::find(out.begin(), out.end(), r.integer(0)) == out.end())
                out.push_back(r.integer(0));
    }
    return out;
}

}  // namespace dateline::storage
