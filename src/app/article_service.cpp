#include "app/article_service.hpp"

#include <algorithm>

#include "app/related_news.hpp"
#include "app/search_indexer.hpp"
#include "domain/paths.hpp"
#include "domain/slug.hpp"
#include "sanitize/html_sanitizer.hpp"
#include "sanitize/markdown.hpp"
#include "storage/article_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/site_store.hpp"

namespace dateline::app {

using domain::ArticleDraft;
using domain::Id;

namespace {

constexpr int max_slug_attempts = 100;
Result<domain::Site> find_site(storage::SiteStore& sites, const std::string& slug) {
    auto all = sites.sites();
    if (!all) return all.error();
    for (auto& s : *all)
        if (s.slug == slug) return s;
    return Error::not_found("There is no site '" + slug + "'.");
}

Result<std::string> unique_slug(storage::ArticleStore& articles, Id site_id, std::string base,
                                std::optional<Id> except) {
    if (base.empty()) base = "article";
    for (int n = 1; n <= max_slug_attempts; ++n) {
        std::string candidate = n == 1 ? base : base + "-" + std::to_string(n);
        auto taken = articles.slug_taken(site_id, candidate, except);
        if (!taken) return taken.error();
        if (!*taken) return candidate;
    }
    return Error::conflict("No free slug could be found for this headline.", "slug");
}

sanitize::SanitizedHtml sanitized_body(const ArticleDraft& draft) {
    return sanitize::sanitize_html(draft.body_source.empty()
                                       ? draft.body_html
                                       : sanitize::markdown_to_html(draft.body_source));
}

Status check(const ArticleDraft& draft) {
    if (auto valid = domain::validate(draft); !valid) return valid.error();
    if (!draft.slug.empty() && !domain::is_valid_slug(draft.slug))
        return Error::invalid(
            "The slug may hold only lowercase letters, digits and single hyphens.", "slug");
    return success();
}

}  // namespace

namespace {

Result<domain::Site> site_by_id(storage::SiteStore& sites, Id id) {
    auto all = sites.sites();
    if (!all) return all.error();
    for (auto& s : *all)
        if (s.id == id) return s;
    return Error::not_found("The article's site is gone.");
}

// Records in the audit log, in the transaction of the act, what was done to the story.
Status record(db::Connection& c, domain::Actor actor, domain::AuditAction action,
              const domain::Article& story, std::string detail, UnixTime now) {
    domain::AuditEntry entry;
    entry.at = now;
    entry.actor = std::move(actor);
    entry.action = action;
    entry.site_id = story.site_id;
    entry.article_id = story.id;
    entry.subject = story.headline;
    entry.detail = std::move(detail);
    return storage::AuditStore(c).record(entry);
}

domain::AuditAction audited(domain::ArticleAction action) {
    switch (action) {
        case domain::ArticleAction::Submit:
            return domain::AuditAction::ArticleSubmit;
        case domain::ArticleAction::Return:
            return domain::AuditAction::ArticleReturn;
        case domain::ArticleAction::Publish:
            return domain::AuditAction::ArticlePublish;
        case domain::ArticleAction::Schedule:
            return domain::AuditAction::ArticleSchedule;
        case domain::ArticleAction::Unpublish:
            return domain::AuditAction::ArticleUnpublish;
    }
    return domain::AuditAction::ArticlePublish;
}

Error not_yours() {
    return Error::forbidden("This account may not do that to this article.");
}

}  // namespace

std::string article_url(const std::string& base_url, const domain::Article& a) {
    return domain::article_path(base_url, a.section ? a.section->slug : std::string{}, a.slug);
}

Result<SavedArticle> ArticleService::save(const std::string& site_slug, const ArticleDraft& draft) {
    if (auto valid = check(draft); !valid) return valid.error();
    const UnixTime now = clock_.now();
    return db::in_transaction<SavedArticle>(
        database_, [&](db::Connection& c) { return save_in(c, site_slug, draft, now); });
}

Result<SavedArticle> ArticleService::save_in(db::Connection& c, const std::string& site_slug,
                                             const ArticleDraft& draft, UnixTime now,
                                             const Writer& writer) {
    storage::SiteStore sites(c);
    storage::ArticleStore articles(c);
    if (auto turn = articles.take_write_turn(); !turn) return turn.error();
    auto site = find_site(sites, site_slug);
    if (!site) return site.error();

    storage::ArticleRecord record;
    record.site_id = site->id;
    std::optional<Id> existing = writer.article_id;
    if (!existing && !draft.external_id.empty()) {
        auto found = articles.id_by_external_id(site->id, draft.external_id);
        if (!found) return found.error();
        existing = *found;
    }
    record.id = existing.value_or(0);

    std::optional<domain::Article> previous;
    if (existing) {
        auto loaded = articles.by_id(*existing);
        if (!loaded) return loaded.error();
        previous = std::move(*loaded);
    }
    if (!draft.slug.empty()) {
        record.slug = draft.slug;
    } else if (previous) {
        record.slug = previous->slug;  // a published URL stays stable across revisions
    } else {
        auto slug = unique_slug(articles, site->id, domain::slugify(draft.headline), existing);
        if (!slug) return slug.error();
        record.slug = *slug;
    }

    std::string section_slug;
    if (!draft.section_slug.empty()) {
        auto sections = sites.sections(site->id);
        if (!sections) return sections.error();
        for (const auto& s : *sections)
            if (s.slug == draft.section_slug) {
                record.section_id = s.id;
                section_slug = s.slug;
            }
        if (!record.section_id)
            return Error::invalid("The site has no section '" + draft.section_slug + "'.",
                                  "section");
    }
    // Searched as saved, in the same transaction: a story is never found by words it lost.
    SearchableText text;
    for (const auto& name : draft.author_names) {
        auto author = sites.ensure_author(site->id, domain::slugify(name), name);
        if (!author) return author.error();
        record.author_ids.push_back(author->id);
        text.bylines.push_back(author->name);
    }
    for (const auto& name : draft.tag_names) {
        const std::string slug = domain::slugify(name);
        if (slug.empty()) continue;
        auto tag = sites.ensure_tag(site->id, slug, name);
        if (!tag) return tag.error();
        record.tag_ids.push_back(tag->id);
        text.tags.push_back(tag->name);
    }
    record.headline = draft.headline;
    record.standfirst = draft.standfirst;
    // Whoever wrote the body, only the sanitizer's output is stored.
    auto body = sanitize::sanitize_html(draft.body_source.empty()
                                            ? draft.body_html
                                            : sanitize::markdown_to_html(draft.body_source));
    record.body_source = draft.body_source;
    record.body_html = std::move(body.html);
    record.body_text = std::move(body.text);
    record.dateline = draft.dateline;
    record.source_credit = draft.source_credit;
    record.lead_media_id = draft.lead_image_id;
    record.lead_caption = draft.lead_caption;
    record.lead_credit = draft.lead_credit;
    record.status = draft.status;
    record.first_published_at = draft.first_published_at;
    // The embargo this save gives, else the story's own: no save publishes before it.
    record.embargoed_until = draft.sets_embargo ? draft.embargoed_until
                             : previous         ? previous->embargoed_until
                                                : std::nullopt;
    const std::optional<UnixTime> asked = record.first_published_at;
    domain::hold_for_embargo(record.status, record.first_published_at, record.embargoed_until, now);
    record.updated_at = draft.updated_at.value_or(now);
    if (record.first_published_at != asked)  // held: its last change is its publication
        record.updated_at = std::max(record.updated_at, *record.first_published_at);
    record.external_id = draft.external_id;
    record.created_by = writer.user_id;
    record.expected_revision = writer.base_revision;

    auto row = articles.save(record, now);
    if (!row) return row.error();
    storage::ArticleRevision revision;
    revision.article_id = row->id;
    revision.revision = row->revision;
    revision.saved_at = now;
    revision.saved_by = writer.user_id;
    revision.status = record.status;
    revision.content = draft;
    revision.content.slug = record.slug;
    revision.content.body_html = record.body_html;
    if (auto kept = storage::RevisionStore(c).record(revision); !kept) return kept.error();
    text.headline = record.headline;
    text.standfirst = record.standfirst;
    text.dateline = record.dateline;
    text.body = record.body_text;
    text.source_credit = record.source_credit;
    if (auto indexed = index_story(c, row->id, text, site->language); !indexed)
        return indexed.error();
    if (domain::is_listed(record.status))
        if (auto chosen = RelatedNews::choose(c, row->id, now); !chosen) return chosen.error();

    SavedArticle saved;
    saved.id = row->id;
    saved.revision = row->revision;
    saved.slug = record.slug;
    saved.created = !existing;
    saved.visible = domain::is_listed(record.status) && record.first_published_at &&
                    *record.first_published_at <= now;
    if (saved.visible) saved.url = domain::article_path(site->base_url, section_slug, record.slug);
    return saved;
}

Result<std::optional<domain::Article>> ArticleService::imported_before(
    const std::string& site_slug, const std::string& external_id) {
    auto lease = database_.acquire();
    storage::SiteStore sites(*lease);
    storage::ArticleStore articles(*lease);
    auto site = find_site(sites, site_slug);
    if (!site) return site.error();
    auto id = articles.id_by_external_id(site->id, external_id);
    if (!id) return id.error();
    if (!*id) return std::optional<domain::Article>{};
    return articles.by_id(**id);
}

namespace {

// A story's fields as an agency's item gives them, for a draft or an import.
ArticleDraft draft_from_wire(const domain::WireItem& item, const std::string& section_slug) {
    ArticleDraft draft;
    draft.external_id = item.guid;
    draft.headline = item.headline;
    draft.standfirst = item.standfirst;
    draft.body_html = item.body_html;
    draft.dateline = item.dateline;
    draft.source_credit = item.source_credit;
    draft.section_slug = section_slug;
    if (!item.byline.empty()) {
        std::string byline = item.byline;
        for (const char* prefix : {"By ", "by ", "BY "})
            if (byline.rfind(prefix, 0) == 0) byline = byline.substr(3);
        draft.author_names.push_back(byline);
    }
    draft.tag_names = item.tags;
    if (draft.tag_names.size() > domain::max_tags) draft.tag_names.resize(domain::max_tags);
    // The agency's version says whether there is an embargo: saving holds the story for it.
    draft.sets_embargo = true;
    draft.embargoed_until = item.embargoed_until;
    if (item.image) {
        draft.lead_caption = item.image->caption;
        draft.lead_credit = item.image->credit;
    }
    return draft;
}

// A wire item's picture, stored before a save's transaction (decoding takes a while and must not
// hold the write lock) and recorded inside it; a refused save removes the files it newly wrote.
Result<std::optional<PendingPicture>> picture_of(const MediaService& media,
                                                 const domain::WireItem& item) {
    if (!item.image) return std::optional<PendingPicture>{};
    auto stored = media.store_file(item.image->location);
    if (!stored) return stored.error();
    return std::optional<PendingPicture>{std::move(*stored)};
}

// The draft with its picture's media row recorded on the transaction's connection.
Result<ArticleDraft> with_picture_of(db::Connection& c, const ArticleDraft& draft,
                                     const std::optional<PendingPicture>& picture, UnixTime now) {
    ArticleDraft out = draft;
    // The save that follows takes the stories' write turn: taken first, before the picture's row.
    if (auto turn = storage::ArticleStore(c).take_write_turn(); !turn) return turn.error();
    if (picture) {
        auto media = picture->record(c, now);
        if (!media) return media.error();
        out.lead_image_id = media->id;
    }
    return out;
}

}  // namespace

Result<SavedArticle> ArticleService::import_wire_item(const std::string& site_slug,
                                                      const domain::WireItem& item, bool publish,
                                                      const std::string& section_slug) {
    ArticleDraft draft = draft_from_wire(item, section_slug);
    const UnixTime now = clock_.now();
    auto previous = imported_before(site_slug, item.guid);
    if (!previous) return previous.error();
    if (item.status != domain::WireStatus::Usable) {
        const std::string what =
            item.status == domain::WireStatus::Canceled ? "canceled" : "withheld";
        if (!*previous)
            return Error::invalid("the agency has " + what +
                                  " this item, and no story was made from it; nothing imported");
        return take_down(**previous,
                         "the agency " + what + " the item" +
                             (item.version.empty() ? "" : " (version " + item.version + ")"));
    }
    if (publish) {
        draft.status = domain::ArticleStatus::Published;
        draft.first_published_at = std::min(item.first_created.value_or(now), now);
    }
    if (*previous) {
        // A new version of a story already here is a correction: it keeps the story's
        // publication, its first publication time and its section unless told otherwise.
        // An editor's decision (in review, unpublished) stands too.
        const domain::Article& before = **previous;
        if (before.status != domain::ArticleStatus::Draft) {
            draft.status = before.status;
            draft.first_published_at = before.first_published_at > 0
                                           ? std::optional<UnixTime>(before.first_published_at)
                                           : std::nullopt;
            // A time its embargo gave it is the agency's to move: a version that moves or lifts
            // the embargo publishes the story at its own time, held by the new embargo if any.
            if (before.embargoed_until && before.first_published_at == *before.embargoed_until &&
                before.embargoed_until != item.embargoed_until &&
                domain::is_listed(before.status)) {
                draft.status = domain::ArticleStatus::Published;
                draft.first_published_at = std::min(item.first_created.value_or(now), now);
            }
        }
        if (draft.section_slug.empty() && before.section) draft.section_slug = before.section->slug;
    }
    if (draft.first_published_at) {
        draft.updated_at =
            std::clamp(item.version_created.value_or(*draft.first_published_at),
                       *draft.first_published_at, std::max(now, *draft.first_published_at));
    }
    if (auto valid = check(draft); !valid) return valid.error();
    auto picture = picture_of(media_, item);
    if (!picture) return picture.error();
    auto saved =
        db::in_transaction<SavedArticle>(database_, [&](db::Connection& c) -> Result<SavedArticle> {
            auto with_picture = with_picture_of(c, draft, *picture, now);
            if (!with_picture) return with_picture.error();
            auto result = save_in(c, site_slug, *with_picture, now);
            if (!result || !domain::is_listed(with_picture->status)) return result;
            // A story the wires published, or changed once published, is on the record too.
            auto story = storage::ArticleStore(c).by_id(result->id);
            if (!story) return story.error();
            const bool was_listed = *previous && domain::is_listed((**previous).status);
            if (auto kept = record(c, domain::Actor::system("import"),
                                   was_listed ? domain::AuditAction::ArticleEdit
                                              : domain::AuditAction::ArticlePublish,
                                   **story, "revision " + std::to_string(result->revision), now);
                !kept)
                return kept.error();
            return result;
        });
    if (saved && *picture) (*picture)->keep();
    return saved;
}

Result<domain::Article> ArticleService::use_wire_item(const domain::User& user,
                                                      const std::string& site_slug,
                                                      const domain::WireItem& item,
                                                      const std::string& section_slug) {
    if (item.status != domain::WireStatus::Usable)
        return Error::invalid("The agency has withdrawn this item: it may not be used.");
    auto previous = imported_before(site_slug, item.guid);
    if (!previous) return previous.error();
    if (*previous) return article(user, (**previous).id);  // the story made from it already
    ArticleDraft draft = draft_from_wire(item, section_slug);
    if (auto valid = check(draft); !valid) return valid.error();
    auto picture = picture_of(media_, item);
    if (!picture) return picture.error();
    const UnixTime now = clock_.now();
    auto made = db::in_transaction<domain::Article>(
        database_, [&](db::Connection& c) -> Result<domain::Article> {
            storage::SiteStore sites(c);
            auto site = find_site(sites, site_slug);
            if (!site) return Error::not_found("There is no site '" + site_slug + "'.");
            if (!domain::may_write(user, site->id)) return not_yours();
            auto with_picture = with_picture_of(c, draft, *picture, now);
            if (!with_picture) return with_picture.error();
            Writer writer;
            writer.user_id = user.id;
            auto saved = save_in(c, site_slug, *with_picture, now, writer);
            if (!saved) return saved.error();
            return readable(c, user, saved->id);
        });
    if (made && *picture) (*picture)->keep();
    return made;
}

Result<SavedArticle> ArticleService::take_down(const domain::Article& story,
                                               const std::string& why) {
    const UnixTime now = clock_.now();
    return db::in_transaction<SavedArticle>(
        database_, [&](db::Connection& c) -> Result<SavedArticle> {
            if (auto locked = storage::ArticleStore(c).lock({story.id}); !locked)
                return locked.error();
            auto current = storage::ArticleStore(c).by_id(story.id);
            if (!current) return current.error();
            if (!*current) return Error::not_found("The story is gone.");
            const domain::Article& before = **current;
            // A story not out yet stays where it is in the newsroom; one out, or scheduled,
            // comes down as an editor's "unpublish" would take it.
            if (domain::is_listed(before.status)) {
                std::optional<UnixTime> published;
                if (before.status == domain::ArticleStatus::Published &&
                    before.first_published_at > 0)
                    published = before.first_published_at;
                if (auto s = storage::ArticleStore(c).set_status(
                        before.id, domain::ArticleStatus::Unpublished, published, now);
                    !s)
                    return s.error();
            }
            if (auto kept = record(c, domain::Actor::system("import"),
                                   domain::AuditAction::ArticleUnpublish, before, why, now);
                !kept)
                return kept.error();
            return SavedArticle{before.id, before.revision, before.slug, false, false, {}};
        });
}

std::string ArticleService::rendered_body(const ArticleDraft& content) {
    return sanitized_body(content).html;
}

ArticleDraft ArticleService::content_of(const domain::Article& a) {
    ArticleDraft d;
    d.external_id = a.external_id;
    d.slug = a.slug;
    d.headline = a.headline;
    d.standfirst = a.standfirst;
    d.body_source = a.body_source;
    d.body_html = a.body_html;
    d.dateline = a.dateline;
    d.source_credit = a.source_credit;
    if (a.section) d.section_slug = a.section->slug;
    for (const auto& author : a.authors) d.author_names.push_back(author.name);
    for (const auto& tag : a.tags) d.tag_names.push_back(tag.name);
    if (a.lead_image) d.lead_image_id = a.lead_image->id;
    d.lead_caption = a.lead_caption;
    d.lead_credit = a.lead_credit;
    d.status = a.status;
    if (a.first_published_at > 0) d.first_published_at = a.first_published_at;
    d.updated_at = a.updated_at;
    return d;
}

Result<domain::Article> ArticleService::readable(db::Connection& c, const domain::User& user,
                                                 Id id) {
    auto found = storage::ArticleStore(c).by_id(id);
    if (!found) return found.error();
    if (!*found) return Error::not_found("There is no such article.");
    if (!domain::may_read(user, **found)) return not_yours();
    if (auto notes = storage::ArticleStore(c).attach_notes(**found); !notes) return notes.error();
    return std::move(**found);
}

Result<domain::Article> ArticleService::article(const domain::User& user, Id id) {
    auto lease = database_.acquire();
    return readable(*lease, user, id);
}

Result<domain::Article> ArticleService::create(const domain::User& user,
                                               const std::string& site_slug, ArticleDraft content,
                                               PictureSource picture) {
    content.external_id.clear();
    if (picture == PictureSource::Story) content.lead_image_id.reset();
    content.status = domain::ArticleStatus::Draft;
    content.first_published_at.reset();
    content.updated_at.reset();
    if (auto valid = check(content); !valid) return valid.error();
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::Article>(
        database_, [&](db::Connection& c) -> Result<domain::Article> {
            storage::SiteStore sites(c);
            auto site = find_site(sites, site_slug);
            if (!site) return Error::not_found("There is no site '" + site_slug + "'.");
            if (!domain::may_write(user, site->id)) return not_yours();
            Writer writer;
            writer.user_id = user.id;
            auto saved = save_in(c, site_slug, content, now, writer);
            if (!saved) return saved.error();
            return readable(c, user, saved->id);
        });
}

Result<domain::Article> ArticleService::revise(const domain::User& user, Id id,
                                               ArticleDraft content, std::int64_t base_revision,
                                               PictureSource picture) {
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::Article>(database_, [&](db::Connection& c) {
        return revise_in(c, user, id, std::move(content), base_revision, now, picture);
    });
}

Result<domain::Article> ArticleService::revise_in(db::Connection& c, const domain::User& user,
                                                  Id id, ArticleDraft content,
                                                  std::int64_t base_revision, UnixTime now,
                                                  PictureSource picture, domain::AuditAction action,
                                                  std::string detail) {
    if (auto locked = storage::ArticleStore(c).lock({id}); !locked) return locked.error();
    auto before = readable(c, user, id);
    if (!before) return before.error();
    if (!domain::may_edit(user, *before)) return not_yours();
    storage::SiteStore sites(c);
    auto site = site_by_id(sites, before->site_id);
    if (!site) return site.error();
    // What the form does not carry stays as it was: the state, the wire's id, and the picture
    // unless the save states it (an upload, a restore, the API): an id from a form is not trusted.
    content.external_id = before->external_id;
    content.status = before->status;
    const std::optional<Id> picture_before =
        before->lead_image ? std::optional<Id>(before->lead_image->id) : std::nullopt;
    if (picture == PictureSource::Story) content.lead_image_id = picture_before;
    if (before->first_published_at > 0) {
        content.first_published_at = before->first_published_at;
        if (!content.slug.empty() && content.slug != before->slug)
            return Error::invalid(
                "A story that has been published keeps its address: its slug stays '" +
                    before->slug + "'.",
                "slug");
    } else {
        content.first_published_at.reset();
    }
    // Wire copy has markup (links, emphasis) but no source: an editor sees its text, and while
    // the body comes back as that text, the markup stays.
    const auto text_of = [](std::string_view t) {
        const auto first = t.find_first_not_of(" \t\r\n");
        return first == std::string_view::npos
                   ? std::string_view()
                   : t.substr(first, t.find_last_not_of(" \t\r\n") - first + 1);
    };
    if (before->body_source.empty() && !content.body_source.empty() &&
        text_of(content.body_source) == text_of(before->body_text)) {
        content.body_source.clear();
        content.body_html = before->body_html;
    }
    content.updated_at =
        domain::is_listed(before->status) ? std::max(now, before->first_published_at) : now;
    if (auto valid = check(content); !valid) return valid.error();
    Writer writer;
    writer.article_id = id;
    writer.user_id = user.id;
    writer.base_revision = base_revision;
    auto saved = save_in(c, site->slug, content, now, writer);
    if (!saved) return saved.error();
    auto after = readable(c, user, id);
    if (!after) return after.error();
    // Drafts change all day; what readers have seen changing is what the log keeps.
    if (before->first_published_at > 0 || action != domain::AuditAction::ArticleEdit) {
        detail += (detail.empty() ? "" : ", ") + std::string("revision ") +
                  std::to_string(after->revision);
        if (auto kept = record(c, domain::Actor::of(user), action, *after, detail, now); !kept)
            return kept.error();
    }
    // A picture changed along with the text (the API's whole document) is logged as an
    // upload is, whatever the story's state.
    if (action == domain::AuditAction::ArticleEdit && content.lead_image_id != picture_before) {
        const std::string what = content.lead_image_id ? "a new picture" : "the picture removed";
        if (auto kept = record(c, domain::Actor::of(user), domain::AuditAction::ArticlePicture,
                               *after, what + ", revision " + std::to_string(after->revision), now);
            !kept)
            return kept.error();
    }
    return after;
}

Result<domain::Article> ArticleService::set_picture(const domain::User& user, Id id,
                                                    std::optional<std::string_view> picture,
                                                    std::int64_t base_revision) {
    {
        // Decoding a picture takes a while: first make sure this account may edit the story.
        auto lease = database_.acquire();
        auto before = readable(*lease, user, id);
        if (!before) return before.error();
        if (!domain::may_edit(user, *before)) return not_yours();
    }
    std::optional<PendingPicture> pending;
    if (picture) {
        auto stored = media_.store_bytes(*picture);
        if (!stored) return stored.error();
        pending.emplace(std::move(*stored));
    }
    const UnixTime now = clock_.now();
    auto done = db::in_transaction<domain::Article>(
        database_, [&](db::Connection& c) -> Result<domain::Article> {
            if (auto locked = storage::ArticleStore(c).lock({id}); !locked) return locked.error();
            auto before = readable(c, user, id);
            if (!before) return before.error();
            auto content = content_of(*before);
            content.lead_image_id.reset();
            if (pending) {
                auto media = pending->record(c, now);
                if (!media) return media.error();
                content.lead_image_id = media->id;
            }
            return revise_in(c, user, id, std::move(content), base_revision, now,
                             PictureSource::Draft, domain::AuditAction::ArticlePicture,
                             pending ? "a new picture" : "the picture removed");
        });
    if (done && pending) pending->keep();
    return done;
}

Result<domain::Article> ArticleService::act(const domain::User& user, Id id,
                                            domain::ArticleAction action,
                                            std::optional<UnixTime> at) {
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::Article>(
        database_, [&](db::Connection& c) -> Result<domain::Article> {
            if (auto locked = storage::ArticleStore(c).lock({id}); !locked) return locked.error();
            auto before = readable(c, user, id);
            if (!before) return before.error();
            if (!domain::may_act(user, *before, action)) return not_yours();
            const auto next = domain::next_status(before->status, action);
            if (!next)
                return Error::invalid(
                    "A story that is " + std::string(domain::to_string(before->status)) +
                        " cannot be given to '" + std::string(domain::to_string(action)) + "'.",
                    "action");
            std::optional<UnixTime> published =
                before->first_published_at > 0 ? std::optional<UnixTime>(before->first_published_at)
                                               : std::nullopt;
            UnixTime updated = before->updated_at;
            domain::ArticleStatus status = *next;
            if (action == domain::ArticleAction::Publish) {
                // Back after being taken down, it keeps its first publication time.
                if (!published || before->status == domain::ArticleStatus::Scheduled)
                    published = now;
                domain::hold_for_embargo(status, published, before->embargoed_until, now);
                updated = std::max(updated, *published);
            } else if (action == domain::ArticleAction::Schedule) {
                if (!at || *at <= now)
                    return Error::invalid("A story is scheduled for a time still to come.",
                                          "publish_at");
                published = *at;
                domain::hold_for_embargo(status, published, before->embargoed_until, now);
                updated = *published;
            } else if (action == domain::ArticleAction::Unpublish &&
                       before->status == domain::ArticleStatus::Scheduled) {
                published.reset();  // called off: it was never published
            }
            if (auto s = storage::ArticleStore(c).set_status(id, status, published, updated); !s)
                return s.error();
            // Published or scheduled, it takes its place in related news.
            if (domain::is_listed(status))
                if (auto chosen = RelatedNews::choose(c, id, now); !chosen) return chosen.error();
            const std::optional<UnixTime> asked =
                action == domain::ArticleAction::Publish    ? std::optional<UnixTime>(now)
                : action == domain::ArticleAction::Schedule ? at
                                                            : std::nullopt;
            const bool held = asked && published && *published > *asked;
            std::string detail =
                action == domain::ArticleAction::Schedule ? "for " + format_utc_iso8601(*at) : "";
            if (held)
                detail += (detail.empty() ? "" : "; ") + std::string("held by its embargo until ") +
                          format_utc_iso8601(*published);
            if (auto kept =
                    record(c, domain::Actor::of(user), audited(action), *before, detail, now);
                !kept)
                return kept.error();
            return readable(c, user, id);
        });
}

Result<domain::Article> ArticleService::add_note(const domain::User& user, Id id,
                                                 domain::NoteKind kind, const std::string& text) {
    if (const auto problem = domain::note_problem(text))
        return Error::invalid(
            *problem == "too_long"
                ? "A note has at most " + std::to_string(domain::max_note_chars) + " characters."
                : "A note needs its text.",
            "note");
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::Article>(
        database_, [&](db::Connection& c) -> Result<domain::Article> {
            if (auto locked = storage::ArticleStore(c).lock({id}); !locked) return locked.error();
            auto story = readable(c, user, id);
            if (!story) return story.error();
            if (!domain::may_publish(user, story->site_id)) return not_yours();
            if (story->first_published_at == 0)
                return Error::invalid("A note goes on a story that has been published.", "note");
            const domain::ArticleNote note{0, kind, text, now};
            const UnixTime updated =
                domain::is_listed(story->status) ? std::max(now, story->first_published_at) : now;
            if (auto added = storage::ArticleStore(c).add_note(id, note, user.id, updated); !added)
                return added.error();
            if (auto kept = record(c, domain::Actor::of(user), domain::AuditAction::ArticleNote,
                                   *story, std::string(domain::to_string(kind)) + ": " + text, now);
                !kept)
                return kept.error();
            return readable(c, user, id);
        });
}

Result<std::vector<domain::Article>> ArticleService::list(const domain::User& user,
                                                          const ArticleQuery& query) {
    auto lease = database_.acquire();
    storage::SiteStore sites(*lease);
    auto all = sites.sites();
    if (!all) return all.error();
    storage::NewsroomQuery q;
    q.status = query.status;
    q.created_by = query.created_by;
    q.text = query.text;
    q.after = query.after;
    q.limit = query.limit;
    // The sites on which the account reads every story, and those where only its own.
    std::vector<Id> every, own;
    for (const auto& s : *all) {
        if (!query.site.empty() && s.slug != query.site) continue;
        if (domain::may_publish(user, s.id))
            every.push_back(s.id);
        else if (domain::may_write(user, s.id))
            own.push_back(s.id);
    }
    if (!query.site.empty()) {
        const auto site = std::find_if(all->begin(), all->end(),
                                       [&](const auto& s) { return s.slug == query.site; });
        if (site == all->end()) return Error::not_found("There is no site '" + query.site + "'.");
        if (every.empty() && own.empty()) return not_yours();
        if (!query.section.empty()) {
            auto sections = sites.sections(site->id);
            if (!sections) return sections.error();
            for (const auto& s : *sections)
                if (s.slug == query.section) q.section_id = s.id;
            if (!q.section_id)
                return Error::invalid("The site has no section '" + query.section + "'.",
                                      "section");
        }
    }
    storage::ArticleStore articles(*lease);
    std::vector<domain::Article> out;
    if (!every.empty()) {
        q.site_ids = every;
        auto found = articles.list_for_newsroom(q);
        if (!found) return found.error();
        out = std::move(*found);
    }
    if (!own.empty() && (!query.created_by || *query.created_by == user.id)) {
        q.site_ids = own;
        q.created_by = user.id;
        auto found = articles.list_for_newsroom(q);
        if (!found) return found.error();
        out.insert(out.end(), found->begin(), found->end());
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return std::tie(a.updated_at, a.id) > std::tie(b.updated_at, b.id);
        });
        if (out.size() > static_cast<std::size_t>(query.limit)) out.resize(query.limit);
    }
    return out;
}

