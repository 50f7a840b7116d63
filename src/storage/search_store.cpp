#include "storage/search_store.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_set>

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

// The terms of a text joined() with spaces.
std::vector<std::string> split_terms(const std::string& text) {
    std::vector<std::string> terms;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = std::min(text.find(' ', at), text.size());
        if (end > at) terms.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return terms;
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

// --- SQLite's index in order of publication (migrations/sqlite/0035) ---

// A story's rowid in SQLite's index tables: its publication time, then its id, so that FTS5,
// which gives matches in rowid order, gives them newest first. Never published: time 0, last.
constexpr int key_id_bits = 31;
constexpr std::int64_t key_id_mask = (std::int64_t{1} << key_id_bits) - 1;
constexpr std::int64_t key_time_max = (std::int64_t{1} << 32) - 1;
const std::string key_of_a = "(min(max(coalesce(a.first_published_at, 0), 0), " +
                             std::to_string(key_time_max) + ") << " + std::to_string(key_id_bits) +
                             ") | a.id";
// The article a row of the index is (the key's low bits).
const std::string article_of_row = "(s.rowid & " + std::to_string(key_id_mask) + ")";

// The largest key of a story published by `now`: a search's upper bound, past which lie the
// stories scheduled for later.
std::int64_t newest_key(UnixTime now) {
    return (std::clamp<std::int64_t>(now, 0, key_time_max) << key_id_bits) | key_id_mask;
}

// The index tables, one per tier of a match (SearchStore::find): the headline, then the
// headline and summary, then the whole story. A column filter on the whole story's table
// would walk every story holding the term; each table of its own walks its own matches only.
constexpr std::array<std::string_view, 3> tier_tables{"search_index_headlines",
                                                      "search_index_leads", "search_index"};
constexpr std::string_view whole_story_table = tier_tables.back();

// A tier's matches ($3) on the site ($1), visible by now ($2), newest first from key $4 down,
// $5 of them, each story by key; `leave_out`: none whose whole story matches $6. CROSS JOIN
// keeps the index first: left to itself, the planner walked the site's listing and matched each
// of its stories (130 ms at 10,000 a site).
std::string tier_statement(std::string_view table, bool leave_out) {
    std::string sql = "SELECT a.id FROM ";
    sql.append(table).append(" s CROSS JOIN articles a ON a.id = ").append(article_of_row);
    sql.append(" WHERE s.").append(table).append(" MATCH $3 AND s.rowid <= $4 AND ");
    sql.append(visible);
    if (leave_out)
        sql.append(" AND NOT EXISTS (SELECT 1 FROM search_index left_out WHERE ")
            .append("left_out.search_index MATCH $6 AND left_out.rowid = s.rowid)");
    sql.append(" ORDER BY s.rowid DESC LIMIT $5");
    return sql;
}

}  // namespace

