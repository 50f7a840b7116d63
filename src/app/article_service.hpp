#pragma once

#include <filesystem>
#include <string>

#include "app/media_service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "domain/audit.hpp"
#include "domain/editorial.hpp"
#include "domain/revision_diff.hpp"
#include "domain/user.hpp"
#include "domain/wire_item.hpp"
#include "storage/article_store.hpp"
#include "storage/revision_store.hpp"

namespace dateline::app {

/// What saving an article did.
struct SavedArticle {
    domain::Id id = 0;
    std::int64_t revision = 0;
    std::string slug;
    bool created = false;
    bool visible = false;  ///< readers can see it now
    std::string url;       ///< its public URL when visible
};

/// Two saves of a story and what changed from the first to the second.
struct RevisionComparison {
    storage::ArticleRevision from;
    storage::ArticleRevision to;
    domain::ContentComparison changes;
};

/// Which stories the newsroom lists (empty fields do not narrow it).
struct ArticleQuery {
    std::string site;  ///< a site's slug
    std::optional<domain::ArticleStatus> status;
    std::string section;  ///< a section's slug, on `site`
    std::optional<domain::Id> created_by;
    std::string text;                              ///< words of the headline
    std::optional<storage::ChangePosition> after;  ///< the page after this story
    int limit = 50;
};

/// Where a save takes the story's lead picture from. Story: the picture stays what it was (the
/// newsroom's form, which changes it only by upload; none for a new story). Draft: the draft's
/// lead_image_id, an id of the media table (the API, whose document states the story whole).
enum class PictureSource { Story, Draft };

/// Writing articles: the newsroom's editors and the wires. What changes a story readers may
/// have seen (state changes, edits after publication, pictures, notes, restores, scheduled
/// publication) is recorded in the audit log in the same transaction. Each save is one transaction:
/// the article, its byline, its tags and its revision land together or not at all. The newsroom's
/// operations take the account that asks and check what it may do (domain/editorial.hpp):
/// Forbidden when it may not, whatever screen or API asked.
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
    /// `publish` (scheduled for its embargo while the embargo is still to come), else kept as a
    /// draft. Re-importing the same item updates it as a correction: a published story stays
    /// published at its first publication time, in its section unless another is given. An item
    /// the agency has withheld or canceled takes the story made from it down (unpublished, on the
    /// audit log as the import's act) and is refused when there is none. The picture's media row
    /// and the article are one transaction; a refused import leaves no new file in the media
    /// folder.
    Result<SavedArticle> import_wire_item(const std::string& site_slug,
                                          const domain::WireItem& item, bool publish,
                                          const std::string& section_slug = {});

    /// A draft of the site made by `user` from a wire item (an editor's "Use" in the wire
    /// queue): every field of the item, its picture stored, its embargo kept, the item's id
    /// remembered so that the agency's later versions find the story. The story made from the
    /// item before, when there is one, instead of a second. Refused for an item the agency has
    /// withheld or canceled, and for a site the user may not write for.
    Result<domain::Article> use_wire_item(const domain::User& user, const std::string& site_slug,
                                          const domain::WireItem& item,
                                          const std::string& section_slug);
    /// A new draft on the site, written by `user` (the byline is what the draft names). The
    /// body is rendered from its Markdown source when it has one.
    Result<domain::Article> create(const domain::User& user, const std::string& site_slug,
                                   domain::ArticleDraft content,
                                   PictureSource picture = PictureSource::Story);
    /// New content for a story, from the revision the writer started from: Conflict on
    /// "revision" when someone saved it since (nothing is written; the caller keeps the text).
    /// A story keeps its state, and its picture unless `picture` is Draft; once it has been
    /// published its address (slug) stays, and its "last updated" time moves to now. Wire copy
    /// (a body without source) keeps its markup while the source sent is its text unchanged.
    Result<domain::Article> revise(const domain::User& user, domain::Id id,
                                   domain::ArticleDraft content, std::int64_t base_revision,
                                   PictureSource picture = PictureSource::Story);
    /// Sets the story's lead picture from an upload's bytes (decoded, oriented, stripped of its
    /// metadata and stored with its smaller copies by the media library), or removes it
    /// (nothing): a save like revise(), from `base_revision`. The account's right to edit is
    /// checked before the picture is decoded; a refused picture is Invalid on "image", and a
    /// save that fails leaves no new file behind.
    Result<domain::Article> set_picture(const domain::User& user, domain::Id id,
                                        std::optional<std::string_view> picture,
                                        std::int64_t base_revision);
    /// Moves the story's state (domain::next_status): Invalid on "action" when the action does
    /// not apply to its state. Publishing keeps the first publication time of a story that had
    /// one; scheduling needs `at`, a time to come (Invalid on "publish_at" otherwise).
    Result<domain::Article> act(const domain::User& user, domain::Id id,
                                domain::ArticleAction action, std::optional<UnixTime> at = {});
    /// Adds a public correction or update note to a story that has been published, moving its
    /// "last updated" time to now: an editor's act (may_publish). Invalid on "note" for an
    /// empty or too long text, or a story never published.
    Result<domain::Article> add_note(const domain::User& user, domain::Id id, domain::NoteKind kind,
                                     const std::string& text);
    /// The story with its body, bylines, tags and notes, if the account may read it.
    Result<domain::Article> article(const domain::User& user, domain::Id id);
    /// The stories the account may read, last changed first. An unknown site or section gives
    /// NotFound on "site" or "section"; a site not the account's, Forbidden.
    Result<std::vector<domain::Article>> list(const domain::User& user, const ArticleQuery& query);
    /// Its saves, newest first (without content).
    Result<std::vector<storage::ArticleRevision>> revisions(const domain::User& user,
                                                            domain::Id id);
    /// One save with its content.
    Result<storage::ArticleRevision> revision(const domain::User& user, domain::Id id,
                                              std::int64_t revision);
    /// Links the story to its translation on a sister site: they join one translation group,
    /// with the stories already in either's (every one of them the account's to edit, else
    /// Forbidden). Invalid on "translation" for a story of the same site; Conflict on
    /// "translation" when the group would hold two stories of one site.
    Result<domain::Article> link_translation(const domain::User& user, domain::Id id,
                                             domain::Id other);
    /// The same for a part of the system with no account (the demo loader), recorded as its act
    /// (`actor`, Actor::system's name).
    Result<domain::Article> link_translation_as(const std::string& actor, domain::Id id,
                                                domain::Id other);
    /// Takes the story out of its translation group (a group of one left ends too).
    Result<domain::Article> unlink_translation(const domain::User& user, domain::Id id);
    /// The story's translations on sister sites, in any state, if the account may read it.
    Result<std::vector<domain::Article>> translations(const domain::User& user, domain::Id id);

