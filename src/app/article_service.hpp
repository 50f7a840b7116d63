#pragma once

#include <filesystem>
#include <string>

#include "app/media_service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "domain/wire_item.hpp"

namespace dateline::app {

/// What saving an article did.
struct SavedArticle {
    domain::Id id = 0;
    std::string slug;
    bool created = false;
    bool visible = false;  ///< readers can see it now
    std::string url;       ///< its public URL when visible
};

/// Writing articles: drafts from editors and items from the wires. Each save is one transaction:
/// the article, its byline and its tags land together or not at all.
class ArticleService {
  public:
    ArticleService(db::Database& database, const MediaService& media, const Clock& clock)
        : database_(database), media_(media), clock_(clock) {}

    /// Creates the article, or updates the one with the draft's external id on this site.
    /// Sections are looked up by slug (unknown: Invalid on "section"); authors and tags by name,
    /// created when new. An empty slug is derived from the headline and made unique. The body is
    /// sanitized here, whatever its source.
    Result<SavedArticle> save(const std::string& site_slug, const domain::ArticleDraft& draft);

    /// Turns a wire item into an article of the site: body sanitized, picture stored, byline,
    /// dateline, source credit and tags kept. Published at the item's first-created time when
    /// `publish`, else kept as a draft. Re-importing the same item updates it as a correction:
    /// a published story stays published at its first publication time, in its section unless
    /// another is given. The picture's media row and the article are one transaction; a refused
    /// import leaves no new file in the media folder.
    Result<SavedArticle> import_wire_item(const std::string& site_slug,
                                          const domain::WireItem& item, bool publish,
                                          const std::string& section_slug = {});

  private:
    Result<std::optional<domain::Article>> imported_before(const std::string& site_slug,
                                                           const std::string& external_id);
    // save() on the caller's connection, inside its transaction.
    Result<SavedArticle> save_in(db::Connection& c, const std::string& site_slug,
                                 const domain::ArticleDraft& draft, UnixTime now);

    db::Database& database_;
    const MediaService& media_;
    const Clock& clock_;
};

/// Public URL of an article: its site's base URL and domain::article_path.
std::string article_url(const std::string& site_base_url, const domain::Article& article);

}  // namespace dateline::app
