#include "app/wire_desk.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>
#include <boost/url.hpp>

#include <algorithm>

#include "ingest/item_files.hpp"
#include "ingest/wire_document.hpp"
#include "ingest/wire_folder.hpp"
#include "storage/site_store.hpp"
#include "storage/wire_store.hpp"

namespace dateline::app {

namespace fs = std::filesystem;
namespace json = boost::json;
using domain::WireItem;

namespace {

constexpr std::size_t max_source_name = 64;

bool is_source_name(const std::string& name) {
    if (name.empty() || name.size() > max_source_name) return false;
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    return true;
}

json::value time_value(const std::optional<UnixTime>& t) {
    return t ? json::value(*t) : json::value(nullptr);
}

std::optional<UnixTime> time_of(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_int64()) return std::nullopt;
    return v->get_int64();
}

std::string text_of(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::vector<std::string> texts_of(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    if (const auto* v = o.if_contains(key); v && v->is_array())
        for (const auto& e : v->get_array())
            if (e.is_string()) out.emplace_back(e.get_string());
    return out;
}

json::array array_of(const std::vector<std::string>& texts) {
    json::array out;
    for (const auto& t : texts) out.emplace_back(t);
    return out;
}

// An item as the queue keeps it: every field, so that a story can be made from it later.
std::string content_of(const WireItem& item) {
    json::object o{{"guid", item.guid},
                   {"version", item.version},
                   {"format", item.format},
                   {"headline", item.headline},
                   {"standfirst", item.standfirst},
                   {"body_html", item.body_html},
                   {"byline", item.byline},
                   {"dateline", item.dateline},
                   {"source_credit", item.source_credit},
                   {"language", item.language},
                   {"tags", array_of(item.tags)},
                   {"first_created", time_value(item.first_created)},
                   {"version_created", time_value(item.version_created)},
                   {"embargoed_until", time_value(item.embargoed_until)},
                   {"urgency", item.urgency ? json::value(*item.urgency) : json::value(nullptr)},
                   {"status", domain::to_string(item.status)},
                   {"warnings", array_of(item.warnings)}};
    if (item.image)
        o["image"] = json::object{{"location", item.image->location},
                                  {"caption", item.image->caption},
                                  {"credit", item.image->credit},
                                  {"url", item.image->url}};
    return json::serialize(o);
}

WireItem item_of(const std::string& content, const WirePictures& pictures) {
    WireItem item;
    boost::system::error_code ec;
    const json::value v = json::parse(content, ec);
    if (ec || !v.is_object()) return item;
    const auto& o = v.get_object();
    item.guid = text_of(o, "guid");
    item.version = text_of(o, "version");
    item.format = text_of(o, "format");
    item.headline = text_of(o, "headline");
    item.standfirst = text_of(o, "standfirst");
    item.body_html = text_of(o, "body_html");
    item.byline = text_of(o, "byline");
    item.dateline = text_of(o, "dateline");
    item.source_credit = text_of(o, "source_credit");
    item.language = text_of(o, "language");
    item.tags = texts_of(o, "tags");
    item.first_created = time_of(o, "first_created");
    item.version_created = time_of(o, "version_created");
    item.embargoed_until = time_of(o, "embargoed_until");
    if (const auto urgency = time_of(o, "urgency")) item.urgency = static_cast<int>(*urgency);
    item.status =
        domain::parse_wire_status(text_of(o, "status")).value_or(domain::WireStatus::Usable);
    item.warnings = texts_of(o, "warnings");
    if (const auto* image = o.if_contains("image"); image && image->is_object())
        item.image = domain::WireImage{
            pictures.kept_location(text_of(image->get_object(), "location")),
            text_of(image->get_object(), "caption"), text_of(image->get_object(), "credit"),
            text_of(image->get_object(), "url")};
    return item;
}

// Rows of the queue with their items read.
Result<std::vector<domain::ReceivedWireItem>> items_of(
    Result<std::vector<storage::WireStore::Row>> rows, const WirePictures& pictures) {
    if (!rows) return rows.error();
    std::vector<domain::ReceivedWireItem> out;
    out.reserve(rows->size());
    for (auto& [received, content] : *rows) {
        received.item = item_of(content, pictures);
        out.push_back(std::move(received));
    }
    return out;
}

}  // namespace

Result<domain::WireSource> WireDesk::add_source(const std::string& name, const fs::path& folder,
                                                const std::string& site_slug,
                                                const std::string& section_slug,
                                                bool auto_publish) {
    domain::WireSource source;
    std::error_code ec;
    const fs::path location = fs::canonical(folder, ec);
    if (ec || !fs::is_directory(location, ec))
        return Error::invalid("The folder " + folder.string() + " does not exist.", "folder");
    source.location = location.string();
    return add(std::move(source), name, site_slug, section_slug, auto_publish);
}

Result<domain::WireSource> WireDesk::add_url_source(const std::string& name, const std::string& url,
                                                    const std::string& site_slug,
                                                    const std::string& section_slug,
                                                    bool auto_publish, int poll_seconds) {
    const auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https"))
        return Error::invalid("A wire source's address is an http or https URL: '" + url + "'.",
                              "url");
    if (parsed->host().empty())
        return Error::invalid("The address '" + url + "' names no host.", "url");
    if (poll_seconds < min_poll_seconds || poll_seconds > max_poll_seconds)
        return Error::invalid("A source is pulled every " + std::to_string(min_poll_seconds) +
                                  " to " + std::to_string(max_poll_seconds) + " seconds.",
                              "every");
    domain::WireSource source;
    source.kind = domain::WireSourceKind::Url;
    source.location = std::string(parsed->buffer());
    source.poll_seconds = poll_seconds;
    return add(std::move(source), name, site_slug, section_slug, auto_publish);
}

Result<domain::WireSource> WireDesk::add(domain::WireSource source, const std::string& name,
                                         const std::string& site_slug,
                                         const std::string& section_slug, bool auto_publish) {
    if (!is_source_name(name))
        return Error::invalid("A wire source's name has 1 to 64 letters, digits, '-' or '_'.",
                              "name");
    auto lease = database_.acquire();
    storage::SiteStore sites(*lease);
    auto all = sites.sites();
    if (!all) return all.error();
    source.name = name;
    source.auto_publish = auto_publish;
    for (const auto& site : *all)
        if (site.slug == site_slug) source.site_id = site.id;
    if (source.site_id == 0) return Error::invalid("There is no site '" + site_slug + "'.", "site");
    source.site_slug = site_slug;
    if (!section_slug.empty()) {
        auto sections = sites.sections(source.site_id);
        if (!sections) return sections.error();
        for (const auto& section : *sections)
            if (section.slug == section_slug) source.section_id = section.id;
        if (!source.section_id)
            return Error::invalid(
                "The site '" + site_slug + "' has no section '" + section_slug + "'.", "section");
        source.section_slug = section_slug;
    }
    source.created_at = clock_.now();
    auto id = storage::WireStore(*lease).add_source(source, source.created_at);
    if (!id) return id.error();
    source.id = *id;
    return source;
}

Result<std::vector<domain::WireSource>> WireDesk::sources() {
    auto lease = database_.acquire();
    return storage::WireStore(*lease).sources();
}

Status WireDesk::remove_source(const std::string& name) {
    auto lease = database_.acquire();
    auto removed = storage::WireStore(*lease).remove_source(name);
    if (!removed) return removed.error();
    if (!*removed) return Error::not_found("There is no wire source named '" + name + "'.");
    return success();
}

Result<WireRun> WireDesk::run_once(Pulls pulls) {
    auto all = sources();
    if (!all) return all.error();
    WireRun run;
    for (const auto& source : *all) {
        if (source.kind == domain::WireSourceKind::Url) {
            pull(source, pulls, run);
            continue;
        }
        const ingest::WireFolder folder(source.location);
        // A claim left by a process that stopped mid-way is read again after a while.
        if (auto released = folder.release_stale_claims(std::chrono::minutes(10));
            released && *released > 0)
            spdlog::warn("wire desk: {}: {} file(s) left half-read are read again", source.name,
                         *released);
        auto items = folder.settled_items(fs::file_time_type::clock::now());
        if (!items) {
            run.problems.push_back(source.name + ": " + items.error().message);
            continue;
        }
        for (const auto& file : *items) {
            auto claimed = folder.claim(file);
            if (!claimed) {
                run.problems.push_back(file.string() + ": " + claimed.error().message);
                continue;
            }
            if (!*claimed) continue;  // another node took it
            std::optional<std::string> refused;
            try {
                refused = take(source, file, **claimed, run);
            } catch (const std::exception& e) {
                // One file's unexpected failure must not stop the others.
                spdlog::error("wire desk: {}: {}", file.string(), e.what());
                refused = "could not be read (unexpected failure)";
            }
            auto filed = folder.file_away(**claimed, refused);
            if (refused) {
                ++run.failed;
                run.problems.push_back(file.string() + ": " + *refused);
            }
            if (!filed) run.problems.push_back(file.string() + ": " + filed.error().message);
        }
    }
    return run;
}

void WireDesk::pull(domain::WireSource source, Pulls pulls, WireRun& run) {
    const UnixTime now = clock_.now();
    if (pulls == Pulls::WhenDue) {
        // Taken by moving the next pull on: of several nodes, one pulls.
        auto lease = database_.acquire();
        auto taken = storage::WireStore(*lease).take_pull(source.id, now, now + retry_seconds);
        if (!taken) {
            run.problems.push_back(source.name + ": " + taken.error().message);
            return;
        }
        if (!*taken) return;
    }
    const auto failed = [&](const std::string& why) {
        // Each failure in a row doubles the wait, up to an hour, so that a server in trouble
        // is not hammered and a broken source does not fill the log every two seconds.
        source.failures = std::min(source.failures + 1, 30);
        const std::int64_t wait = std::min<std::int64_t>(
            std::int64_t{source.poll_seconds} << std::min(source.failures, 12),
            max_backoff_seconds);
        source.next_poll_at = now + wait;
        source.last_error = why;
        run.problems.push_back(source.name + ": " + why);
    };
    fetch::FetchRequest request;
    request.url = source.location;
    request.etag = source.etag;
    request.last_modified = source.last_modified;
    request.max_bytes = ingest::max_item_bytes;
    auto got = fetcher_.get(request);
    if (!got) {
        failed(source.location + ": " + got.error().message);
    } else if (got->status == 304) {
        source.failures = 0;
        source.last_error.clear();
        source.next_poll_at = now + source.poll_seconds;
    } else if (auto document = ingest::read_wire_document(got->body, {}, {}); !document) {
        failed(source.location + ": " + document.error().message);
    } else {
        for (const auto& reason : document->skipped)
            run.problems.push_back(source.name + ": " + reason);
        for (auto& item : document->items)
            if (auto refused = take_item(source, std::move(item), got->url, run))
                run.problems.push_back(source.name + ": " + *refused);
        source.etag = got->etag;
        source.last_modified = got->last_modified;
        source.failures = 0;
        source.last_error.clear();
        source.next_poll_at = now + source.poll_seconds;
    }
    auto lease = database_.acquire();
    if (auto kept = storage::WireStore(*lease).record_pull(source); !kept)
        run.problems.push_back(source.name + ": " + kept.error().message);
}

std::optional<std::string> WireDesk::take(const domain::WireSource& source, const fs::path& file,
                                          const fs::path& claimed, WireRun& run) {
    auto text = ingest::read_item_text(claimed);
    if (!text) return text.error().message;
    // Relative pictures are looked for where the agency dropped the item, not in .claimed/.
    auto document = ingest::read_wire_document(*text, fs::path(source.location), import_roots_);
    if (!document) return document.error().message;
    // A feed or a message carries several stories: one refused leaves the others.
    for (const auto& reason : document->skipped)
        run.problems.push_back(file.string() + ": " + reason);
    // A file is done once any of its stories was taken, with the others' reasons in the run's
    // problems; it is filed as failed, with the first reason, when none was.
    std::optional<std::string> first_refusal;
    bool any_taken = false;
    for (auto& item : document->items) {
        auto refused = take_item(source, std::move(item), {}, run);
        if (!refused) {
            any_taken = true;
        } else if (!first_refusal) {
            first_refusal = std::move(refused);
        } else {
            run.problems.push_back(file.string() + ": " + *refused);
        }
    }
    if (any_taken && first_refusal) {
        run.problems.push_back(file.string() + ": " + *first_refusal);
        return std::nullopt;
    }
    return first_refusal;
}

std::optional<std::string> WireDesk::take_item(const domain::WireSource& source,
                                               domain::WireItem item, const std::string& base_url,
                                               WireRun& run) {
    // The picture is kept beside the queue for as long as the item may be used: the agency's
    // folder is theirs to clean, and a remote picture may be gone tomorrow.
    pictures_.keep(item, base_url);

    domain::ReceivedWireItem received;
    received.source_id = source.id;
    received.received_at = clock_.now();
    received.item = item;
    std::optional<domain::Id> id;
    {
        auto lease = database_.acquire();
        auto recorded = storage::WireStore(*lease).record(received, content_of(item));
        if (!recorded) return recorded.error().message;
        id = *recorded;
    }
    if (!id) {
        ++run.repeated;
        return std::nullopt;
    }
    ++run.received;
    const bool withdrawn = item.status != domain::WireStatus::Usable;
    if (!source.auto_publish && !withdrawn) return std::nullopt;  // queued for the desk
    if (item.version_created) {
        // Files may arrive out of order: a version older than one received already (a later
        // correction, or the withdrawal) changes no story; it is in the queue for the record.
        auto lease = database_.acquire();
        auto later =
            storage::WireStore(*lease).has_later_version(item.guid, *id, *item.version_created);
        if (!later) return later.error().message;
        if (*later) return std::nullopt;
    }
    auto saved = articles_.import_wire_item(source.site_slug, item, source.auto_publish,
                                            source.section_slug);
    if (!saved) {
        // A withdrawal of an item no story was made from changes nothing: it is in the queue.
        if (withdrawn && saved.error().code == ErrorCode::Invalid) return std::nullopt;
        return "in the queue, but not published: " + saved.error().message;
    }
    ++run.published;
    auto lease = database_.acquire();
    if (auto linked = storage::WireStore(*lease).link_article(*id, saved->id); !linked)
        return linked.error().message;
    return std::nullopt;
}

Result<std::vector<domain::ReceivedWireItem>> WireDesk::queue(const domain::WireQueueQuery& query) {
    auto lease = database_.acquire();
    return items_of(storage::WireStore(*lease).queue(query), pictures_);
}

Result<std::optional<domain::ReceivedWireItem>> WireDesk::item(domain::Id id) {
    auto lease = database_.acquire();
    auto row = storage::WireStore(*lease).by_id(id);
    if (!row) return row.error();
    if (!*row) return std::optional<domain::ReceivedWireItem>{};
    auto& [received, content] = **row;
    received.item = item_of(content, pictures_);
    return std::optional<domain::ReceivedWireItem>{std::move(received)};
}

Result<std::vector<domain::ReceivedWireItem>> WireDesk::versions(const std::string& guid) {
    auto lease = database_.acquire();
    return items_of(storage::WireStore(*lease).versions_of(guid), pictures_);
}

Result<domain::Article> WireDesk::use(const domain::User& user, domain::Id id,
                                      const std::string& site_slug,
                                      const std::string& section_slug) {
    auto found = item(id);
    if (!found) return found.error();
    if (!*found) return Error::not_found("There is no such item in the wire queue.");
    auto story = articles_.use_wire_item(user, site_slug, (**found).item, section_slug);
    if (!story) return story.error();
    auto lease = database_.acquire();
    if (auto linked = storage::WireStore(*lease).link_article(id, story->id); !linked)
        return linked.error();
    return story;
}

}  // namespace dateline::app