Result<std::vector<storage::ArticleRevision>> ArticleService::revisions(const domain::User& user,
                                                                        Id id) {
    auto lease = database_.acquire();
    if (auto found = readable(*lease, user, id); !found) return found.error();
    return storage::RevisionStore(*lease).list(id);
}

Result<storage::ArticleRevision> ArticleService::revision(const domain::User& user, Id id,
                                                          std::int64_t revision) {
    auto lease = database_.acquire();
    if (auto found = readable(*lease, user, id); !found) return found.error();
    auto found = storage::RevisionStore(*lease).get(id, revision);
    if (!found) return found.error();
    if (!*found)
        return Error::not_found("The article has no revision " + std::to_string(revision) + ".");
    return std::move(**found);
}

Result<domain::Article> ArticleService::link_translation(const domain::User& user, Id id,
                                                         Id other) {
    return db::in_transaction<domain::Article>(database_, [&](db::Connection& c) {
        return link_in(c, &user, domain::Actor::of(user), id, other);
    });
}

Result<domain::Article> ArticleService::link_translation_as(const std::string& actor, Id id,
                                                            Id other) {
    return db::in_transaction<domain::Article>(database_, [&](db::Connection& c) {
        return link_in(c, nullptr, domain::Actor::system(actor), id, other);
    });
}

