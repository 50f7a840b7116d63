#include "storage/search_store.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
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

// A phrase as a tsquery: its lexemes one after the other.
std::string pg_phrase(const std::vector<std::string>& terms) {
    std::string out;
    for (const auto& term : terms) {
        if (!out.empty()) out += " <-> ";
        out += pg_lexeme(term);
    }
    return "(" + out + ")";
}

// Phrases as a tsquery joined by `joiner` (" & ", " | ").
std::string pg_joined(const std::vector<std::vector<std::string>>& phrases,
                      std::string_view joiner) {
    std::string out;
    for (const auto& p : phrases) {
        if (!out.empty()) out += joiner;
        out += pg_phrase(p);
    }
    return out;
}

const std::string visible =
    "a.site_id = $1 AND " + listed_sql("a.status") + " AND a.first_published_at <= $2";

// --- The index in order of publication ---

// A story's key: its publication time, then its id, in one integer, time × 2^31 + id, so that an
// index in key order is in order of publication. The time is signed, so that stories dated before
// 1970 (an archive's) keep their order, and held to 1833–2106, which fills the 64 bits; a story
// never published has the earliest time, last of all newest first. Ids stay below 2^31 (`put`
// refuses others). SQLite's index tables have it as rowid, since FTS5 gives matches in rowid
// order (migrations/sqlite/0039); PostgreSQL's search_documents keep it in search_key
// (migrations/postgres/0039).
constexpr int key_id_bits = 31;
constexpr std::int64_t key_id_mask = (std::int64_t{1} << key_id_bits) - 1;
constexpr std::int64_t key_time_min = -(std::int64_t{1} << 32);
constexpr std::int64_t key_time_max = (std::int64_t{1} << 32) - 1;

// The key's SQL for the story `a`, with each backend's spelling of min and max.
std::string key_sql(std::string_view least, std::string_view greatest) {
    const auto earliest = std::to_string(key_time_min);
    return std::string(least) + "(" + std::string(greatest) + "(coalesce(a.first_published_at, " +
           earliest + "), " + earliest + "), " + std::to_string(key_time_max) + ") * " +
           std::to_string(key_id_mask + 1) + " + a.id";
}
const std::string key_of_a = key_sql("min", "max");
const std::string pg_key_of_a = key_sql("LEAST", "GREATEST");
// The article a row of SQLite's index is (the key's low bits, in two's complement).
const std::string article_of_row = "(s.rowid & " + std::to_string(key_id_mask) + ")";

// The largest key of a story published by `now`: a search's upper bound, past which lie the
// stories scheduled for later.
std::int64_t newest_key(UnixTime now) {
    return std::clamp<std::int64_t>(now, key_time_min, key_time_max) * (key_id_mask + 1) +
           key_id_mask;
}

// --- PostgreSQL's windows of the newest stories (migrations/postgres/0037) ---

// The tsvector of each tier of a match, as tier_tables: the headline, the headline and
// standfirst, the whole story. They share a GIN index with the site and the key beside them.
constexpr std::array<std::string_view, 3> tier_columns{"headline_terms", "lead_terms", "terms"};

// GIN gives matches in no order, so PostgreSQL reads a search in windows of the site's newest
// stories. A window that holds the matches asked for answers exactly (every story newer than its
// oldest is in it), and the index finds a window's matches by the key's range, at a cost that
// follows the window, not the archive. The first window holds `first_window_factor` times the
// stories asked for. One that holds too few sizes the next by the matches it found (half as
// many again as they say it needs, at least twice as large), unless reading every match of the
// site costs less: by what the window held, the site has `stories × found / window` of them,
// and a match read costs about `match_cost` times a story of a window (measured: 0.65 ms for a
// window of 4,096 and its start, about a microsecond and a half a match). A window that held
// none, or one past `largest_window`, gives way to every match too: a word that rare in the
// newest stories likely has few in all (the case it misreads: a word common long ago and rare
// since).
constexpr std::size_t first_window_factor = 16;
constexpr std::size_t largest_window = 4096;
constexpr std::size_t match_cost = 6;

// What windows of a site's newest stories need: how many stories it lists, and where a window of
// so many starts (the key of its oldest story). A start is found by the statement that reads its
// window (window_start_sql) and kept for the next tier; the count is read only when a window held
// too few, to size the next.
class WindowStarts {
  public:
    WindowStarts(db::Connection& c, Id site_id) : c_(c), site_id_(site_id) {}

