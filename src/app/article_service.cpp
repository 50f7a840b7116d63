#include "app/article_service.hpp"

#include <algorithm>

#include "domain/paths.hpp"
#include "domain/slug.hpp"
#include "sanitize/html_sanitizer.hpp"
#include "storage/article_store.hpp"
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

Status check(const ArticleDraft& draft) {
    if (auto valid = domain::validate(draft); !valid) return valid.error();
    if (!draft.slug.empty() && !domain::is_valid_slug(draft.slug))
        return Error::invalid(
            "The slug may hold only lowercase letters, digits and single hyphens.", "slug");
    return success();
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
                                             const ArticleDraft& draft, UnixTime now) {
    storage::SiteStore sites(c);
    storage::ArticleStore articles(c);
    auto site = find_site(sites, site_slug);
    if (!site) return site.error();

    storage::ArticleRecord record;
    record.site_id = site->id;
    std::optional<Id> existing;
    if (!draft.external_id.empty()) {
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
    for (const auto& name : draft.author_names) {
        auto author = sites.ensure_author(site->id, domain::slugify(name), name);
        if (!author) return author.error();
        record.author_ids.push_back(author->id);
    }
    for (const auto& name : draft.tag_names) {
        const std::string slug = domain::slugify(name);
        if (slug.empty()) continue;
        auto tag = sites.ensure_tag(site->id, slug, name);
        if (!tag) return tag.error();
        record.tag_ids.push_back(tag->id);
    }
    record.headline = draft.headline;
    record.standfirst = draft.standfirst;
    // Whoever wrote the body, only the sanitizer's output is stored.
    auto body = sanitize::sanitize_html(draft.body_html);
    record.body_html = std::move(body.html);
    record.body_text = std::move(body.text);
    record.dateline = draft.dateline;
    record.source_credit = draft.source_credit;
    record.lead_media_id = draft.lead_image_id;
    record.lead_caption = draft.lead_caption;
    record.lead_credit = draft.lead_credit;
    record.status = draft.status;
    record.first_published_at = draft.first_published_at;
    record.updated_at = draft.updated_at.value_or(now);
    record.external_id = draft.external_id;

    auto id = articles.save(record, now);
    if (!id) return id.error();
    SavedArticle saved;
    saved.id = *id;
    saved.slug = record.slug;
    saved.created = !existing;
    saved.visible = record.status != domain::ArticleStatus::Draft && record.first_published_at &&
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

Result<SavedArticle> ArticleService::import_wire_item(const std::string& site_slug,
                                                      const domain::WireItem& item, bool publish,
                                                      const std::string& section_slug) {
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
    const UnixTime now = clock_.now();
    auto previous = imported_before(site_slug, item.guid);
    if (!previous) return previous.error();
    if (publish) {
        draft.status = domain::ArticleStatus::Published;
        draft.first_published_at = std::min(item.first_created.value_or(now), now);
    }
    if (*previous) {
        // A new version of a story already here is a correction: it keeps the story's
        // publication, its first publication time and its section unless told otherwise.
        const domain::Article& before = **previous;
        if (before.status != domain::ArticleStatus::Draft) {
            draft.status = before.status;
            draft.first_published_at = before.first_published_at;
        }
        if (draft.section_slug.empty() && before.section) draft.section_slug = before.section->slug;
    }
    if (draft.first_published_at) {
        draft.updated_at =
            std::clamp(item.version_created.value_or(*draft.first_published_at),
                       *draft.first_published_at, std::max(now, *draft.first_published_at));
    }
    if (item.image) {
        draft.lead_caption = item.image->caption;
        draft.lead_credit = item.image->credit;
    }
    if (auto valid = check(draft); !valid) return valid.error();
    // Stored before the transaction (decoding takes a while and must not hold the write lock),
    // recorded inside it; a refused import removes the files it newly wrote.
    std::optional<PendingPicture> picture;
    if (item.image) {
        auto stored = media_.store_file(item.image->location);
        if (!stored) return stored.error();
        picture.emplace(std::move(*stored));
    }
    auto saved =
        db::in_transaction<SavedArticle>(database_, [&](db::Connection& c) -> Result<SavedArticle> {
            ArticleDraft with_picture = draft;
            if (picture) {
                auto media = picture->record(c, now);
                if (!media) return media.error();
                with_picture.lead_image_id = media->id;
            }
            return save_in(c, site_slug, with_picture, now);
        });
    if (saved && picture) picture->keep();
    return saved;
}

}  // namespace dateline::app