Status SearchStore::put(Id article_id, const SearchDocument& whole, int analysis) {
    const SearchDocument document = within_positions(whole);
    const bool postgres = c_.backend() == "postgres";
    if (!postgres && (article_id <= 0 || article_id > key_id_mask))
        return Error::invalid("Article " + std::to_string(article_id) +
                              " is beyond what the search index can key.");
    auto before =
        c_.query("SELECT key_terms FROM search_documents WHERE article_id = $1", {article_id});
    if (!before) return before.error();
    if (auto counted = recount_terms(before->empty() ? "" : before->front().text(0), whole.key);
        !counted)
        return counted;
    if (postgres) {
        auto written = c_.execute(
            "INSERT INTO search_documents (article_id, analysis, terms, key_terms) VALUES ($1, "
            "$2, $3::tsvector, $4) ON CONFLICT (article_id) DO UPDATE SET analysis = "
            "excluded.analysis, terms = excluded.terms, key_terms = excluded.key_terms",
            {article_id, std::int64_t{analysis}, pg_tsvector(document), joined(whole.key, " ")});
        if (!written) return written.error();
        return success();
    }
    // The story's rows go with its document (the trigger of 0035) and come back under its key.
    if (auto removed =
            c_.execute("DELETE FROM search_documents WHERE article_id = $1", {article_id});
        !removed)
        return removed.error();
    auto keyed = c_.query(
        "INSERT INTO search_documents (article_id, analysis, key_terms, search_key) "
        "SELECT a.id, $2, $3, " +
            key_of_a + " FROM articles a WHERE a.id = $1 RETURNING search_key",
        {article_id, std::int64_t{analysis}, joined(whole.key, " ")});
    if (!keyed) return keyed.error();
    if (keyed->empty()) return Error::not_found("The article does not exist.");
    const std::int64_t key = keyed->front().integer(0);
    const std::string headline = joined(document.headline, " ");
    const std::string summary = joined(document.summary, " ");
    if (auto written = c_.execute(
            "INSERT INTO search_index (rowid, headline, summary, body) VALUES ($1, $2, $3, $4)",
            {key, headline, summary, joined(document.body, " ")});
        !written)
        return written.error();
    if (auto written = c_.execute(
            "INSERT INTO search_index_leads (rowid, headline, summary) VALUES ($1, $2, $3)",
            {key, headline, summary});
        !written)
        return written.error();
    if (auto written =
            c_.execute("INSERT INTO search_index_headlines (rowid, headline) VALUES ($1, $2)",
                       {key, headline});
        !written)
        return written.error();
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
    if (terms.required.empty() || limit <= 0) return std::vector<Id>{};
    if (c_.backend() == "postgres") {
        std::string match = pg_all(terms.required, "");
        for (const auto& p : terms.excluded) match += " & !" + pg_phrase(p, "");
        // The index first, then the stories it names by key, as on SQLite: left to itself,
        // the planner walked the site's whole listing when its statistics said that was cheap.
        auto rows = c_.query(
            "WITH d AS MATERIALIZED (SELECT article_id, terms FROM search_documents "
            "WHERE terms @@ $3::tsquery) "
            "SELECT a.id FROM d JOIN articles a ON a.id = d.article_id WHERE " +
                visible +
                " ORDER BY CASE WHEN d.terms @@ $4::tsquery THEN 2 WHEN d.terms @@ $5::tsquery "
                "THEN 1 ELSE 0 END DESC, a.first_published_at DESC, a.id DESC LIMIT $6 OFFSET $7",
            {site_id, now, match, pg_all(terms.required, "A"), pg_all(terms.required, "AB"),
             std::int64_t{limit}, std::int64_t{offset}});
        if (!rows) return rows.error();
        return ids_of(*rows);
    }
    // Each tier's table newest first, the best tier first, until the page is full: what it
    // reads follows the page asked for, not how many stories match. A tier's matches include
    // the better tiers' (a headline is in the headline and summary too), so each tier reads as
    // many as the page needs in all and leaves those already ranked.
    const std::size_t wanted = std::size_t(offset) + std::size_t(limit);
    const std::string required = fts5_all(terms.required, " AND ");
    const std::string excluded = terms.excluded.empty() ? "" : fts5_all(terms.excluded, " OR ");
    std::vector<Id> ranked;
    std::unordered_set<Id> seen;
    for (const auto table : tier_tables) {
        if (ranked.size() >= wanted) break;
        // The whole story's table leaves out what it matches itself; the others ask it.
        const bool whole = table == whole_story_table;
        const bool leave_out = !whole && !excluded.empty();
        std::string match = required;
        if (whole && !excluded.empty()) match.append(" NOT ").append(excluded);
        Params params{site_id, now, std::move(match), newest_key(now), std::int64_t(wanted)};
        if (leave_out) params.emplace_back(excluded);
        auto rows = c_.query(tier_statement(table, leave_out), params);
        if (!rows) return rows.error();
        for (const auto& r : *rows) {
            if (ranked.size() >= wanted) break;
            if (seen.insert(r.integer(0)).second) ranked.push_back(r.integer(0));
        }
    }
    if (ranked.size() <= std::size_t(offset)) return std::vector<Id>{};
    return std::vector<Id>(ranked.begin() + offset, ranked.end());
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
            visible + " ORDER BY a.first_published_at DESC, a.id DESC LIMIT $4";
    } else {
        params.emplace_back(fts5_all(words, " OR "));
        params.emplace_back(newest_key(now));
        // The headline and summary's index newest first, stopping at the limit.
        sql = "SELECT a.id FROM search_index_leads s CROSS JOIN articles a ON a.id = " +
              article_of_row + " WHERE s.search_index_leads MATCH $3 AND s.rowid <= $4 AND " +
              visible + " ORDER BY s.rowid DESC LIMIT $5";
    }
    params.emplace_back(std::int64_t{limit});
    auto rows = c_.query(sql, params);
    if (!rows) return rows.error();
    return ids_of(*rows);
}

Result<std::map<std::string, std::int64_t>> SearchStore::frequencies(
    const std::vector<std::string>& terms) {
    std::map<std::string, std::int64_t> out;
    for (const auto& term : terms) {
        auto rows = c_.query("SELECT stories FROM search_term_counts WHERE term = $1", {term});
        if (!rows) return rows.error();
        out[term] = rows->empty() ? 0 : rows->front().integer(0);
    }
    return out;
}

Status SearchStore::recount_terms(const std::string& before,
                                  const std::vector<std::string>& after) {
    std::set<std::string> gone;
    for (auto& term : split_terms(before)) gone.insert(std::move(term));
    std::set<std::string> come;
    for (const auto& term : after)
        if (gone.erase(term) == 0) come.insert(term);
    // In the terms' order: the same rows are always written in the same order.
    for (const auto& term : gone) {
        if (auto done = c_.execute(
                "UPDATE search_term_counts SET stories = stories - 1 WHERE term = $1", {term});
            !done)
            return done.error();
        if (auto done = c_.execute(
                "DELETE FROM search_term_counts WHERE term = $1 AND stories <= 0", {term});
            !done)
            return done.error();
    }
    for (const auto& term : come)
        if (auto done = c_.execute(
                "INSERT INTO search_term_counts (term, stories) VALUES ($1, 1) ON CONFLICT (term) "
                "DO UPDATE SET stories = search_term_counts.stories + 1",
                {term});
            !done)
            return done.error();
    return success();
}

Result<std::map<Id, std::vector<std::string>>> SearchStore::key_terms(const std::vector<Id>& ids) {
    std::map<Id, std::vector<std::string>> out;
    if (ids.empty()) return out;
    Params params;
    const std::string match = id_match(ids, params);
    auto rows = c_.query(
        "SELECT article_id, key_terms FROM search_documents WHERE article_id" + match, params);
    if (!rows) return rows.error();
    for (const auto& r : *rows) out[r.integer(0)] = split_terms(r.text(1));
    return out;
}

}  // namespace dateline::storage
