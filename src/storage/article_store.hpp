#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"

namespace dateline::storage {

/// Which published articles to list: the whole site, one section or one tag.
struct ArticleFilter {
    domain::Id site_id = 0;
    std::optional<domain::Id> section_id{};
    std::optional<domain::Id> tag_id{};
    /// An author's stories (their byline names the author); not with `tag_id`.
    std::optional<domain::Id> author_id{};
    /// Only stories without a section (what `<prefix>news/` lists); not with `section_id`.
    bool sectionless = false;
    /// Only stories first published at or after this time.
    std::optional<UnixTime> published_since{};
};

/// Which articles the newsroom lists. Empty or absent fields do not narrow the list.
/// A story's place in the newsroom's order (last changed first: later change, then larger id),
/// after which a page of the list goes on (keyset pagination: a page costs the same however
/// deep it is).
struct ChangePosition {
    UnixTime updated_at = 0;
    domain::Id id = 0;
};

struct NewsroomQuery {
    std::vector<domain::Id> site_ids;  ///< the sites to list (none: an empty list)
    std::optional<domain::ArticleStatus> status;
    std::optional<domain::Id> section_id;
    std::optional<domain::Id> created_by;
    std::string text;                     ///< words of the headline, any case
    std::optional<ChangePosition> after;  ///< the stories after this one in the order
    int limit = 50;
};

/// A story's place in reading order (newest first: later time, then larger id), where a page of
/// a listing starts (keyset pagination: a page costs the same however deep it is).
struct ListingPosition {
    UnixTime published_at = 0;
    domain::Id id = 0;
};

/// Which page of a listing: the first, the stories older than a position, or those newer.
struct ListingPage {
    enum class From { Newest, OlderThan, NewerThan };
    From from = From::Newest;
    ListingPosition position;
};

/// What an article row refers to by id; the application has resolved every name already.
struct ArticleRecord {
    domain::Id id = 0;  ///< 0: insert
    domain::Id site_id = 0;
    std::string slug, headline, standfirst, body_html, body_text, body_source, dateline,
        source_credit;
    std::optional<domain::Id> section_id;
    std::optional<domain::Id> lead_media_id;
    std::string lead_caption, lead_credit;
    domain::ArticleStatus status = domain::ArticleStatus::Draft;
    std::optional<UnixTime> first_published_at;
    UnixTime updated_at = 0;
    std::string external_id;
    std::optional<UnixTime> embargoed_until;
    std::vector<domain::Id> author_ids;  ///< byline order
    std::vector<domain::Id> tag_ids;
    std::optional<domain::Id> created_by;  ///< written on insert only
    /// The revision the writer started from: the save is refused (Conflict on "revision") when
    /// the article has moved on since. Nothing: saved whatever its revision (imports).
    std::optional<std::int64_t> expected_revision;
};

/// An article's id and the revision a save made of it (1 for a new article).
struct SavedRevision {
    domain::Id id = 0;
    std::int64_t revision = 0;
};

/// Articles with their byline, tags, section and lead image. "Visible" means readers may see it:
/// published or scheduled, with a publication time at or before `now`.
class ArticleStore {
  public:
    explicit ArticleStore(db::Connection& connection) : c_(connection) {}

