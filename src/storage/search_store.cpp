#include "storage/search_store.hpp"

#include <algorithm>
#include <map>

#include "storage/id_list.hpp"
#include "storage/listed_sql.hpp"

namespace dateline::storage {

namespace {

using db::Params;
using domain::Id;

// The document as both backends index it: each part's terms until the positions run out, a
// position left empty between parts (PostgreSQL numbers positions across the whole document).
SearchDocument within_positions(const SearchDocument& document) {
    SearchDocument kept;
    std::size_t position = 1;
    const auto take = [&](const std::vector<std::string>& from, std::vector<std::string>& into) {
        for (const auto& term : from) {
            if (position > SearchStore::max_positions) return;
            into.push_back(term);
            ++position;
        }
        ++position;
    };
    take(document.headline, kept.headline);
    take(document.summary, kept.summary);
    take(document.body, kept.body);
    return kept;
}

std::string joined(const std::vector<std::string>& terms, std::string_view separator) {
    std::string out;
    for (const auto& t : terms) {
        if (!out.empty()) out += separator;
        out += t;
    }
    return out;
}

// --- SQLite FTS5 ---

// A phrase as an FTS5 string: its terms in double quotes (a quote inside doubled; the analysis
// leaves none), which the table's tokenizer splits at the spaces only.
std::string fts5_phrase(const std::vector<std::string>& terms) {
    std::string out = "\"";
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0) out += ' ';
        for (const char c : terms[i]) {
            if (c == '"') out += '"';
            out += c;
        }
    }
    return out + "\"";
}

std::string fts5_all(const std::vector<std::vector<std::string>>& phrases, const char* joiner) {
    std::string out;
    for (const auto& p : phrases) {
        if (!out.empty()) out += joiner;
        out += fts5_phrase(p);
    }
    return "(" + out + ")";
}

// --- PostgreSQL tsvector and tsquery literals ---

std::string pg_lexeme(const std::string& term) {
    std::string out = "'";
    for (const char c : term) {
        if (c == '\'' || c == '\\') out += c == '\'' ? '\'' : '\\';
        out += c;
    }
    return out + "'";
}

// Headline A, summary B, body D (the default, written without a letter).
std::string pg_tsvector(const SearchDocument& document) {
    std::map<std::string, std::string> positions;
    std::size_t position = 1;
    const auto add = [&](const std::vector<std::string>& terms, const char* weight) {
        for (const auto& term : terms) {
            auto& list = positions[term];
            if (!list.empty()) list += ',';
            list += std::to_string(position++) + weight;
        }
        ++position;
    };
    add(document.headline, "A");
    add(document.summary, "B");
    add(document.body, "");
    std::string out;
    for (const auto& [term, list] : positions) {
        if (!out.empty()) out += ' ';
        out += pg_lexeme(term) + ':' + list;
    }
    return out;
}

// Phrases as a tsquery, each lexeme restricted to the parts `weights` names (none: any).
std::string pg_phrase(const std::vector<std::string>& terms, const std::string& weights) {
    std::string out;
    for (const auto& term : terms) {
        if (!out.empty()) out += " <-> ";
        out += pg_lexeme(term);
        if (!weights.empty()) out += ':' + weights;
    }
    return "(" + out + ")";
}

std::string pg_all(const std::vector<std::vector<std::string>>& phrases,
                   const std::string& weights) {
    std::string out;
    for (const auto& p : phrases) {
        if (!out.empty()) out += " & ";
        out += pg_phrase(p, weights);
    }
    return out;
}

const std::string visible =
    "a.site_id = $1 AND " + listed_sql("a.status") + " AND a.first_published_at <= $2";

}  // namespace

Status SearchStore::put(Id article_id, const SearchDocument& whole, int analysis) {
    const SearchDocument document = within_positions(whole);
    if (c_.backend() == "postgres") {
        auto written = c_.execute(
            "INSERT INTO search_documents (article_id, analysis, terms, key_terms) VALUES ($1, "
            "$2, $3::tsvector, $4) ON CONFLICT (article_id) DO UPDATE SET analysis = "
            "excluded.analysis, terms = excluded.terms, key_terms = excluded.key_terms",
            {article_id, std::int64_t{analysis}, pg_tsvector(document), joined(whole.key, " ")});
        if (!written) return written.error();
        return success();
    }
    if (auto removed = c_.execute("DELETE FROM search_index WHERE rowid = $1", {article_id});
        !removed)
        return removed.error();
    if (auto written = c_.execute(
            "INSERT INTO search_index (rowid, headline, summary, body) VALUES ($1, $2, $3, $4)",
            {article_id, joined(document.headline, " "), joined(document.summary, " "),
             joined(document.body, " ")});
        !written)
        return written.error();
    if (auto noted = c_.execute(
            "INSERT INTO search_documents (article_id, analysis, key_terms) VALUES ($1, $2, $3) "
            "ON CONFLICT (article_id) DO UPDATE SET analysis = excluded.analysis, "
            "key_terms = excluded.key_terms",
            {article_id, std::int64_t{analysis}, joined(whole.key, " ")});
        !noted)
        return noted.error();
    return success();
}

