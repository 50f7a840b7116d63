#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ingest/wire_document.hpp"

namespace dateline::ingest {

/// Reads an RSS feed (https://www.rssboard.org/rss-specification: 2.0, and 0.91 and 0.92, which
/// have its shape) or an Atom 1.0 feed (RFC 4287; a lone `<entry>` is a feed of one) into wire
/// items, each with the document's format ("RSS 2.0", "Atom 1.0"). Elements of the modules feeds
/// use (`content:`, `dc:`, `media:`, `atom:`) are known by the namespace their prefix is bound
/// to; an undeclared prefix is read as its usual namespace.
/// - RSS `item`: `guid` (else `link`) as guid; `title` as headline; `content:encoded` as body,
///   with `description` as standfirst; without it, `description` is the body (HTML when it holds
///   markup, else plain text made paragraphs); the `dc:creator`s' names (else the name in
///   `author`, "desk@example.com (Name)", else its text) as byline; `category` and `dc:subject`
///   as tags; `pubDate` (RFC 822, read tolerantly; else `dc:date`) as both first and version
///   created; the item's `dc:language` or `xml:lang`, else the channel's `language`, as language;
///   the item's `source`, else the channel's title, as source credit. No version: RSS has none.
/// - Atom `entry`: `id` (else the alternate `link`) as guid; `title` as headline; `content` as
///   body (text, html or xhtml), with `summary` as standfirst; without content, or with content
///   that is out of line (`src`, not fetched) or not text, the summary is the body; the authors'
///   names (else the feed's) as byline; categories (`label`, else `term`) as tags; `published`
///   (else `updated`) as first created, `updated` (else `published`) as version created, and the
///   text of `updated` as version, so that an entry sent again with a later `updated` is a new
///   version; `xml:lang` of the entry or the feed as language; `source/title`, else the feed's
///   title, as source credit.
/// - Picture: an image `enclosure` (Atom: `link rel="enclosure"`), `media:content` of medium or
///   type image and `media:thumbnail`, also inside `media:group`, as picture_source() chooses (a
///   local file inside `base_dir` or below one of `import_roots`, else an address to fetch; each
///   one refused adds a warning), with `media:description` (else `media:title`) as caption and
///   `media:credit` as credit.
/// Headline, standfirst, byline, tags and captions are plain text (HTML in them is made text);
/// bodies are the feed's untrusted HTML, for the caller to sanitize. An item with neither guid
/// nor link is known by its feed's link (Atom: id) and its title, with a warning; an unreadable
/// date is a warning. An item without a title or any text is skipped, named in `skipped`
/// (`item 3 ("guid or title"): no title`), and so are the items after the first 1,000. An error
/// when the text is over max_item_bytes, not UTF-8, not well-formed XML (with pugixml's reason
/// and the byte), not RSS or Atom (RSS 1.0 included), or holds no item, or no item that can be
/// read (with the first reasons). Entities a document type declares are never expanded.
Result<WireDocument> parse_syndication_feed(std::string_view xml,
                                            const std::filesystem::path& base_dir,
                                            const std::vector<std::filesystem::path>& import_roots);

}  // namespace dateline::ingest
