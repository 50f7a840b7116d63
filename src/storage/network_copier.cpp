#include "storage/network_copier.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "db/migrator.hpp"

namespace dateline::storage {

namespace {

constexpr std::int64_t batch_rows = 500;

struct Table {
    std::string_view name;
    std::string_view columns;
    std::string_view order;  // a total order, so batches neither skip nor repeat rows
    bool has_id;
};

// Parents before children, so foreign keys hold at every insert.
constexpr std::array<Table, 25> tables = {{
    {"networks", "id, slug, name, default_site_slug", "id", true},
    {"sites",
     "id, network_id, slug, name, tagline, language, direction, time_zone, base_url, "
     "arabic_indic_digits, footer_credit, publisher_address, comments_open, "
     "comments_close_after_days, comment_name_max, comment_title_max, comment_body_max, "
     "share_networks, hijri_dates",
     "id", true},
    {"site_social_links", "site_id, position, network, url", "site_id, position", false},
    {"sections", "id, site_id, slug, name, position", "id", true},
    {"tags", "id, site_id, slug, name", "id", true},
    {"authors", "id, site_id, slug, name, role", "id", true},
    {"users",
     "id, email, name, role, password_hash, disabled_at, created_at, updated_at, totp_key, "
     "totp_pending_key, totp_last_step",
     "id", true},
    {"user_sites", "user_id, site_id", "user_id, site_id", false},
    {"api_tokens", "id, user_id, name, token_digest, created_at, last_used_at, revoked_at", "id",
     true},
    {"media", "id, file_name, mime_type, width, height, bytes, created_at, copies", "id", true},
    {"articles",
     "id, site_id, slug, headline, standfirst, body_html, body_text, dateline, source_credit, "
     "section_id, lead_media_id, lead_caption, lead_credit, status, first_published_at, "
     "updated_at, created_at, external_id, comments_open, body_source, revision, created_by, "
     "translation_group, embargoed_until",
     "id", true},
    {"article_revisions", "article_id, revision, saved_at, saved_by, status, content",
     "article_id, revision", false},
    {"article_notes", "id, article_id, kind, body, noted_at, noted_by", "id", true},
    {"article_authors", "article_id, author_id, position, listed_at", "article_id, author_id",
     false},
    {"article_tags", "article_id, tag_id, position, listed_at", "article_id, tag_id", false},
    {"related_stories", "article_id, related_id, weight, related_listed_at",
     "article_id, related_id", false},
    {"front_page_stories", "site_id, position, article_id, listed_at", "site_id, position", false},
    {"breaking_news", "site_id, article_id, text, shown_until", "site_id", false},
    {"article_reads", "hour, article_id, reads", "hour, article_id", false},
    {"most_read", "site_id, section_id, position, article_id, reads, ranked_at, listed_at",
     "site_id, section_id, position", false},
    {"comments",
     "id, site_id, article_id, status, author_name, email, title, body, held_reason, "
     "content_digest, created_at, moderated_at",
     "id", true},
    {"secrets", "name, value, created_at", "name", false},
    {"audit_log", "id, at, user_id, actor, action, site_id, article_id, subject, detail", "id",
     true},
    {"wire_sources",
     "id, name, kind, location, site_id, section_id, auto_publish, created_at, poll_seconds, "
     "etag, last_modified, next_poll_at, failures, last_error",
     "id", true},
    {"wire_items",
     "id, source_id, guid, version, format, language, headline, urgency, embargoed_until, "
     "status, version_created, received_at, content, article_id",
     "id", true},
}};

// The names in a list of columns ("a, b").
std::vector<std::string_view> names_in(std::string_view columns) {
    std::vector<std::string_view> out;
    while (!columns.empty()) {
        const auto comma = columns.find(',');
        auto name = columns.substr(0, comma);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        out.push_back(name);
        columns = comma == std::string_view::npos ? "" : columns.substr(comma + 1);
    }
    return out;
}

// Where each of the table's order columns is among the columns it selects, so that a batch
// can start after the last row of the one before.
// A batch is written in one statement, binding each value of each of its rows: SQLite takes at
// most 32,766 values in a statement, PostgreSQL 65,535.
constexpr std::size_t max_bound_values = 32766;
constexpr std::size_t columns_in(std::string_view columns) {
    return 1 + static_cast<std::size_t>(std::count(columns.begin(), columns.end(), ','));
}
static_assert(std::all_of(tables.begin(), tables.end(), [](const Table& table) {
    return columns_in(table.columns) * static_cast<std::size_t>(batch_rows) <= max_bound_values;
}));

std::vector<std::size_t> order_positions(const Table& table) {
    const auto columns = names_in(table.columns);
    std::vector<std::size_t> out;
    for (const auto name : names_in(table.order))
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i] == name) out.push_back(i);
    return out;
}