    // The site's listed stories (site_listed_counts, kept by triggers).
    Result<std::size_t> stories() {
        if (stories_) return *stories_;
        auto rows =
            c_.query("SELECT stories FROM site_listed_counts WHERE site_id = $1", {site_id_});
        if (!rows) return rows.error();
        stories_ =
            rows->empty() ? 0 : std::size_t(std::max<std::int64_t>(0, rows->front().integer(0)));
        return *stories_;
    }

    // Where the window of `window` stories starts, if a statement has said: the key of its
    // oldest story, or none when the site has no more (the window is then all of them).
    const std::optional<std::int64_t>* known(std::size_t window) const {
        const auto found = starts_.find(window);
        return found == starts_.end() ? nullptr : &found->second;
    }
    void learn(std::size_t window, std::optional<std::int64_t> start) {
        starts_.emplace(window, start);
    }

  private:
    db::Connection& c_;
    Id site_id_;
    std::optional<std::size_t> stories_;
    std::map<std::size_t, std::optional<std::int64_t>> starts_;
};

// The key of the site's `$N`th newest visible story, none when it has fewer: the site's listing
// index walked from now down to the window's oldest story, unless the site's kept count says it
// lists no more stories than that (a filter decided before the walk: a small site, whose
// window is all of it, would walk its every story).
std::string window_start_sql(std::size_t offset_param) {
    const std::string offset = "$" + std::to_string(offset_param);
    return "SELECT " + pg_key_of_a + " AS start FROM articles a WHERE " + visible +
           " AND (SELECT stories FROM site_listed_counts WHERE site_id = $1) > " + offset +
           " ORDER BY a.first_published_at DESC, a.id DESC OFFSET " + offset + " LIMIT 1";
}

// The newest `wanted` of the site's visible stories whose `column` matches the tsquery `match`
// (and whose whole story does not match `excluded`, unless it is empty), read window by window
// until one holds them. The index first, then the matches newest first, each story by its key
// alone until enough are visible: joined plainly, the planner hashed the site's whole listing
// when its estimate of the matches was small (2 ms for 74 matches at 10,000 stories a site), and
// with the visibility test in the lookup's WHERE it could walk that listing for each match.
Result<std::vector<Id>> pg_newest_matching(db::Connection& c, WindowStarts& starts, Id site_id,
                                           UnixTime now, std::string_view column,
                                           const std::string& match, const std::string& excluded,
                                           std::size_t wanted) {
    const std::size_t first = first_window_factor * wanted;
    const std::size_t largest = std::max(first, largest_window);
    // Window 0 is the whole site.
    for (std::size_t window = first;;) {
        const std::optional<std::int64_t>* known = window > 0 ? starts.known(window) : nullptr;
        // A window whose start is known to be none holds the whole site.
        if (known && !*known) window = 0;
        const bool windowed = window > 0;
        Params params{site_id, now, match, std::int64_t(wanted)};
        // The window's start, which bounds the index scan of the words and which each row
        // reports, so that the next tier need not ask; the statement finds it (`prelude`) when
        // no statement has said it yet.
        std::string start = "NULL::bigint";
        std::string prelude;
        if (windowed && known) {
            params.emplace_back(**known);
            start = "$" + std::to_string(params.size()) + "::bigint";
        } else if (windowed) {
            params.emplace_back(std::int64_t(window - 1));
            prelude = "s AS MATERIALIZED (" + window_start_sql(params.size()) + "), ";
            start = "(SELECT start FROM s)";
        }
        std::string left_out;
        if (!excluded.empty()) {
            params.emplace_back(excluded);
            left_out = " AND NOT terms @@ $" + std::to_string(params.size()) + "::tsquery";
        }
        const std::string matching = "SELECT article_id, search_key FROM search_documents WHERE " +
                                     std::string(column) + " @@ $3::tsquery AND site_id = $1";
        // The newest `wanted` visible stories of the matches `found`.
        const auto newest_of = [&](std::string_view found) {
            std::string newest = "SELECT d.article_id, ";
            newest.append(start)
                .append(" FROM (SELECT article_id, search_key FROM ")
                .append(found)
                .append(" ORDER BY search_key DESC) d CROSS JOIN LATERAL (SELECT ")
                .append(visible)
                .append(
                    " AS shown FROM articles a WHERE a.id = d.article_id LIMIT 1) v WHERE "
                    "v.shown ORDER BY d.search_key DESC LIMIT $4");
            return newest;
        };
        std::string sql = "WITH " + prelude + "d AS MATERIALIZED (";
        sql.append(matching);
        if (windowed) sql.append(" AND search_key >= ").append(start);
        sql.append(left_out).append(")");
        if (windowed) {
            // A window that holds no match at all is answered from every match of the site in
            // the same statement, and says so with story 0: a word nothing holds, or none of the
            // newest stories do, costs one round trip a tier. The site's matches are read only
            // then (the filter is decided before its branch runs): GIN gives no match before it
            // has them all. A site of fewer stories than the window has no start, so its window
            // holds nothing and every match answers: the whole site, in one statement.
            sql.append(", every AS MATERIALIZED (")
                .append(matching)
                .append(left_out)
                .append(") (")
                .append(newest_of("d"))
                .append(") UNION ALL (SELECT e.article_id, e.start FROM (")
                .append(newest_of("every"))
                .append(
                    ") e (article_id, start) WHERE NOT EXISTS (SELECT 1 FROM d)) UNION ALL "
                    "SELECT 0, ")
                .append(start)
                .append(" WHERE NOT EXISTS (SELECT 1 FROM d)");
        } else {
            sql.append(" ").append(newest_of("d"));
        }
        auto rows = c.query(sql, params);
        if (!rows) return rows.error();
        if (windowed && !known && !rows->empty())
            starts.learn(window, rows->front().optional_integer(1));
        auto ids = ids_of(*rows);
        if (const auto every = std::find(ids.begin(), ids.end(), Id{0}); every != ids.end()) {
            ids.erase(every);
            return ids;
        }
        if (!windowed || ids.size() >= wanted) return ids;
        // A window that what this one held says is enough, or the whole site (window 0).
        const std::size_t found = ids.size();
        std::size_t next = 0;
        if (found > 0) {
            auto stories = starts.stories();
            if (!stories) return stories.error();
            next = std::max(2 * window, window * (3 * wanted) / (2 * found));
            const std::size_t matches = *stories * found / window;  // the site's, by this window
            if (next > largest || next >= *stories || matches * match_cost < next) next = 0;
        }
        window = next;
    }
}

