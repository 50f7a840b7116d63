#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/wire_item.hpp"

namespace dateline::ingest {

/// The story text of an NITF document (IPTC's News Industry Text Format, 3.x) as HTML: the
/// content of its `body.content`, whose paragraphs, lists, tables and quotations keep their
/// shape (`hl2` becomes a subheading, `bq` a quotation), whose inline markup of people, places,
/// organisations and figures becomes plain text, and without media (pictures come with the item
/// apart). The document's head, its headline, byline, dateline and tagline are left out: they have
/// fields of their own. A document type declaration is skipped and no entity other than XML's
/// five and numeric ones is expanded. The HTML is untrusted and must be sanitized like any body.
Result<std::string> nitf_body_html(std::string_view xml);

/// Reads a whole NITF 3.x document (`<nitf>`, any 3.x version, prefixed or not) into a wire item:
/// - the id from `docdata/doc-id@id-string` (else `du-key@key`), the version from `du-key@version`;
/// - headline from `hedline/hl1` (else the head's `title`), standfirst from `abstract`, the body
///   as nitf_body_html gives it, byline from `byline` (its `person`s, else its text without the
///   `byttl` title and a leading "By"), dateline from `dateline`;
/// - source credit from `distributor`, else `doc.rights@provider`, else `doc.copyright@holder`;
/// - tags from `tobject.subject@tobject.subject.matter` and `key-list/keyword@key`; language from
///   `baselang` (else `xml:lang`); urgency from `urgency@ed-urg`;
/// - first and version created from `date.issue@norm`, embargo from `date.release@norm` (ISO
///   8601, basic or extended), status from `docdata@management-status` (usable, embargoed,
///   withheld, canceled);
/// - the first `media` of type image in the body whose `media-reference@source` is a file that
///   may be read (as ninjs renditions: inside `base_dir`, or a `file:` URL below an import root),
///   with its `media-caption` and `media-producer`.
/// Fields the document does not give stay empty: the caller decides which it needs. An error when
/// the text is not a well-formed NITF document.
Result<domain::WireItem> parse_nitf_document(
    std::string_view xml, const std::filesystem::path& base_dir,
    const std::vector<std::filesystem::path>& import_roots);

/// A date-time in ISO 8601 basic ("20261201T093000Z", "20261201T093000+0300", "20261201") or
/// extended form, as NITF's `norm` attributes write them; nothing when it is neither.
std::optional<UnixTime> parse_nitf_date(std::string_view text);

}  // namespace dateline::ingest