// "($1, $2), ($3, $4)": the placeholders of `rows` rows of `columns` values each.
std::string placeholders(std::size_t columns, std::size_t rows) {
    std::string out;
    std::size_t n = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        out.append(row ? ", (" : "(");
        for (std::size_t column = 0; column < columns; ++column)
            out.append(column ? ", $" : "$").append(std::to_string(++n));
        out.append(")");
    }
    return out;
}

Result<int> schema_version(db::Database& database) {
    auto lease = database.acquire();
    return db::schema_version(*lease);
}

}  // namespace

std::vector<CopiedTable> copied_tables() {
    std::vector<CopiedTable> out;
    out.reserve(tables.size());
    for (const auto& table : tables) out.push_back({table.name, table.columns});
    return out;
}

Result<std::int64_t> copy_network(db::Database& from, db::Database& to,
                                  const CopyProgress& progress) {
    auto from_version = schema_version(from);
    if (!from_version) return from_version.error();
    auto to_version = schema_version(to);
    if (!to_version) return to_version.error();
    if (*from_version != *to_version)
        return Error::invalid("The two databases are at different schema versions (" +
                              std::to_string(*from_version) + " and " +
                              std::to_string(*to_version) + "); migrate both first.");

    auto source = from.acquire();
    // Every table read as of one moment, so that a copy of a database in use (a backup) holds
    // each row its other rows refer to.
    const db::ReadSnapshot as_of_now(*source);
    if (!as_of_now.begun())
        return Error::unavailable("The database to copy cannot be read as of one moment.");
    return db::in_transaction<std::int64_t>(
        to, [&](db::Connection& target) -> Result<std::int64_t> {
            auto existing = target.query("SELECT COUNT(*) FROM networks");
            if (!existing) return existing.error();
            if (existing->front().integer(0) > 0)
                return Error::conflict(
                    "The destination already holds a network; copy only into an "
                    "empty database.");
            std::int64_t copied = 0;
            for (const auto& table : tables) {
                const std::string name(table.name);
                auto count = source->query("SELECT COUNT(*) FROM " + name);
                if (!count) return count.error();
                const std::int64_t total = count->front().integer(0);
                // Batches in the table's order, each from where the last ended (its last row's
                // order columns, compared as one row value): each batch an index walk from there,
                // where an OFFSET walked past every row copied so far, and copying a large
                // archive read its tables over and over (hundreds of GB at 100,000 stories a
                // site).
                const auto keys = order_positions(table);
                if (keys.size() != names_in(table.order).size())
                    return Error::internal("The copy of " + name +
                                           " is ordered by a column it does not read.");
                const std::string select_from =
                    "SELECT " + std::string(table.columns) + " FROM " + name;
                const std::string order = " ORDER BY " + std::string(table.order) + " LIMIT $1";
                const std::string first = select_from + order;
                std::string next = select_from + " WHERE (" + std::string(table.order) + ") > (";
                for (std::size_t i = 0; i < keys.size(); ++i)
                    next.append(i ? ", $" : "$").append(std::to_string(i + 2));
                next.append(")").append(order);
                // A batch goes in as one statement of all its rows: a row at a time, the copy
                // of 200,000 stories was 3.8 million round trips.
                const std::size_t width = names_in(table.columns).size();
                const std::string insert_into =
                    "INSERT INTO " + name + " (" + std::string(table.columns) + ") VALUES ";
                std::int64_t done = 0;
                if (progress) progress(name, 0, total);
                db::Params batch{batch_rows};
                while (done < total) {
                    auto rows = source->query(done == 0 ? first : next, batch);
                    if (!rows) return rows.error();
                    if (rows->empty()) break;
                    batch.resize(1);
                    for (const auto key : keys) batch.push_back(rows->back().value(key));
                    db::Params params;
                    params.reserve(rows->size() * width);
                    for (const auto& row : *rows)
                        for (std::size_t i = 0; i < row.size(); ++i) params.push_back(row.value(i));
                    if (auto inserted =
                            target.execute(insert_into + placeholders(width, rows->size()), params);
                        !inserted)
                        return inserted.error();
                    done += static_cast<std::int64_t>(rows->size());
                    if (progress) progress(name, done, total);
                }
                if (table.has_id)
                    if (auto reset = target.reset_id_sequence(name); !reset) return reset.error();
                copied += done;
            }
            return copied;
        });
}

Status settle_after_copy(db::Database& to) {
    auto lease = to.acquire();
    if (lease->backend() != "postgres") return success();
    if (auto done = lease->execute("VACUUM (ANALYZE)"); !done) return done.error();
    return success();
}

}  // namespace dateline::storage