// The index tables, one per tier of a match (SearchStore::find): the headline, then the
// headline and summary, then the whole story. A column filter on the whole story's table
// would walk every story holding the term; each table of its own walks its own matches only.
constexpr std::array<std::string_view, 3> tier_tables{"search_index_headlines",
                                                      "search_index_leads", "search_index"};

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
    if (article_id <= 0 || article_id > key_id_mask)
        return Error::invalid("Article " + std::to_string(article_id) +
                              " is beyond what the search index can key.");
    auto before =
        c_.query("SELECT key_terms FROM search_documents WHERE article_id = $1", {article_id});
    if (!before) return before.error();
    if (auto counted = recount_terms(before->empty() ? "" : before->front().text(0), whole.key);
        !counted)
        return counted;
    if (postgres) {
        const SearchDocument headline{document.headline, {}, {}, {}};
        const SearchDocument lead{document.headline, document.summary, {}, {}};
        auto written = c_.query(
            "INSERT INTO search_documents (article_id, analysis, terms, key_terms, "
            "headline_terms, lead_terms, site_id, search_key) SELECT a.id, $2, $3::tsvector, $4, "
            "$5::tsvector, $6::tsvector, a.site_id, " +
                pg_key_of_a +
                " FROM articles a WHERE a.id = $1 ON CONFLICT (article_id) DO UPDATE SET "
                "analysis = excluded.analysis, terms = excluded.terms, key_terms = "
                "excluded.key_terms, headline_terms = excluded.headline_terms, lead_terms = "
                "excluded.lead_terms, site_id = excluded.site_id, search_key = "
                "excluded.search_key RETURNING article_id",
            {article_id, std::int64_t{analysis}, pg_tsvector(document), joined(whole.key, " "),
             pg_tsvector(headline), pg_tsvector(lead)});
        if (!written) return written.error();
        if (written->empty()) return Error::not_found("The article does not exist.");
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

Result<bool> SearchStore::any_stale(int analysis) {
    // A document belongs to an article (its key refers to it, deleted with it), so as many
    // documents as articles means none is missing. `<>` would walk the whole index; two ranges
    // do not.
    auto rows = c_.query(
        "SELECT CASE WHEN (SELECT COUNT(*) FROM articles) <> "
        "(SELECT COUNT(*) FROM search_documents) "
        "OR EXISTS (SELECT 1 FROM search_documents WHERE analysis < $1) "
        "OR EXISTS (SELECT 1 FROM search_documents WHERE analysis > $1) THEN 1 ELSE 0 END",
        {std::int64_t{analysis}});
    if (!rows) return rows.error();
    return rows->front().integer(0) != 0;
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
    // Each tier newest first, the best tier first, until the page is full: what it reads
    // follows the page asked for, not how many stories match. A tier's matches include the
    // better tiers' (a headline is in the headline and summary too), so each tier reads as many
    // as the page needs in all and leaves those already ranked.
    const std::size_t wanted = std::size_t(offset) + std::size_t(limit);
    const bool postgres = c_.backend() == "postgres";
    const std::string required =
        postgres ? pg_joined(terms.required, " & ") : fts5_all(terms.required, " AND ");
    const std::string excluded = terms.excluded.empty() ? ""
                                 : postgres             ? pg_joined(terms.excluded, " | ")
                                                        : fts5_all(terms.excluded, " OR ");
    WindowStarts windows(c_, site_id);
    // The tier's newest `wanted` matches. The whole story's tier leaves out what it matches
    // itself; the others ask the whole story.
    const auto tier = [&](std::size_t i) -> Result<std::vector<Id>> {
        const bool whole = i + 1 == tier_tables.size();
        if (postgres) {
            const std::string match =
                whole && !excluded.empty() ? required + " & !(" + excluded + ")" : required;
            return pg_newest_matching(c_, windows, site_id, now, tier_columns[i], match,
                                      whole ? "" : excluded, wanted);
        }
        const bool leave_out = !whole && !excluded.empty();
        std::string match = required;
        if (whole && !excluded.empty()) match.append(" NOT ").append(excluded);
        Params params{site_id, now, std::move(match), newest_key(now), std::int64_t(wanted)};
        if (leave_out) params.emplace_back(excluded);
        auto rows = c_.query(tier_statement(tier_tables[i], leave_out), params);
        if (!rows) return rows.error();
        return ids_of(*rows);
    };
    // Read the headline first; when it holds too few, the whole story next, whose matches hold
    // every tier's: when it has none there is nothing more to rank, so a search that finds
    // nothing reads two tiers, not three.
    std::array<std::vector<Id>, tier_tables.size()> found;
    for (const std::size_t i : {std::size_t{0}, tier_tables.size() - 1, std::size_t{1}}) {
        auto read = tier(i);
        if (!read) return read.error();
        found[i] = std::move(*read);
        if (i == 0 ? found[i].size() >= wanted : found[i].empty()) break;
    }
    std::vector<Id> ranked;
    std::unordered_set<Id> seen;
    for (const auto& tier_found : found)
        for (const Id id : tier_found) {
            if (ranked.size() >= wanted) break;
            if (seen.insert(id).second) ranked.push_back(id);
        }
    if (ranked.size() <= std::size_t(offset)) return std::vector<Id>{};
    return std::vector<Id>(ranked.begin() + offset, ranked.end());
}

Result<std::vector<Id>> SearchStore::newest_with_any(Id site_id, UnixTime now,
                                                     const std::vector<std::string>& terms,
                                                     int limit) {
    if (terms.empty() || limit <= 0) return std::vector<Id>{};
    std::vector<std::vector<std::string>> words;
    words.reserve(terms.size());
    for (const auto& t : terms) words.push_back({t});
    if (c_.backend() == "postgres") {
        WindowStarts windows(c_, site_id);
        return pg_newest_matching(c_, windows, site_id, now, tier_columns[1],
                                  pg_joined(words, " | "), "", std::size_t(limit));
    }
    // The headline and summary's index newest first, stopping at the limit.
    auto rows = c_.query(
        "SELECT a.id FROM search_index_leads s CROSS JOIN articles a ON a.id = " + article_of_row +
            " WHERE s.search_index_leads MATCH $3 AND s.rowid <= $4 AND " + visible +
            " ORDER BY s.rowid DESC LIMIT $5",
        {site_id, now, fts5_all(words, " OR "), newest_key(now), std::int64_t{limit}});
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