    /// Inserts (id 0) or replaces an article with its authors and tags, moving its revision on.
    /// A slug already used on the site is a Conflict on field "slug"; an article that moved on
    /// from `expected_revision` is a Conflict on "revision"; a missing one, NotFound.
    Result<SavedRevision> save(const ArticleRecord& record, UnixTime now);
    /// Waits for the stories' write turn and holds it until the transaction ends, so that
    /// transactions writing stories, their tags and bylines, and the lists that name them
    /// (related news, the front page's choice, most read) run one at a time on PostgreSQL, as
    /// every write transaction does on SQLite. Taken before the transaction writes or locks
    /// anything, so it adds no deadlock and removes those of rows taken in different orders (two
    /// stories' tags, two related lists); and a list's writer sees a story's change committed,
    /// or the change's triggers see the list's rows. Taking it again in the same transaction
    /// returns at once (a round trip on PostgreSQL).
    Status take_write_turn();
    /// Takes the write turn, then holds these articles' rows until the transaction ends, so that
    /// what it reads of them stays true until it writes, also against writers that take no turn:
    /// PostgreSQL's row locks (`FOR NO KEY UPDATE`, which still lets rows that refer to them be
    /// written). SQLite needs neither: its write transactions already run one at a time.
    Status lock(const std::vector<domain::Id>& ids);
    /// Moves the article to `status` with this publication time (nothing: none) and last update,
    /// without touching its content or revision. NotFound when there is no such article.
    Status set_status(domain::Id id, domain::ArticleStatus status,
                      std::optional<UnixTime> first_published_at, UnixTime updated_at);
    /// Puts these articles in a translation group (nothing: takes them out of any).
    /// A second article of one site in a group is a Conflict (the unique index).
    Status set_translation_group(const std::vector<domain::Id>& ids,
                                 std::optional<domain::Id> group);
    /// The article's translations on other sites, whatever their state, as bare cards by site.
    Result<std::vector<domain::Article>> translations(const domain::Article& article);

    /// Adds a public note to the article and moves its last update to `updated_at`.
    Status add_note(domain::Id article_id, const domain::ArticleNote& note,
                    std::optional<domain::Id> noted_by, UnixTime updated_at);
    /// Reads the article's notes into it, oldest first.
    Status attach_notes(domain::Article& article);

    /// Publishes every scheduled article whose time has come, returning their ids. Each row is
    /// claimed by the one statement that changes it: of several nodes running this together,
    /// exactly one reports each article. Takes the write turn (take_write_turn).
    Result<std::vector<domain::Id>> publish_due(UnixTime now);

    /// The newsroom's list: articles of the given sites, last changed first, narrowed by the
    /// query's filters; bare cards (no body, bylines or tags).
    Result<std::vector<domain::Article>> list_for_newsroom(const NewsroomQuery& query);

    /// The article of the site that came from this wire item, if any.
    Result<std::optional<domain::Id>> id_by_external_id(domain::Id site_id,
                                                        const std::string& external_id);
    /// The article of the site with this slug, in any state.
    Result<std::optional<domain::Id>> id_by_slug(domain::Id site_id, const std::string& slug);
    /// True when another article of the site (not `except_id`) uses the slug.
    Result<bool> slug_taken(domain::Id site_id, const std::string& slug,
                            std::optional<domain::Id> except_id);

    /// Any article, visible or not, with its byline, tags, section and image.
    Result<std::optional<domain::Article>> by_id(domain::Id id);
    /// What of an article a read brings: its body or not (Columns::Card: everything else), its
    /// bylines and tags or not (Details::Bare). Columns::Page: the body's HTML as readers see
    /// it, without its text (search's) and source (the newsroom's).
    enum class Details { Attached, Bare };
    enum class Columns { Whole, Page, Card };

    /// These articles, whatever their state, with their bylines and tags, by id: whole, or as
    /// cards (no body).
    Result<std::vector<domain::Article>> by_ids(const std::vector<domain::Id>& ids,
                                                Columns columns = Columns::Whole,
                                                Details details = Details::Attached);
    /// by_ids, in the order of `ids` (a list someone chose) rather than by id.
    Result<std::vector<domain::Article>> by_ids_in_order(const std::vector<domain::Id>& ids,
                                                         Columns columns, Details details);
    /// The tags of these articles (ids, in the story's order), in one statement.
    Result<std::map<domain::Id, std::vector<domain::Id>>> tag_ids_of(
        const std::vector<domain::Id>& ids);
    /// Up to `limit` article ids greater than `after`, in order: a walk over every article.
    Result<std::vector<domain::Id>> ids_after(domain::Id after, int limit);
    /// How many articles there are, in every state.
    Result<std::int64_t> count_all();
    /// Whether `kept` (read by visible_by_slug) is still visible by `now` and its row unchanged
    /// since (its revision, last update and comments switch): one lookup by key.
    Result<bool> unchanged(const domain::Article& kept, UnixTime now);
    /// The visible article of the site with this slug (Columns::Page: as its page shows it).
    Result<std::optional<domain::Article>> visible_by_slug(domain::Id site_id,
                                                           const std::string& slug, UnixTime now,
                                                           Columns columns = Columns::Whole);