Result<domain::Article> ArticleService::link_in(db::Connection& c, const domain::User* user,
                                                const domain::Actor& actor, Id id, Id other) {
    storage::ArticleStore articles(c);
    if (auto locked = articles.lock({id, other}); !locked) return locked.error();
    // A story as whoever links may see it: the account's to read, or any for the system.
    const auto story = [&](Id which) -> Result<domain::Article> {
        if (user) return readable(c, *user, which);
        auto found = articles.by_id(which);
        if (!found) return found.error();
        if (!*found) return Error::not_found("There is no such story.");
        return std::move(**found);
    };
    auto a = story(id);
    if (!a) return a.error();
    auto b = story(other);
    if (!b) return b.error();
    if (a->site_id == b->site_id)
        return Error::invalid("A translation is a story of another site.", "translation");
    // Everyone in either group joins one: each the account's to edit, one a site.
    std::vector<domain::Article> members{*a, *b};
    for (const auto* member : {&*a, &*b}) {
        auto linked = articles.translations(*member);
        if (!linked) return linked.error();
        members.insert(members.end(), linked->begin(), linked->end());
    }
    std::vector<Id> ids;
    std::vector<Id> sites;
    for (const auto& m : members) {
        if (std::find(ids.begin(), ids.end(), m.id) != ids.end()) continue;
        if (user && !domain::may_edit(*user, m)) return not_yours();
        if (std::find(sites.begin(), sites.end(), m.site_id) != sites.end())
            return Error::conflict("These stories would make two translations on one site.",
                                   "translation");
        ids.push_back(m.id);
        sites.push_back(m.site_id);
    }
    // A group is named by its smallest member: no other group can have that name.
    const Id group = *std::min_element(ids.begin(), ids.end());
    if (auto s = articles.set_translation_group(ids, group); !s) return s.error();
    if (auto kept = record(c, actor, domain::AuditAction::ArticleTranslation, *a,
                           "linked to: " + b->headline, clock_.now());
        !kept)
        return kept.error();
    return story(id);
}

