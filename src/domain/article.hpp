#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/site.hpp"

namespace dateline::domain {

/// Where a story stands in the newsroom (domain/editorial.hpp says who moves it where). Readers
/// see only listed stories: published, or scheduled once their publication time has come.
/// Review: written, waiting for an editor. Unpublished: taken down; it keeps its first
/// publication time, should it come back.
enum class ArticleStatus { Draft, Review, Scheduled, Published, Unpublished };

/// The stored name of a status: "draft", "review", "scheduled", "published", "unpublished".
std::string_view to_string(ArticleStatus status);

/// Listed: published or scheduled, so readers see it once its publication time has come.
constexpr bool is_listed(ArticleStatus status) {
    return status == ArticleStatus::Published || status == ArticleStatus::Scheduled;
}
/// The status with this stored name; nothing for any other text.
std::optional<ArticleStatus> parse_article_status(std::string_view text);

/// Which copies of a stored picture are on disk beside it, as a level: each level has the copies
/// of the levels below. Level 0: the picture and its smaller copies (media_variants).
inline constexpr int media_copies_webp = 1;   ///< a WebP of it and of each smaller copy
inline constexpr int media_copies_crops = 2;  ///< its crops for sharing (media_crops)
/// A thumbnail-sized copy (media_thumbnail_width) and its WebP, for the small slots of lists.
inline constexpr int media_copies_thumbnail = 3;
/// The level every picture stored now has.
inline constexpr int media_copies_all = media_copies_thumbnail;

/// An image stored in the data directory's media folder, named by its content hash.
struct Media {
    Id id = 0;
    std::string file_name;  ///< "<sha256 prefix>.<ext>", unique
    std::string mime_type;
    int width = 0;
    int height = 0;
    std::int64_t bytes = 0;
    int copies = 0;  ///< which copies are stored beside it (media_copies_*)

    bool has_webp() const { return copies >= media_copies_webp; }
    bool has_crops() const { return copies >= media_copies_crops; }
    bool has_thumbnail() const { return copies >= media_copies_thumbnail; }
};

/// A smaller copy of a stored image, for `srcset`.
struct MediaVariant {
    int width = 0;
    std::string file_name;
};

/// Widths of the smaller copies kept of every stored image that is wider. The narrowest, for
/// thumbnails (a list's 8rem on a phone at 1.75 device pixels a CSS pixel), came with
/// media_copies_thumbnail: pictures stored before it may lack it.
inline constexpr int media_thumbnail_width = 240;
inline constexpr int media_variant_widths[] = {media_thumbnail_width, 480, 960};

/// The smaller copies of an image, narrowest first: "<name>-w480.jpg" for each variant width
/// below the image's own width that a picture with `copies` has (the thumbnail only from
/// media_copies_thumbnail). The media library writes exactly these files.
std::vector<MediaVariant> media_variants(const std::string& file_name, int width,
                                         int copies = media_copies_all);

/// Whether an image `width` pixels wide with `copies` has a smaller copy `variant_width` wide
/// (one of media_variant_widths): what media_variants lists, for a name that has an extension.
bool has_media_variant(int variant_width, int width, int copies);

/// Appends the name of a stored image's copy `variant_width` pixels wide, or of the image itself
/// for 0, as WebP when `webp`: media_variants' and webp_name's names, written in place for the
/// pages that list many pictures.
void append_media_name(std::string& out, std::string_view file_name, int variant_width, bool webp);

/// A crop of a stored image to one aspect ratio, for the services that show a story's picture
/// in a frame of their own (search results, link previews: schema.org's and OpenGraph's images).
struct MediaCrop {
    std::string ratio;  ///< "16x9", "4x3", "1x1"
    int width = 0;
    int height = 0;
    std::string file_name;  ///< "<name>-16x9.<ext>"
};

/// The widest a crop is made.
inline constexpr int media_crop_max_width = 1200;

/// The crops of an image of `width` x `height`: for each ratio (16:9, 4:3, 1:1), the largest box
/// of that ratio the image holds, scaled down to at most media_crop_max_width wide. The media
/// library writes exactly these files.
std::vector<MediaCrop> media_crops(const std::string& file_name, int width, int height);

/// The name of the WebP copy of a stored image or of one of its smaller copies: the same name
/// ending in ".webp" ("<hash>-w480.jpg" -> "<hash>-w480.webp").
std::string webp_name(const std::string& file_name);

/// What a public note on a story says: a correction of something it got wrong, or an update
/// (news the story has since taken in).
enum class NoteKind { Correction, Update };
/// The stored name: "correction", "update".
std::string_view to_string(NoteKind kind);
std::optional<NoteKind> parse_note_kind(std::string_view text);

/// A dated public note on a story, shown to readers under it: the list of what changed and
/// when, which a story keeps for good.
struct ArticleNote {
    Id id = 0;
    NoteKind kind = NoteKind::Correction;
    std::string text;
    UnixTime noted_at = 0;
};

/// The longest note, in Unicode characters.
inline constexpr std::size_t max_note_chars = 1000;
/// Why `text` may not be a note's text ("required", "too_long", "invalid"), or nothing.
std::optional<std::string> note_problem(std::string_view text);

/// A news story as readers and editors see it.
struct Article {
    Id id = 0;
    Id site_id = 0;
    std::string slug;
    std::string headline;
    std::string standfirst;
    std::string body_html;    ///< sanitized; safe to emit as is
    std::string body_text;    ///< plain text of the body, for search and descriptions
    std::string body_source;  ///< the Markdown an editor wrote; empty for wire copy
    std::string dateline;
    std::string source_credit;
    std::optional<Section> section;
    std::vector<Author> authors;  ///< byline order
    std::vector<Tag> tags;
    std::optional<Media> lead_image;
    std::string lead_caption;
    std::string lead_credit;
    ArticleStatus status = ArticleStatus::Draft;
    UnixTime first_published_at = 0;  ///< 0 until published
    UnixTime updated_at = 0;
    std::string external_id;  ///< the wire item's guid; re-imports update by it
    /// Not to be published before this moment (an agency's embargo): whoever publishes it, it is
    /// scheduled for then at the earliest.
    std::optional<UnixTime> embargoed_until;
    bool comments_open = true;
    std::int64_t revision = 1;     ///< moves on every save (concurrent edits are told apart by it)
    std::optional<Id> created_by;  ///< the newsroom account that wrote it; none when imported
    /// Shared with its translations on sister sites (one story a site); none when it has none.
    std::optional<Id> translation_group;
    /// Its public notes, oldest first. Read for the story's own page and the newsroom only.
    std::vector<ArticleNote> notes;