    /// Up to `limit` visible articles, newest first: the newest, or those just older or just
    /// newer than `page.position`. Walks an index from the starting point, so the cost does not
    /// depend on the size of the archive nor on how deep the page is.
    /// With Columns::Card, the articles come without their bodies (a card shows none); with
    /// Details::Bare, without bylines and tags: a card shows neither, and a caller that needs
    /// them attaches them to the cards it keeps in one go (attach_details).
    Result<std::vector<domain::Article>> list_visible(const ArticleFilter& filter, UnixTime now,
                                                      int limit, const ListingPage& page = {},
                                                      Details details = Details::Attached,
                                                      Columns columns = Columns::Card);
    /// The ids of list_visible's articles, in its order: what a reader of cards kept in memory
    /// reads (app::StoryCards): the same walk of the same index, without reading the cards'
    /// columns, their sections or their pictures.
    Result<std::vector<domain::Id>> list_visible_ids(const ArticleFilter& filter, UnixTime now,
                                                     int limit, const ListingPage& page = {});
    /// The visible articles of the site whose ids lie in [first_id, end_id), as bare cards, by
    /// id: a part of the site's sitemap. Walks ids, so it costs what the span holds.
    Result<std::vector<domain::Article>> visible_in_id_span(domain::Id site_id, UnixTime now,
                                                            domain::Id first_id, domain::Id end_id);
    /// Which spans of ids of `span_length` hold visible articles of the site (span n holds ids
    /// n * span_length to (n + 1) * span_length - 1), with the latest change in each, by span.
    struct IdSpan {
        std::int64_t number = 0;
        UnixTime last_changed = 0;
    };
    Result<std::vector<IdSpan>> visible_id_spans(domain::Id site_id, UnixTime now,
                                                 std::int64_t span_length);
    /// Reads the bylines and tags of these articles: four statements however many there are,
    /// one for a single article.
    Status attach_details(const std::vector<domain::Article*>& articles);
    /// Where a listed (published or scheduled) article of the site stands in reading order.
    Result<std::optional<ListingPosition>> listed_position(domain::Id site_id, domain::Id id);

    /// The ids of up to `limit` of the visible stories chosen as the article's related news
    /// (RelatedStore), best first: one walk of the article's list, whatever the archive. Their
    /// cards are by_ids_in_order's (Columns::Card, Details::Bare).
    Result<std::vector<domain::Id>> related_ids(const domain::Article& article, UnixTime now,
                                                int limit);
    /// How many stories the site lists (published or scheduled, with a publication time), and
    /// how many listed stories carry each of these tags: the rarity of what a story shares with
    /// another. Counts kept by triggers, so each is one lookup whatever the archive holds.
    Result<std::int64_t> count_listed(domain::Id site_id);
    Result<std::map<domain::Id, std::int64_t>> count_listed_by_tag(
        const std::vector<domain::Id>& tag_ids);
    /// The latest `per_tag` visible stories of each of the article's tags, but the article:
    /// candidates for its related news, bounded by its tags, not by the archive.
    Result<std::vector<domain::Id>> tag_neighbours(const domain::Article& article, UnixTime now,
                                                   int per_tag);

  private:
    /// Whole articles, or cards: everything but the body (left empty), for lists of stories.
    Result<std::vector<domain::Article>> load(const std::string& where, const db::Params& params,
                                              Columns columns = Columns::Whole,
                                              Details details = Details::Attached);
    /// One article's bylines and tags, in one statement (a story page).
    Status attach_details(domain::Article& article);

    db::Connection& c_;
};

}  // namespace dateline::storage