Result<domain::Article> ArticleService::unlink_translation(const domain::User& user, Id id) {
    return db::in_transaction<domain::Article>(
        database_, [&](db::Connection& c) -> Result<domain::Article> {
            storage::ArticleStore articles(c);
            if (auto locked = articles.lock({id}); !locked) return locked.error();
            auto story = readable(c, user, id);
            if (!story) return story.error();
            if (!domain::may_edit(user, *story)) return not_yours();
            auto linked = articles.translations(*story);
            if (!linked) return linked.error();
            if (auto s = articles.set_translation_group({id}, std::nullopt); !s) return s.error();
            // Those left keep a group named by their smallest member (none for one alone).
            std::vector<Id> rest;
            for (const auto& l : *linked) rest.push_back(l.id);
            const std::optional<Id> group =
                rest.size() > 1 ? std::optional<Id>(*std::min_element(rest.begin(), rest.end()))
                                : std::nullopt;
            if (auto s = articles.set_translation_group(rest, group); !s) return s.error();
            if (auto kept =
                    record(c, domain::Actor::of(user), domain::AuditAction::ArticleTranslation,
                           *story, "unlinked", clock_.now());
                !kept)
                return kept.error();
            return readable(c, user, id);
        });
}

Result<std::vector<domain::Article>> ArticleService::translations(const domain::User& user, Id id) {
    auto lease = database_.acquire();
    auto story = readable(*lease, user, id);
    if (!story) return story.error();
    return storage::ArticleStore(*lease).translations(*story);
}