Result<std::vector<Id>> SearchStore::stale(int analysis, Id after_id, int limit) {
    auto rows = c_.query(
        "SELECT a.id FROM articles a LEFT JOIN search_documents d ON d.article_id = a.id "
        "WHERE a.id > $1 AND (d.article_id IS NULL OR d.analysis <> $2) ORDER BY a.id LIMIT $3",
        {after_id, std::int64_t{analysis}, std::int64_t{limit}});
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::vector<Id>> SearchStore::still_stale(int analysis, const std::vector<Id>& ids) {
    if (ids.empty()) return std::vector<Id>{};
    Params params{std::int64_t{analysis}};
    const std::string match = id_match(ids, params);
    auto rows = c_.query(
        "SELECT a.id FROM articles a LEFT JOIN search_documents d ON d.article_id = a.id "
        "WHERE a.id" +
            match + " AND (d.article_id IS NULL OR d.analysis <> $1) ORDER BY a.id",
        params);
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::vector<Id>> SearchStore::find(Id site_id, UnixTime now, const SearchTerms& terms,
                                          int limit, int offset) {
    if (terms.required.empty()) return std::vector<Id>{};
    Params params{site_id, now};
    std::string sql;
    if (c_.backend() == "postgres") {
        std::string match = pg_all(terms.required, "");
        for (const auto& p : terms.excluded) match += " & !" + pg_phrase(p, "");
        params.insert(params.end(),
                      {match, pg_all(terms.required, "A"), pg_all(terms.required, "AB")});
        // The index first, then the stories it names by key, as on SQLite: left to itself,
        // the planner walked the site's whole listing when its statistics said that was cheap.
        sql =
            "WITH d AS MATERIALIZED (SELECT article_id, terms FROM search_documents "
            "WHERE terms @@ $3::tsquery) "
            "SELECT a.id FROM d JOIN articles a ON a.id = d.article_id WHERE " +
            visible +
            " ORDER BY CASE WHEN d.terms @@ $4::tsquery THEN 2 WHEN d.terms @@ $5::tsquery "
            "THEN 1 ELSE 0 END DESC, a.first_published_at DESC, a.id DESC LIMIT $6 OFFSET $7";
    } else {
        const std::string required = fts5_all(terms.required, " AND ");
        std::string match = required;
        if (!terms.excluded.empty()) match += " NOT " + fts5_all(terms.excluded, " OR ");
        params.insert(params.end(),
                      {match, "{headline} : " + required, "{headline summary} : " + required});
        // The index first (CROSS JOIN fixes the order: left to itself, the planner walked the
        // site's listing and matched each of its stories, 130 ms at 10,000 a site), then the
        // stories by key. The tiers are sets of rowids made once for the statement.
        sql =
            "SELECT a.id FROM search_index CROSS JOIN articles a ON a.id = search_index.rowid "
            "WHERE search_index MATCH $3 AND " +
            visible +
            " ORDER BY CASE WHEN a.id IN (SELECT rowid FROM search_index WHERE search_index "
            "MATCH $4) THEN 2 WHEN a.id IN (SELECT rowid FROM search_index WHERE search_index "
            "MATCH $5) THEN 1 ELSE 0 END DESC, a.first_published_at DESC, a.id DESC "
            "LIMIT $6 OFFSET $7";
    }
    params.insert(params.end(), {std::int64_t{limit}, std::int64_t{offset}});
    auto rows = c_.query(sql, params);
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::vector<Id>> SearchStore::newest_with_any(Id site_id, UnixTime now,
                                                     const std::vector<std::string>& terms,
                                                     int limit) {
    if (terms.empty()) return std::vector<Id>{};
    std::vector<std::vector<std::string>> words;
    words.reserve(terms.size());
    for (const auto& t : terms) words.push_back({t});
    Params params{site_id, now};
    std::string sql;
    if (c_.backend() == "postgres") {
        std::string any;
        for (const auto& w : words) any += (any.empty() ? "" : " | ") + pg_phrase(w, "AB");
        params.emplace_back(any);
        sql =
            "WITH d AS MATERIALIZED (SELECT article_id FROM search_documents "
            "WHERE terms @@ $3::tsquery) "
            "SELECT a.id FROM d JOIN articles a ON a.id = d.article_id WHERE " +
            visible + " ORDER BY a.id DESC LIMIT $4";
    } else {
        params.emplace_back("{headline summary} : " + fts5_all(words, " OR "));
        // The index in descending rowid order, stopping at the limit.
        sql =
            "SELECT a.id FROM search_index CROSS JOIN articles a ON a.id = search_index.rowid "
            "WHERE search_index MATCH $3 AND " +
            visible + " ORDER BY search_index.rowid DESC LIMIT $4";
    }
    params.emplace_back(std::int64_t{limit});
    auto rows = c_.query(sql, params);
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::map<std::string, std::int64_t>> SearchStore::frequencies(
    const std::vector<std::string>& terms) {
    std::map<std::string, std::int64_t> out;
    const bool postgres = c_.backend() == "postgres";
    for (const auto& term : terms) {
        auto rows =
            postgres ? c_.query("SELECT COUNT(*) FROM search_documents WHERE terms @@ $1::tsquery",
                                {pg_phrase({term}, "AB")})
                     : c_.query("SELECT COUNT(*) FROM search_index WHERE search_index MATCH $1",
                                {"{headline summary} : " + fts5_phrase({term})});
        if (!rows) return rows.error();
        out[term] = rows->front().integer(0);
    }
    return out;
}

Result<std::map<Id, std::vector<std::string>>> SearchStore::key_terms(const std::vector<Id>& ids) {
    std::map<Id, std::vector<std::string>> out;
    if (ids.empty()) return out;
    Params params;
    const std::string match = id_match(ids, params);
    auto rows = c_.query(
        "SELECT article_id, key_terms FROM search_documents WHERE article_id" + match, params);
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
        auto& terms = out[r.integer(0)];
        const std::string text = r.text(1);
        for (std::size_t at = 0; at < text.size();) {
            const auto end = std::min(text.find(' ', at), text.size());
            if (end > at) terms.push_back(text.substr(at, end - at));
            at = end + 1;
        }
    }
    return out;
}

}  // namespace dateline::storage