    /// True when the last update is meaningfully later than first publication (a minute or more).
    bool was_updated() const;
    /// Whether readers see it at `now`: listed, and its publication time has come.
    bool visible_at(UnixTime now) const { return is_listed(status) && first_published_at <= now; }
};

/// What a writer or an importer supplies to create or revise an article. Names, not ids: the
/// application resolves sections, authors and tags, creating authors and tags as needed.
struct ArticleDraft {
    std::string external_id;
    std::string slug;  ///< empty: derived from the headline
    std::string headline;
    std::string standfirst;
    std::string body_html;  ///< untrusted HTML: saving keeps only what the sanitizer lets through
    /// Markdown (CommonMark with GitHub's tables, strikethrough and autolinks). When not empty,
    /// the body is rendered from it, and body_html is ignored.
    std::string body_source;
    std::string dateline;
    std::string source_credit;
    std::string section_slug;
    std::vector<std::string> author_names;
    std::vector<std::string> tag_names;
    std::optional<Id> lead_image_id;
    std::string lead_caption;
    std::string lead_credit;
    ArticleStatus status = ArticleStatus::Draft;
    std::optional<UnixTime> first_published_at;
    std::optional<UnixTime> updated_at;
    /// Whether this save sets the embargo (an import: the agency's version says, a version
    /// without one lifts it); otherwise the story keeps the one it has.
    bool sets_embargo = false;
    std::optional<UnixTime> embargoed_until;
};

/// What an embargo makes of a publication: a listed story whose time comes before the embargo
/// is published at the embargo instead, scheduled while the embargo is still to come. Anything
/// else is left as it is.
void hold_for_embargo(ArticleStatus& status, std::optional<UnixTime>& first_published_at,
                      const std::optional<UnixTime>& embargoed_until, UnixTime now);

/// Editorial limits, in Unicode characters.
inline constexpr std::size_t max_headline_chars = 250;
inline constexpr std::size_t max_standfirst_chars = 600;
inline constexpr std::size_t max_short_field_chars = 200;  ///< dateline, credits, names
inline constexpr std::size_t max_body_bytes = 2 * 1024 * 1024;
inline constexpr std::size_t max_tags = 20;
inline constexpr std::size_t max_authors = 10;

/// Checks a draft against the editorial rules; the error names the first offending field.
Status validate(const ArticleDraft& draft);

}  // namespace dateline::domain