    /// What changed from one save of the story to another (either order).
    Result<RevisionComparison> compare(const domain::User& user, domain::Id id, std::int64_t from,
                                       std::int64_t to);
    /// Saves the content of an earlier revision as the newest (revise() with it).
    Result<domain::Article> restore(const domain::User& user, domain::Id id, std::int64_t revision,
                                    std::int64_t base_revision);

    /// Publishes the scheduled stories whose time has come; their ids. Run by every serving
    /// node; each story is published, and reported, by exactly one of them.
    Result<std::vector<domain::Id>> publish_due();

    /// The sanitized HTML that saving this content would store (from its Markdown source when
    /// it has one): what a preview shows.
    static std::string rendered_body(const domain::ArticleDraft& content);

    /// The editable fields of a stored story, by name: what a form or a revision holds.
    static domain::ArticleDraft content_of(const domain::Article& article);

  private:
    // Unpublishes a story the wires have withdrawn, on the audit log with the reason.
    Result<SavedArticle> take_down(const domain::Article& story, const std::string& why);
    // link_translation in the caller's transaction: by `user` (every story theirs to edit), or by
    // a part of the system when there is none.
    Result<domain::Article> link_in(db::Connection& c, const domain::User* user,
                                    const domain::Actor& actor, domain::Id id, domain::Id other);
    Result<std::optional<domain::Article>> imported_before(const std::string& site_slug,
                                                           const std::string& external_id);
    // Who saves, and from which revision: none for imports and loaders.
    struct Writer {
        std::optional<domain::Id> article_id;  // the story to update; else by external id
        std::optional<domain::Id> user_id;
        std::optional<std::int64_t> base_revision;
    };
    // save() on the caller's connection, inside its transaction.
    Result<SavedArticle> save_in(db::Connection& c, const std::string& site_slug,
                                 const domain::ArticleDraft& draft, UnixTime now,
                                 const Writer& writer = {});
    // revise() on the caller's connection, inside its transaction; recorded in the audit log
    // as `action` (an edit only once the story has been published) with `detail`.
    Result<domain::Article> revise_in(db::Connection& c, const domain::User& user, domain::Id id,
                                      domain::ArticleDraft content, std::int64_t base_revision,
                                      UnixTime now, PictureSource picture,
                                      domain::AuditAction action = domain::AuditAction::ArticleEdit,
                                      std::string detail = {});
    // The story, if the account may read it (NotFound, Forbidden), on the caller's connection.
    Result<domain::Article> readable(db::Connection& c, const domain::User& user, domain::Id id);

    db::Database& database_;
    const MediaService& media_;
    const Clock& clock_;
};

/// Public URL of an article: its site's base URL and domain::article_path.
std::string article_url(const std::string& site_base_url, const domain::Article& article);

}  // namespace dateline::app