Result<RevisionComparison> ArticleService::compare(const domain::User& user, Id id,
                                                   std::int64_t from, std::int64_t to) {
    auto earlier = revision(user, id, from);
    if (!earlier) return earlier.error();
    auto later = revision(user, id, to);
    if (!later) return later.error();
    auto changes = domain::compare(earlier->content, later->content);
    return RevisionComparison{std::move(*earlier), std::move(*later), std::move(changes)};
}

Result<domain::Article> ArticleService::restore(const domain::User& user, Id id,
                                                std::int64_t revision, std::int64_t base_revision) {
    auto earlier = this->revision(user, id, revision);
    if (!earlier) return earlier.error();
    auto content = earlier->content;
    content.slug.clear();  // the story's current address stays
    const UnixTime now = clock_.now();
    return db::in_transaction<domain::Article>(database_, [&](db::Connection& c) {
        return revise_in(c, user, id, content, base_revision, now, PictureSource::Draft,
                         domain::AuditAction::ArticleRestore,
                         "from revision " + std::to_string(revision));
    });
}

Result<std::vector<Id>> ArticleService::publish_due() {
    const UnixTime now = clock_.now();
    return db::in_transaction<std::vector<Id>>(
        database_, [&](db::Connection& c) -> Result<std::vector<Id>> {
            storage::ArticleStore articles(c);
            auto published = articles.publish_due(now);
            if (!published) return published.error();
            // Recorded by the node whose statement claimed the story: once.
            for (const auto id : *published) {
                auto story = articles.by_id(id);
                if (!story) return story.error();
                if (!*story) continue;
                if (auto kept =
                        record(c, domain::Actor::system("scheduler"),
                               domain::AuditAction::ArticlePublishOnSchedule, **story, "", now);
                    !kept)
                    return kept.error();
            }
            return published;
        });
}

}  // namespace dateline::app
