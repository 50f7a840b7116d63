#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ingest/wire_document.hpp"

namespace dateline::ingest {

/// Reads a NewsML-G2 document (https://iptc.org/standards/newsml-g2/, any 2.x version, Core or
/// Power conformance, with or without a namespace prefix): a `newsItem`, or a `newsMessage`
/// whose `itemSet` carries news items and packages. Each text (or composite) news item becomes a
/// wire item:
/// - `guid` and `version`; from `itemMeta`: `versionCreated`, `firstCreated` (else the version's
///   time), `embargoed`, `pubStatus` (usable, withheld, canceled);
/// - from `contentMeta`: the main `headline`, the summary `description` as standfirst, `by`
///   (else the `creator`s' names) as byline, `dateline` (else the `located` place's name),
///   `creditline` (else the first named `infoSource`, else the provider, else the copyright
///   holder) as source credit, the names of `subject`s and the `keyword`s as tags, `language`
///   (else the item's `xml:lang`), `urgency` (else the message's `priority`); where a text has
///   several names in several languages, the one in the item's language is taken;
/// - the richest body of its `contentSet`: NITF (`inlineXML` of an NITF type, read as
///   parse_nitf_document reads it, whose headline, abstract, byline and dateline fill what the
///   metadata leaves empty) or XHTML inline, else `inlineData` as plain text (or HTML); an item
///   with only a description (a flash) has the description as its body;
/// - its picture: the first picture item that a package of the same message groups with it, or
///   that its `link`s point to, from its `remoteContent` renditions as picture_source() chooses
///   (a local file, else an address to fetch), with its caption (the caption `description`,
///   else its headline) and credit.
/// Items that are not stories (pictures, videos, events, concepts, planning) are skipped with the
/// reason, as is a text item without an id, a headline or any text. An error when the document
/// is not NewsML-G2, is a package delivered without its items, or holds no story.
Result<WireDocument> parse_newsml_g2(std::string_view xml, const std::filesystem::path& base_dir,
                                     const std::vector<std::filesystem::path>& import_roots);

}  // namespace dateline::ingest
